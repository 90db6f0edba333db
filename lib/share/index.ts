export {
  continueSharedConversation,
  findConversationShare,
  listShares,
  type OwnShare,
  readSharedConversation,
  revokeShare,
  type SharedConversation,
  type ShareOptions,
  shareConversation,
  updateShare,
} from "./shares";
export {
  type AnswerFigures,
  answeringModels,
  firstQuestion,
  type SharedAnswer,
  type SharedMessage,
  type ShareSnapshot,
  takeSnapshot,
} from "./snapshot";
export { newShareToken, SHARE_TOKEN_LENGTH, sharePath, shareTokenSchema } from "./token";
