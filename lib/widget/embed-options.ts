import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";
import { WIDGET_THEMES } from "./protocol";

/** A value the loader may leave out or get wrong: a bad one falls back to the default instead of failing. */
const lenient = <Schema extends z.ZodType>(schema: Schema) => schema.optional().catch(undefined);

/**
 * What the loader puts in the frame's address (/embed?…). The host's origin is checked against
 * EMBED_ALLOWED_ORIGINS and is the only target the frame posts to; the rest is presentation.
 */
export const embedOptionsSchema = z.object({
  origin: z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin),
  title: lenient(z.string().trim().min(1).max(80)),
  greeting: lenient(z.string().trim().min(1).max(500)),
  persona: lenient(z.string().trim().min(1).max(4_000)),
  lang: lenient(z.enum(LOCALES)),
  theme: lenient(z.enum(WIDGET_THEMES)),
  accent: lenient(z.string().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i)),
  inline: lenient(z.literal("1")),
});

export type EmbedOptions = z.infer<typeof embedOptionsSchema>;
