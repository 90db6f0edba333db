import { MemoryStreamSlots } from "@/lib/limits/stream-slots";
import { describeTurnLimits } from "./turn-limits.suite";

describeTurnLimits("memory", async () => ({ slots: new MemoryStreamSlots() }));
