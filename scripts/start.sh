#!/usr/bin/env bash
# Builds the production app and serves it. Without VLLM_BASE_URL it runs on the built-in vLLM simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
./node_modules/.bin/next build
exec ./node_modules/.bin/next start -p "${PORT:-3000}" -H "${HOSTNAME:-0.0.0.0}"
