import { z } from "zod";
import { shareTokenSchema } from "@/lib/share/token";

export const shareParamsSchema = z.object({ token: shareTokenSchema });
