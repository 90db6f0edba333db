export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
/** The built-in simulator gets a fixed port so tests can read its /metrics (e.g. that Stop aborted upstream). */
export const SIM_PORT = APP_PORT + 1;
/** Host pages that embed the widget, on localhost: a different site from the app's 127.0.0.1. */
export const EMBED_HOST_PORT = APP_PORT + 2;
export const DISALLOWED_HOST_PORT = APP_PORT + 3;
/** Specs that start their own app server (fault injection, crash recovery) use the next ports. */
export const OWN_APP_PORT = APP_PORT + 4;
export const OWN_SIM_PORT = APP_PORT + 5;
