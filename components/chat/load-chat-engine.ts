import { adoptTypesetMath } from "@/lib/markdown/math-typesetter";
import type { ChatEngine } from "./chat-engine";

type Engine = typeof ChatEngine;
let loadedEngine: Engine | undefined;
let engineLoad: Promise<Engine> | undefined;

/** The chat engine if it has been downloaded already. */
export const loadedChatEngine = (): Engine | undefined => loadedEngine;

/**
 * Downloads the chat engine (the AI SDK and its validation: most of the chat's JavaScript) once. Stored
 * messages also wait for the markdown renderer, so the engine's message list shows them exactly as the
 * server-rendered placeholder did, with the formulas the server typeset taken over (no KaTeX runs again).
 */
export function loadChatEngine(withMarkdown = false): Promise<Engine> {
  engineLoad ??= import("./chat-engine").then((module) => {
    loadedEngine = module.ChatEngine;
    return module.ChatEngine;
  });
  if (!withMarkdown) return engineLoad;
  return Promise.all([engineLoad, import("@/components/markdown/markdown")]).then(([engine]) => {
    adoptTypesetMath(document);
    return engine;
  });
}
