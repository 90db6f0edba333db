#!/usr/bin/env bash
# The whole test suite: static checks, a production build, unit and integration tests (Vitest), browser
# tests (Playwright on Debian's Chromium) and a short load and soak. Ends with one "N passed, N failed,
# N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
status=0

step() { echo; echo "=== $1"; }

checks=()
check() {
  local name="$1"
  shift
  step "$name"
  if "$@"; then checks+=("$name=pass"); else checks+=("$name=fail"); status=1; fi
}

check "Type check" ./node_modules/.bin/tsc --noEmit
check "Lint and format" ./node_modules/.bin/biome check .

check "System packages" bash scripts/ensure-system-packages.sh

# Built first: the browser tests and the several-instance tests (tests/integration/scale) run the production server.
step "Production build"
built=1
./node_modules/.bin/next build || built=0
if [ "$built" = 1 ]; then check "Page budgets" node --import tsx bench/budgets/check.ts; fi

step "Unit and integration tests"
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1

step "Browser tests"
if [ "$built" = 1 ]; then
  ./node_modules/.bin/playwright test || status=1
else
  echo "The production build failed; browser tests cannot run."
  status=1
fi

# The shortened load and soak (100 streams for 15 s, 1,000 answers; about 4 minutes): the full one runs
# for nine minutes and stays a separate `npm run test:load`.
if [ "$built" = 1 ]; then check "Load and soak (short)" node --import tsx bench/load/run.ts --short; fi

step "Summary"
node scripts/summarize-tests.mjs reports/vitest.json reports/playwright.json "${checks[@]}" || status=1
exit $status
