import { afterAll } from "vitest";
import { MemoryGenerationHub } from "@/lib/generation/memory-hub";
import { defineHubSuite } from "./hub.suite";

const hub = new MemoryGenerationHub();
afterAll(() => hub.close());

defineHubSuite("memory generation hub (one instance)", () => ({ runner: hub, viewer: hub }));
