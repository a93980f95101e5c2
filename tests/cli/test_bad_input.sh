#!/bin/bash
# Bad input to the real binary: binary data, invalid UTF-8, an empty file, a
# missing path, a damaged .docx/.pdf, a folder mixing good and bad files, and
# a huge single line. Each bad file gives exit 2 and one error line naming it,
# never a crash; the good files are still checked; no input is modified.
# Re-encoded copies (GB18030, UTF-16, CRLF) give the same findings as UTF-8.
#   bash test_bad_input.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

GOOD="$SRC/examples/city-report.txt"
[ -f "$GOOD" ] || { echo "no $GOOD"; exit 1; }

mkdir -p in/sub in/.hidden
cp "$GOOD" in/good.txt
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' >in/photo.txt
printf '全市共有学校 24 所\xff\xfe，其中公办 14 所。\n' >in/bad-utf8.txt
: >in/empty.txt
printf 'PK\x03\x04 this is not really a zip archive' >in/sub/broken.docx
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog' >in/sub/truncated.pdf
printf 'not a report' >in/sub/image.png        # not a checkable extension: skipped
printf '\x00\x01binary' >in/.hidden/skip.txt    # hidden folder: skipped
iconv -f UTF-8 -t GB18030 "$GOOD" >in/sub/gb18030.txt
python3 - <<'PY'
line = "专任教师 2318 人，占比 57.5%；" * 1_900_000  # about 50 MB on one line
open("huge.txt", "w", encoding="utf-8").write(line + "\n")
small = "专任教师 2318 人，占比 57.5%；" * 1500       # about 50 KB on one line
open("in/sub/long-line.txt", "w", encoding="utf-8").write(small + "\n")
PY
sums() { find in huge.txt -type f -print0 | sort -z | xargs -0 sha256sum; }
sums >before.sum

# Runs tally, records exit code, stdout and stderr; exit codes >= 128 are crashes.
run() {
  "$@" >out 2>err
  code=$?
  if [ "$code" -ge 128 ]; then bad "crash (exit $code): $*"; cat err; fi
}

# Each bad file alone: exit 2 and exactly one error line naming the file.
for f in in/photo.txt in/bad-utf8.txt in/empty.txt in/sub/broken.docx in/sub/truncated.pdf in/missing.txt; do
  run "$TALLY" check --color never "$f"
  lines=$(wc -l <err)
  if [ "$code" = 2 ] && [ "$lines" = 1 ] && grep -q "^tally: error: $f: " err; then
    ok "$f: exit 2, '$(cat err)'"
  else
    bad "$f: exit $code, $lines stderr lines"; cat err
  fi
done
grep -q "binary file (NUL byte at offset 8)" <("$TALLY" check in/photo.txt 2>&1) && ok "NUL offset reported" ||
  bad "NUL offset not reported"
grep -q "invalid UTF-8 at byte 25 (and not GB18030 text)" <("$TALLY" check in/bad-utf8.txt 2>&1) &&
  ok "invalid byte offset reported" || bad "invalid byte offset not reported"
grep -q "in/empty.txt: empty file" <("$TALLY" check in/empty.txt 2>&1) && ok "empty file named" ||
  bad "empty file message"
grep -q "in/missing.txt: cannot open: No such file or directory" <("$TALLY" check in/missing.txt 2>&1) &&
  ok "missing path named" || bad "missing path message"

# The folder and a missing path together: every bad file reported, the good
# ones checked (three: good.txt, gb18030.txt and long-line.txt), exit 2.
run "$TALLY" check --color never --format json in in/missing.txt
if [ "$code" = 2 ]; then ok "mixed folder: exit 2"; else bad "mixed folder: exit $code"; fi
for f in in/photo.txt in/bad-utf8.txt in/empty.txt in/sub/broken.docx in/sub/truncated.pdf in/missing.txt; do
  grep -q "^tally: error: $f: " err && ok "mixed folder reports $f" || bad "mixed folder does not report $f"
done
if [ "$(wc -l <err)" = 6 ]; then ok "one line per bad file"; else bad "stderr has $(wc -l <err) lines"; cat err; fi
files=$(python3 -c 'import json,sys; print(json.load(open("out"))["summary"]["files"])')
[ "$files" = 3 ] && ok "three good files checked" || bad "$files files checked, expected 3"
python3 - <<'PY' && ok "good files' findings present" || bad "good files' findings missing"
import json, sys
d = json.load(open("out"))
files = {x["file"] for x in d["diagnostics"]}
sys.exit(0 if {"in/good.txt", "in/sub/gb18030.txt"} <= files else 1)
PY
grep -q "skip.txt\|image.png" err out && bad "skipped files were read" || ok "hidden and non-report files skipped"

# Re-encodings of the good report give identical findings at identical positions.
"$TALLY" check --format json "$GOOD" >utf8.json 2>/dev/null
iconv -f UTF-8 -t GB18030 "$GOOD" >gb.txt
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$GOOD"; } >u16.txt
sed 's/$/\r/' "$GOOD" >crlf.txt
{ printf '\xef\xbb\xbf'; cat "$GOOD"; } >bom.txt
for f in gb.txt u16.txt crlf.txt bom.txt; do
  "$TALLY" check --format json "$f" >"$f.json" 2>"$f.err"
  if python3 - "$f" <<'PY'
import json, sys
name = sys.argv[1]
a = json.load(open("utf8.json")); b = json.load(open(name + ".json"))
def norm(d):
    s = json.dumps(d["diagnostics"], sort_keys=True, ensure_ascii=False)
    return s
want = norm(a).replace(json.dumps(a["diagnostics"][0]["file"]) if a["diagnostics"] else "", '"X"')
got = norm(b).replace(json.dumps(name), '"X"')
sys.exit(0 if a["diagnostics"] and want == got else 1)
PY
  then ok "$f: same findings and positions as UTF-8"; else bad "$f: findings differ from UTF-8"; cat "$f.err"; fi
done

# A 50 MB single line loads in well under ten seconds (a sanitizer or Debug build only has to finish).
limit=10
[ "${TALLY_OPTIMIZED:-1}" = 1 ] || limit=120
start=$(date +%s)
run timeout 240 "$TALLY" text huge.txt
end=$(date +%s)
if [ "$code" = 0 ] && [ "$(wc -c <out)" = "$(wc -c <huge.txt)" ] && [ $((end - start)) -lt $limit ]; then
  ok "50 MB line loaded in $((end - start)) s"
else
  bad "50 MB line: exit $code in $((end - start)) s"
fi
# `check` on a long line (50 KB; the engine is not yet linear in line length).
run timeout 120 "$TALLY" check --color never in/sub/long-line.txt
[ "$code" = 0 ] || [ "$code" = 1 ] && ok "long line checked (exit $code)" || bad "long line: exit $code"

sums >after.sum
cmp -s before.sum after.sum && ok "inputs unchanged" || { bad "inputs changed"; diff before.sum after.sum; }
finish
