#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit and data-layer tests (vitest), then end-to-end journeys in Chromium (Playwright).
set -euo pipefail
echo "== typecheck"; npx tsc --noEmit
echo "== lint";      npx eslint --max-warnings 0 .
echo "== vitest";    npx vitest run
echo "== playwright"; npx playwright test
