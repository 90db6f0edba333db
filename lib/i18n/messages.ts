import type { Locale } from "./locale";

/**
 * Every string the chat UI shows. Texts with values in them are functions, so a translation can put the
 * value where its grammar wants it. Errors from the server are already human text and are not listed here.
 */
export const en = {
  app: {
    name: "r1-chat",
    description: "Chat with DeepSeek-R1 reasoning models served by vLLM",
  },
  persona: {
    button: "Persona",
    buttonWhenSet: "Persona (set)",
    fieldLabel: "Instructions for the model",
    help: "Sent at the start of your first question, as DeepSeek recommends for R1 (no system prompt).",
    placeholder: "e.g. You are a patient maths tutor for secondary-school students.",
  },
  composer: {
    label: "Message",
    placeholder: "Ask a question…",
    hint: "Enter sends, Shift+Enter starts a new line",
    send: "Send",
    stop: "Stop",
  },
  emptyState: {
    title: "Ask a reasoning question",
    body: "The model thinks first, then answers. Maths is rendered as it streams.",
  },
  waitingForModel: "Waiting for the model…",
  answering: "Answering…",
  reasoning: {
    thinking: "Thinking…",
    elapsed: (seconds: string) => `${seconds} s`,
    thoughtFor: (seconds: string) => `Thought for ${seconds} s`,
  },
  rules: {
    applied: (count: number) => `R1 rules applied (${count})`,
    stoppedAtMaxTokens: "stopped at max_tokens",
  },
  chatError: {
    fallback: "Something went wrong.",
    retry: "Retry",
  },
  modelBadge: {
    simulated: "Simulated model",
    simulatedTooltip: "No VLLM_BASE_URL is set: answers come from the built-in vLLM simulator",
    unavailable: "model unavailable",
  },
  sidebar: {
    newChat: "New chat",
    conversations: "Conversations",
    noConversations: "No conversations yet",
    untitled: "Untitled",
    conversationActions: "Conversation actions",
    rename: "Rename",
    renameConversation: (title: string) => `Rename “${title}”`,
    titleLabel: "Conversation title",
    delete: "Delete",
    deleteConversation: (title: string) => `Delete “${title}”`,
    confirmDelete: (title: string) => `Delete “${title}”? This cannot be undone.`,
    today: "Today",
    yesterday: "Yesterday",
    earlier: "Earlier",
    openMenu: "Open the conversation list",
    closeMenu: "Close the conversation list",
  },
  messageActions: {
    copy: "Copy",
    copyAnswerMarkdown: "Copy answer as markdown",
    copyFinalAnswer: (answer: string) => `Copy final answer (${answer})`,
    copied: "Copied",
    regenerate: "Regenerate",
    edit: "Edit",
    editLabel: "Edit your question",
    saveAndSend: "Save & send",
    cancel: "Cancel",
  },
  messageState: {
    stopped: "Stopped",
    error: "Error",
    interrupted: "Interrupted: the server restarted while this answer was being written",
  },
  jumpToLatest: "Jump to latest",
  settings: {
    button: "Settings",
    title: "Settings",
    theme: "Theme",
    themeSystem: "System",
    themeLight: "Light",
    themeDark: "Dark",
    language: "Language",
    smoothText: "Smooth text",
    smoothTextHelp: "Reveal streamed text at an even pace instead of in bursts.",
    latencyOverlay: "Latency overlay",
    latencyOverlayHelp: "Show time to first token and tokens per second on each answer.",
  },
  shortcuts: {
    title: "Keyboard shortcuts",
    newChat: "New chat",
    focusComposer: "Focus the message box",
    stop: "Stop generating",
  },
};

export type Messages = typeof en;

export const zh: Messages = {
  app: {
    name: "r1-chat",
    description: "与 vLLM 部署的 DeepSeek-R1 推理模型对话",
  },
  persona: {
    button: "角色设定",
    buttonWhenSet: "角色设定（已设置）",
    fieldLabel: "给模型的说明",
    help: "按 DeepSeek 对 R1 的建议不使用系统提示词，这段说明会放在你的第一个问题开头一起发送。",
    placeholder: "例如：你是一位耐心的中学数学老师。",
  },
  composer: {
    label: "消息",
    placeholder: "输入你的问题…",
    hint: "按 Enter 发送，Shift+Enter 换行",
    send: "发送",
    stop: "停止",
  },
  emptyState: {
    title: "问一个需要推理的问题",
    body: "模型会先思考，再作答。数学公式随输出实时渲染。",
  },
  waitingForModel: "正在等待模型响应…",
  answering: "正在回答…",
  reasoning: {
    thinking: "思考中…",
    elapsed: (seconds) => `${seconds} 秒`,
    thoughtFor: (seconds) => `已思考 ${seconds} 秒`,
  },
  rules: {
    applied: (count) => `已应用 R1 规则（${count} 条）`,
    stoppedAtMaxTokens: "已达到 max_tokens 上限而停止",
  },
  chatError: {
    fallback: "出错了。",
    retry: "重试",
  },
  modelBadge: {
    simulated: "模拟模型",
    simulatedTooltip: "未设置 VLLM_BASE_URL：回答来自内置的 vLLM 模拟器",
    unavailable: "模型不可用",
  },
  sidebar: {
    newChat: "新对话",
    conversations: "对话记录",
    noConversations: "还没有对话",
    untitled: "未命名对话",
    conversationActions: "对话操作",
    rename: "重命名",
    renameConversation: (title) => `重命名“${title}”`,
    titleLabel: "对话标题",
    delete: "删除",
    deleteConversation: (title) => `删除“${title}”`,
    confirmDelete: (title) => `确定删除“${title}”吗？删除后无法恢复。`,
    today: "今天",
    yesterday: "昨天",
    earlier: "更早",
    openMenu: "打开对话列表",
    closeMenu: "关闭对话列表",
  },
  messageActions: {
    copy: "复制",
    copyAnswerMarkdown: "复制回答（Markdown）",
    copyFinalAnswer: (answer) => `复制最终答案（${answer}）`,
    copied: "已复制",
    regenerate: "重新生成",
    edit: "编辑",
    editLabel: "编辑你的问题",
    saveAndSend: "保存并发送",
    cancel: "取消",
  },
  messageState: {
    stopped: "已停止",
    error: "出错",
    interrupted: "已中断：生成这条回答时服务器重启了",
  },
  jumpToLatest: "跳到最新消息",
  settings: {
    button: "设置",
    title: "设置",
    theme: "主题",
    themeSystem: "跟随系统",
    themeLight: "浅色",
    themeDark: "深色",
    language: "语言",
    smoothText: "平滑显示文字",
    smoothTextHelp: "以均匀的速度逐字显示流式输出，而不是一段一段地跳出来。",
    latencyOverlay: "延迟信息",
    latencyOverlayHelp: "在每条回答上显示首个 token 的等待时间和每秒 token 数。",
  },
  shortcuts: {
    title: "键盘快捷键",
    newChat: "新对话",
    focusComposer: "聚焦输入框",
    stop: "停止生成",
  },
};

export const MESSAGES: Record<Locale, Messages> = { en, zh };
