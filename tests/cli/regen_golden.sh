#!/bin/bash
# Regenerates examples/*.expected.json from the current build. Review `git diff examples/` afterwards:
# every change there must be a deliberate one.
set -eu
TALLY=${1:-build/tally}
cd "$(dirname "$0")/../.."
for report in examples/*.txt; do
  "$TALLY" check --format json "$report" > "${report%.txt}.expected.json" || [ $? -eq 1 ]
  echo "wrote ${report%.txt}.expected.json"
done
