#!/bin/bash
# DOCX and PDF input: LibreOffice turns an example report (.txt) into .docx
# and .pdf, and `tally check` must find the same problems in all three. Line
# numbers differ between the formats, so the findings are compared as the set
# of (rule, text of the flagged figure) pairs. Skipped (77) without LibreOffice.
#   bash test_docx_pdf.sh <path-to-tally> <source-dir>
set -u
TALLY=$(realpath "$1")
SRC=$(realpath "$2")
SOFFICE=$(command -v soffice || command -v libreoffice || true)
[ -n "$SOFFICE" ] || { echo "skip: LibreOffice (soffice) is not installed"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }

convert() {  # convert <format> <file>: a private profile so parallel runs do not collide
  timeout 180 "$SOFFICE" -env:UserInstallation="file://$TMP/profile" --headless \
    --infilter="Text (encoded):UTF8,LF,,," --convert-to "$1" --outdir "$TMP" "$2" >/dev/null 2>&1
}

# The (rule, figure text) pairs tally reports for a file, one per line,
# sorted. With a second argument (the .txt), findings on table rows of that
# .txt are left out: LibreOffice draws a tab as a jump to the next tab stop,
# which can be zero-width, so a PDF cannot show every column boundary.
findings() {
  "$TALLY" check --format json "$1" >"$1.json" 2>"$1.err"
  local code=$?
  if [ "$code" != 0 ] && [ "$code" != 1 ]; then bad "$1: exit $code"; cat "$1.err"; fi
  "$TALLY" text "$1" >"$1.view"
  python3 - "$1" "${2:-}" <<'PY'
import json, re, sys
name, txt = sys.argv[1], sys.argv[2]
lines = open(name + ".view", encoding="utf-8").read().split("\n")
squash = lambda s: re.sub(r"\s+", "", s)
tables = set()
if txt:
    tables = {squash(l) for l in open(txt, encoding="utf-8").read().split("\n") if "\t" in l.strip()}
pairs = set()
for d in json.load(open(name + ".json"))["diagnostics"]:
    line = lines[d["line"] - 1]
    if squash(line) in tables:
        continue
    text = line[d["column"] - 1 : d["end_column"] - 1] if d["line"] == d["end_line"] else "?"
    pairs.add(f'{d["rule"]}\t{squash(text)}')
print("\n".join(sorted(pairs)))
PY
}

for example in city-report school-report clean-report traps-report; do
  txt="$SRC/examples/$example.txt"
  [ -f "$txt" ] || continue
  cp "$txt" "$example.txt"
  findings "$example.txt" >"$example.want"
  findings "$example.txt" "$example.txt" >"$example.want-prose"
  if [ ! -s "$example.want-prose" ] && [ "${example#clean}" = "$example" ] && [ "${example#traps}" = "$example" ]; then
    bad "$example.txt: no findings to compare"
    continue
  fi
  for fmt in docx pdf; do
    if ! convert "$fmt" "$example.txt" || [ ! -s "$example.$fmt" ]; then
      bad "LibreOffice could not make $example.$fmt"
      continue
    fi
    # A .docx keeps the table cells, so every finding must match; a PDF
    # must match on everything outside tables.
    want="$example.want"
    if [ "$fmt" = pdf ]; then
      want="$example.want-prose"
      findings "$example.$fmt" "$example.txt" >"$example.$fmt.got"
    else
      findings "$example.$fmt" >"$example.$fmt.got"
    fi
    if cmp -s "$want" "$example.$fmt.got"; then
      ok "$example.$fmt: same $(grep -c . "$want") findings as the .txt"
    else
      bad "$example.$fmt: findings differ from the .txt (< txt, > $fmt)"
      diff "$want" "$example.$fmt.got"
    fi
  done
done
exit $fail
