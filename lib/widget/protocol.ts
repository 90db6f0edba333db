import { z } from "zod";

/**
 * The postMessage protocol between the loader on the host page (public/widget.js) and the widget frame
 * (/embed). Every message names the protocol and its version, so other scripts' messages and a future
 * version's are told apart. The loader cannot afford zod: its hand-written checks mirror these schemas,
 * and tests/unit/widget/protocol.test.ts runs the same cases through both.
 */
export const PROTOCOL_NAME = "r1chat";
export const PROTOCOL_VERSION = 1;

const envelope = { ns: z.literal(PROTOCOL_NAME), v: z.literal(PROTOCOL_VERSION) };

export const WIDGET_SIZES = ["compact", "expanded"] as const;
export type WidgetSize = (typeof WIDGET_SIZES)[number];
export const WIDGET_THEMES = ["system", "light", "dark"] as const;
export const MAX_UNREAD = 99;

/** Host page → frame. */
export const hostMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...envelope, type: z.literal("open") }),
  z.strictObject({ ...envelope, type: z.literal("close") }),
  z.strictObject({ ...envelope, type: z.literal("theme"), theme: z.enum(WIDGET_THEMES) }),
]);

/** Frame → host page. Sizes are named, not pixels, so a frame cannot cover the host page. */
export const widgetMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...envelope, type: z.literal("ready") }),
  z.strictObject({ ...envelope, type: z.literal("close") }),
  z.strictObject({ ...envelope, type: z.literal("resize"), size: z.enum(WIDGET_SIZES) }),
  z.strictObject({ ...envelope, type: z.literal("unread"), count: z.int().min(0).max(MAX_UNREAD) }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;
export type WidgetMessage = z.infer<typeof widgetMessageSchema>;

type Body<Message> = Message extends unknown ? Omit<Message, "ns" | "v"> : never;

export function widgetMessage(body: Body<WidgetMessage>): WidgetMessage {
  return { ns: PROTOCOL_NAME, v: PROTOCOL_VERSION, ...body } as WidgetMessage;
}

export function hostMessage(body: Body<HostMessage>): HostMessage {
  return { ns: PROTOCOL_NAME, v: PROTOCOL_VERSION, ...body } as HostMessage;
}
