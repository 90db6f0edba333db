export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
/** The built-in simulator gets a fixed port so tests can read its /metrics (e.g. that Stop aborted upstream). */
export const SIM_PORT = APP_PORT + 1;
