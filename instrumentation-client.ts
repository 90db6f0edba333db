import { config } from "zod/v4/core";

// Zod probes for `new Function` to compile faster parsers; the strict Content-Security-Policy forbids eval,
// and the browser reports the probe as a violation even though zod catches it. Parse without compiling.
config({ jitless: true });
