import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";

export const embedConfigQuerySchema = z.object({
  origin: z.url({ protocol: /^https?$/, message: "origin must be the host page's origin" }),
  lang: z.enum(LOCALES).optional().catch(undefined),
});
