#!/usr/bin/env bash
# Builds the production app and serves it with the standalone server (the one docs/deploy.md deploys).
# Without VLLM_BASE_URL it runs on the built-in vLLM simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
./node_modules/.bin/next build
bash scripts/standalone.sh
# server.js changes into .next/standalone, which every build replaces: keep the data outside it.
DATA_DIR="$(realpath -m "${DATA_DIR:-data}")"
# bash always sets HOSTNAME to the machine's name; only an exported one chooses the address.
HOSTNAME="$(printenv HOSTNAME || echo 0.0.0.0)"
export DATA_DIR HOSTNAME PORT="${PORT:-3000}"
exec node .next/standalone/server.js
