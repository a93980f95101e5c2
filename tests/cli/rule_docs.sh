#!/bin/bash
# Writes docs/rules/: one page per rule of the built-in packs (`tally explain --format markdown`)
# and an index. `make rule-docs` runs it; tests/cli/test_rule_docs.sh checks the pages are current.
#   bash rule_docs.sh <path-to-tally> <out-dir>
set -eu
TALLY=$1
OUT=$2
mkdir -p "$OUT"
rm -f "$OUT"/*.md
export LANG=C.UTF-8 LC_ALL=C.UTF-8
{
  echo "# Rules"
  echo
  echo "Written by \`tally explain --format markdown\` from the built-in packs (\`make rule-docs\`); do not edit."
  echo "Each finding links to its rule's page."
  echo
  echo "| rule | severity | pack | what it checks |"
  echo "| --- | --- | --- | --- |"
  "$TALLY" rules --lang en --no-default-rules >/dev/null  # fails loudly on a broken binary
  "$TALLY" rules --lang en --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    cells = ["[%s](%s.md)" % (r["id"], r["id"]), r["severity"], r["pack"], r["summary"].replace("|", "\\|")]
    print("| " + " | ".join(cells) + " |")
'
} >"$OUT/README.md"
for id in $("$TALLY" rules --lang en | cut -d" " -f1); do
  "$TALLY" explain --lang en --format markdown "$id" >"$OUT/$id.md"
done
