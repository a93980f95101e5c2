#!/bin/bash
# docs/rules/ is what `tally explain --format markdown` says today: regenerated into a temporary
# folder and compared page by page. After changing a pack, run `make rule-docs` and commit the pages.
#   bash test_rule_docs.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
bash "$SRC/tests/cli/rule_docs.sh" "$TALLY" "$TMP/rules" || { echo "FAIL: rule_docs.sh"; exit 1; }
if diff -ru "$SRC/docs/rules" "$TMP/rules" >"$TMP/diff.txt"; then
  echo "ok: $(ls "$TMP/rules" | wc -l) pages in docs/rules match the packs"
  exit 0
fi
head -40 "$TMP/diff.txt"
echo "FAIL: docs/rules is out of date: run 'make rule-docs' and commit the pages"
exit 1
