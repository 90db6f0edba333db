#!/usr/bin/env bash
# Completes the standalone server that `next build` writes to .next/standalone: Next.js leaves the static
# assets out (a CDN may serve them), so they are copied next to server.js. Run after `next build`; then
#   PORT=3000 HOSTNAME=127.0.0.1 node .next/standalone/server.js
# The directory is self-contained: copy it anywhere (see docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."
standalone=.next/standalone
if [ ! -f "$standalone/server.js" ]; then
  echo "No $standalone/server.js: run \`npm run build\` first." >&2
  exit 1
fi
rm -rf "$standalone/.next/static" "$standalone/public"
cp -r .next/static "$standalone/.next/static"
if [ -d public ]; then cp -r public "$standalone/public"; fi
echo "$standalone is ready: node $standalone/server.js"
