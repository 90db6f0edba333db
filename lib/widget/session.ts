import { z } from "zod";

/** Where the widget frame keeps its identity; the browser keeps a separate copy for each host site. */
export const WIDGET_SESSION_KEY = "r1chat.widget";

export const storedWidgetSessionSchema = z.object({
  token: z.string().min(1).max(200),
  conversationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export type StoredWidgetSession = z.infer<typeof storedWidgetSessionSchema>;

/** What POST /api/embed/session answers. */
export const widgetSessionResponseSchema = z.object({ token: z.string().min(1).max(200) });

/** What POST /api/embed/handoff answers: the address that opens the conversation in the app. */
export const handoffResponseSchema = z.object({ url: z.string().startsWith("/api/embed/handoff?code=") });
