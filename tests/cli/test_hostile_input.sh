#!/bin/bash
# Hostile and broken input, one kind per case, each in a folder of its own:
# figures with too many digits, FIFOs and devices, huge and blank files,
# deeply nested .docx tables, YAML and assertions, wrong-shaped rule params,
# patterns with thousands of groups, a .tally.yaml that is a folder, and
# language-server streams with lying Content-Length headers.
# Every case checks: the exit code (2 for refused input, 0/1 when it is
# legitimately checkable), one stderr line naming the file, bounded time
# (timeout) and memory (ulimit -v), the input's checksum unchanged and
# nothing new written beside it. Each crash found by fuzzing stays here.
#   bash test_hostile_input.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

# Sanitizer builds reserve terabytes of address space and run slower.
TIMEOUT=10
VLIMIT=2000000  # KiB: about 2 GB
EXIT_MS=2000    # from starting the server to its exit during a check
if grep -q __asan_init "$TALLY" 2>/dev/null; then
  VLIMIT=""
  TIMEOUT=60
  EXIT_MS=8000
fi

# Everything in a case folder, listed with its type and checksum (regular files only: reading a FIFO would block).
snapshot() {
  (cd "$1" && find . -mindepth 1 -printf '%y %p\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}

# run_case NAME CODES PATTERN DIR [STDIN] -- COMMAND...
# CODES: allowed exit codes ("2" or "0 1"). When 2 is expected, stderr must be
# one line starting "tally: error:" and containing PATTERN (which names the file).
run_case() {
  local name=$1 codes=$2 pattern=$3 dir=$4 stdin=/dev/null
  shift 4
  if [ "$1" != -- ]; then
    stdin=$1
    shift
  fi
  shift
  local before after start elapsed
  before=$(snapshot "$dir")
  start=$(date +%s%N)
  (
    [ -n "$VLIMIT" ] && ulimit -v "$VLIMIT"
    cd "$dir" && exec timeout -k 2 "$TIMEOUT" "$@"
  ) <"$stdin" >"$TMP/out" 2>"$TMP/err"
  code=$?
  elapsed=$((($(date +%s%N) - start) / 1000000))
  after=$(snapshot "$dir")
  local why=""
  case " $codes " in *" $code "*) ;; *) why="exit $code (want $codes)" ;; esac
  [ "$code" = 124 ] || [ "$code" = 137 ] && why="timed out after ${elapsed} ms"
  if [ -z "$why" ] && [ "$codes" = 2 ]; then
    if [ "$(wc -l <"$TMP/err")" != 1 ]; then
      why="$(wc -l <"$TMP/err") stderr lines"
    elif ! grep -q '^tally: error: ' "$TMP/err" || ! grep -qF -- "$pattern" "$TMP/err"; then
      why="message lacks '$pattern'"
    fi
  fi
  [ -z "$why" ] && [ "$before" != "$after" ] && why="the input folder changed"
  if [ -z "$why" ]; then
    ok "$name (exit $code, ${elapsed} ms) $(head -c 160 "$TMP/err" | head -1)"
  else
    bad "$name: $why"
    head -c 600 "$TMP/err"
  fi
}

mk() { mkdir -p "$TMP/c/$1" && echo "$TMP/c/$1"; }

# ---- reports that must be refused (exit 2, one line naming the file)

d=$(mk empty); : >"$d/r.txt"
run_case "empty file" 2 "r.txt: empty file" "$d" -- "$TALLY" check r.txt
d=$(mk bom); printf '\xef\xbb\xbf' >"$d/r.txt"
run_case "only a UTF-8 BOM" 2 "r.txt: empty file" "$d" -- "$TALLY" check r.txt
d=$(mk bom16); printf '\xff\xfe' >"$d/r.txt"
run_case "only a UTF-16 BOM" 2 "r.txt: empty file" "$d" -- "$TALLY" check r.txt
d=$(mk blank); printf ' \n\t\r\n\n   \n' >"$d/r.txt"
run_case "only white space" 2 "r.txt: empty file" "$d" -- "$TALLY" check r.txt
d=$(mk ideographic); printf '\xe3\x80\x80\xe3\x80\x80\n' >"$d/r.txt"
run_case "only ideographic spaces" 2 "r.txt: empty file" "$d" -- "$TALLY" check r.txt
d=$(mk bom-blank); printf '\xef\xbb\xbf \n\n' >"$d/r.md"
run_case "a BOM and blank lines (.md)" 2 "r.md: empty file" "$d" -- "$TALLY" check r.md
d=$(mk binary); printf 'abc\x00\x01\x02\x03' >"$d/r.txt"
run_case "binary data" 2 "r.txt: binary file" "$d" -- "$TALLY" check r.txt
d=$(mk badutf8); printf '全市共有学校 24 所\xc0\xaf\xed\xa0\x80\n' >"$d/r.txt"
run_case "overlong UTF-8 and an encoded surrogate" 2 "r.txt:" "$d" -- "$TALLY" check r.txt
d=$(mk missing)
run_case "missing file" 2 "nothing.txt: cannot open" "$d" -- "$TALLY" check nothing.txt
d=$(mk fifo); mkfifo "$d/r.txt"
run_case "a FIFO as the report" 2 "r.txt: is a FIFO" "$d" -- "$TALLY" check r.txt
d=$(mk fifo-text); mkfifo "$d/r.txt"
run_case "a FIFO to tally text" 2 "r.txt: is a FIFO" "$d" -- "$TALLY" text r.txt
d=$(mk fifo-facts); mkfifo "$d/r.txt"
run_case "a FIFO to tally facts" 2 "r.txt: is a FIFO" "$d" -- "$TALLY" facts r.txt
d=$(mk socket); python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$d/r.txt"
run_case "a socket as the report" 2 "r.txt: is a socket" "$d" -- "$TALLY" check r.txt
d=$(mk devzero)
run_case "/dev/zero" 2 "/dev/zero: is a character device" "$d" -- "$TALLY" check /dev/zero
d=$(mk devnull)
run_case "/dev/null" 2 "/dev/null: is a character device" "$d" -- "$TALLY" check /dev/null
d=$(mk huge); truncate -s 300M "$d/r.txt"
run_case "a 300 MiB file (refused before reading)" 2 "r.txt: file too large (300 MiB" "$d" -- "$TALLY" check r.txt
d=$(mk loop); ln -s a "$d/b.txt"; ln -s b.txt "$d/a"
run_case "a symlink loop" 2 "b.txt: cannot open" "$d" -- "$TALLY" check b.txt
d=$(mk dangling); ln -s nowhere.txt "$d/r.txt"
run_case "a dangling symlink" 2 "r.txt: cannot open" "$d" -- "$TALLY" check r.txt
d=$(mk emptydir); mkdir "$d/reports"
run_case "a folder with nothing to check" 2 "reports: folder holds no" "$d" -- "$TALLY" check reports
d=$(mk stdin-empty)
run_case "empty standard input" 2 "-: empty file" "$d" -- "$TALLY" check -

# ---- damaged and hostile .docx / .pdf
d=$(mk notzip); printf 'PK\x03\x04 not a zip' >"$d/r.docx"
run_case "a .docx that is not a ZIP" 2 "r.docx: " "$d" -- "$TALLY" check r.docx
python3 - "$TMP/c" <<'PY'
import os, sys, zipfile
root = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def docx(name, body, extra=None, document=None):
    os.makedirs(os.path.join(root, name), exist_ok=True)
    with zipfile.ZipFile(os.path.join(root, name, "r.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        if document is None:
            document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
        z.writestr("word/document.xml", document)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
p = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
n = 15000  # nested tables: a stack overflow in the table walker
docx("docx-nested", p("全市共有学校 24 所。") + "<w:tbl><w:tr><w:tc>" * n + p("1") + "</w:tc></w:tr></w:tbl>" * n)
docx("docx-nested-runs", "<w:p>" + "<w:r>" * 20000 + "<w:t>5 所</w:t>" + "</w:r>" * 20000 + "</w:p>")
docx("docx-badxml", "", document="<w:document><w:body><w:p>")
docx("docx-nobody", "", document=f'<?xml version="1.0"?><w:document {W}/>')
docx("docx-bomb", p("x" * (300 << 20)))  # 300 MB of text in about 300 KB
num = ('<w:numbering %s><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/>'
       '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
       '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>') % W
item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="99999999999"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>全市共有学校 24 所</w:t></w:r></w:p>'
docx("docx-numbering", item * 3, {"word/numbering.xml": num})
os.makedirs(os.path.join(root, "docx-nodoc"), exist_ok=True)
with zipfile.ZipFile(os.path.join(root, "docx-nodoc", "r.docx"), "w") as z:
    z.writestr("hello.txt", "hi")
PY
run_case "15,000 nested tables in a .docx" 2 "r.docx: word/document.xml is nested too deeply" "$TMP/c/docx-nested" -- "$TALLY" check r.docx
run_case "20,000 nested runs in a .docx" 2 "r.docx: word/document.xml is nested too deeply" "$TMP/c/docx-nested-runs" -- "$TALLY" check r.docx
run_case "a .docx with broken XML" 2 "r.docx: word/document.xml is damaged" "$TMP/c/docx-badxml" -- "$TALLY" check r.docx
run_case "a .docx without w:body" 2 "r.docx: " "$TMP/c/docx-nobody" -- "$TALLY" check r.docx
run_case "a .docx zip bomb" 2 "r.docx: " "$TMP/c/docx-bomb" -- "$TALLY" check r.docx
run_case "a .docx without word/document.xml" 2 "r.docx: not a .docx" "$TMP/c/docx-nodoc" -- "$TALLY" check r.docx
run_case "a .docx list starting at 2^31-1 (letters)" "0 1" "" "$TMP/c/docx-numbering" -- "$TALLY" check r.docx
d=$(mk pdf); printf '%%PDF-1.7\n%%\xe2\xe3\n1 0 obj << /Kids [' >"$d/r.pdf"
run_case "a truncated .pdf" 2 "r.pdf: " "$d" -- "$TALLY" check r.pdf
d=$(mk notpdf); printf 'hello' >"$d/r.pdf"
run_case "a .pdf without a header" 2 "r.pdf: not a PDF" "$d" -- "$TALLY" check r.pdf

# ---- figures beyond 128-bit arithmetic: checked or skipped, never a crash (SIGFPE before)
zeros=$(printf '0%.0s' $(seq 128))
d=$(mk decimals)
printf '全市共有学校 1.%s 所，其中公办 1.%s 所，民办 3 所。占比 1.%s%%。增长 1.%s%%，比上年增加 1.%s 所。\n' \
  "$zeros" "$zeros" "$zeros" "$zeros" "$zeros" >"$d/r.txt"
run_case "a figure with 128 decimals (SIGFPE before)" "0 1" "" "$d" -- "$TALLY" check r.txt
d=$(mk digits60); n60=$(printf '9%.0s' $(seq 60))
printf '全市共有学校 %s 所，其中公办 %s 所，民办 4 所。占全市的 %s%%。\n' "$n60" "$n60" "$n60" >"$d/r.txt"
run_case "a 60-digit integer" "0 1" "" "$d" -- "$TALLY" check r.txt
d=$(mk split-digits); n30=$(printf '8%.0s' $(seq 30)); f30=$(printf '5%.0s' $(seq 30))
printf '全市共有学校 %s.%s 所，其中公办 %s.%s 所，民办 3 所。占比 %s.%s%%。\n' "$n30" "$f30" "$n30" "$f30" "$n30" "$f30" >"$d/r.txt"
run_case "30 digits before and 30 after the point (found by fuzzing)" "0 1" "" "$d" -- "$TALLY" check r.txt
d=$(mk tiny); printf '全市共有学校 0.%s1 万所，其中公办 0.%s1 万所。\n' "$zeros" "$zeros" >"$d/r.txt"
run_case "a figure of 10^-129" "0 1" "" "$d" -- "$TALLY" check r.txt
d=$(mk table-digits)
printf '| 项目 | 2023 | 2024 |\n| --- | --- | --- |\n| 小学 | 1.%s | %s |\n| 初中 | 5 | 6 |\n| 合计 | 1.%s | %s |\n' \
  "$zeros" "$n60" "$zeros" "$n60" >"$d/r.md"
run_case "a table of 60-digit and 128-decimal cells" "0 1" "" "$d" -- "$TALLY" check r.md
d=$(mk digit-line); python3 -c 'print("全市共有学校 " + "9" * 200000 + " 所")' >"$d/r.txt"
run_case "a 200,000-digit figure" "0 1" "" "$d" -- "$TALLY" check r.txt
d=$(mk facts-digits); cp "$TMP/c/decimals/r.txt" "$d/r.txt"
run_case "tally facts on 128-decimal figures" "0" "" "$d" -- "$TALLY" facts r.txt

# ---- rule packs: wrong shapes are file:line:col errors, exit 2 (exit 134 or a stack overflow before)
GOOD_RULE='    severity: error
    summary: s
    explanation: e
    examples:
      flag: ["a"]
      pass: ["b"]'
pack_case() {  # NAME PATTERN YAML
  local d
  d=$(mk "pack-$1")
  printf '%s\n' "$3" >"$d/p.yaml"
  echo "全市共有学校 24 所，其中公办 14 所，民办 10 所。" >"$d/r.txt"
  run_case "rule pack: $1" 2 "$2" "$d" -- "$TALLY" check --no-default-rules --rules p.yaml r.txt
}
pack_case order-nested "p.yaml:14:12: a metric id in params.pairs must be a string" "pack: t
rules:
  - id: t-order
    kind: order
$GOOD_RULE
    params:
      pairs:
        - [a, b]
        - [[a, b], c]"
pack_case bounded-map "p.yaml:12:28: params.bounded must be a list of strings (found a nested list or mapping)" "pack: t
rules:
  - id: t-range
    kind: percent-range
$GOOD_RULE
    params:
      bounded: [满意度, {a: b}]"
pack_case bounded-scalar "p.yaml:12:16: params.bounded must be a list of strings" "pack: t
rules:
  - id: t-range
    kind: percent-range
$GOOD_RULE
    params:
      bounded: 满意度"
pack_case pair-of-three "p.yaml:12:15: each entry of params.pairs must be a list of two metric ids" "pack: t
rules:
  - id: t-order
    kind: order
$GOOD_RULE
    params:
      pairs: [[a, b, c]]"
pack_case unknown-param "p.yaml:12:7: unknown key 'bonded' in params" "pack: t
rules:
  - id: t-range
    kind: percent-range
$GOOD_RULE
    params:
      bonded: [a]"
parens=$(printf '(%.0s' $(seq 10000))1$(printf ')%.0s' $(seq 10000))
nots=$(printf 'not %.0s' $(seq 10000))
sum="a$(printf ' + a%.0s' $(seq 10000))"
for kind in parens nots sum; do
  case $kind in parens) e="$parens == 1" ;; nots) e="${nots}a > 1" ;; sum) e="$sum > 1" ;; esac
  pack_case "assert-$kind" "p.yaml:" "pack: t
rules:
  - id: t-pat
    kind: pattern
$GOOD_RULE
    pattern: '学校{num:a}所'
    assert: '$e'"
  grep -q "nested too deeply" "$TMP/err" && ok "assert-$kind: says nested too deeply" || bad "assert-$kind: message"
done
groups=$(printf '(a)%.0s' $(seq 5000))
pack_case capture-groups "p.yaml:11:14: pattern has 5000 capture groups; the limit is 32" "pack: t
rules:
  - id: t-pat
    kind: pattern
$GOOD_RULE
    pattern: '$groups'
    assert: '1 == 1'"
pack_case long-number "bad number" "pack: t
rules:
  - id: t-pat
    kind: pattern
$GOOD_RULE
    pattern: '学校{num:a}所'
    assert: 'a == 1$(printf '0%.0s' $(seq 100))'"
pack_case yaml-deep "p.yaml:" "$(printf '[%.0s' $(seq 5000))"
grep -q "YAML nested too deeply" "$TMP/err" && ok "yaml-deep: says nested too deeply" || bad "yaml-deep: message"
pack_case yaml-syntax "p.yaml:3:1: end of map flow not found" "pack: t
rules: [ {"
d=$(mk pack-fifo); mkfifo "$d/p.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case "rule pack: a FIFO" 2 "p.yaml: is a FIFO" "$d" -- "$TALLY" check --rules p.yaml r.txt
d=$(mk pack-empty); : >"$d/p.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case "rule pack: empty" 2 "p.yaml:1:1: empty rule pack" "$d" -- "$TALLY" check --rules p.yaml r.txt

# ---- configuration files
d=$(mk cfg-dir); mkdir "$d/.tally.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case ".tally.yaml is a folder" 2 ".tally.yaml: is a folder, not a configuration file" "$d" -- "$TALLY" check r.txt
d=$(mk cfg-fifo); mkfifo "$d/.tally.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case ".tally.yaml is a FIFO" 2 ".tally.yaml: is a FIFO" "$d" -- "$TALLY" check r.txt
d=$(mk cfg-deep); python3 -c 'print("rules: " + "[" * 5000 + "]" * 5000)' >"$d/.tally.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case ".tally.yaml nested 5,000 deep" 2 ".tally.yaml:1:" "$d" -- "$TALLY" check r.txt
grep -q "YAML nested too deeply" "$TMP/err" && ok "config: says nested too deeply" || bad "config: message $(cat "$TMP/err")"
d=$(mk cfg-binary); printf '\x00\x01\x02\xff' >"$d/.tally.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case ".tally.yaml is binary" 2 ".tally.yaml" "$d" -- "$TALLY" check r.txt

d=$(mk cfg-explicit-fifo); mkfifo "$d/c.yaml"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case "--config names a FIFO" 2 "c.yaml: is a FIFO" "$d" -- "$TALLY" check --config c.yaml r.txt
d=$(mk baseline-fifo); mkfifo "$d/b.json"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case "--baseline names a FIFO" 2 "b.json: is a FIFO" "$d" -- "$TALLY" check --baseline b.json r.txt
d=$(mk baseline-dir); mkdir "$d/b.json"; echo "全市共有学校 24 所" >"$d/r.txt"
run_case "--baseline names a folder" 2 "b.json: is a folder" "$d" -- "$TALLY" check --baseline b.json r.txt

# ---- the language server: answers after hostile framing, exits at once
lsp() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
INIT='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
lsp_case() {  # NAME INPUT-FILE GREP...: every pattern must be in the replies
  local name=$1 input=$2 d
  shift 2
  d=$(mk "lsp-$name")
  run_case "lsp: $name" "0 1" "" "$d" "$input" -- "$TALLY" lsp
  for want in "$@"; do
    grep -qF -- "$want" "$TMP/out" && ok "lsp: $name: replied $want" || bad "lsp: $name: no '$want' in the replies"
  done
}
{ printf 'Content-Length: 1073741824\r\n\r\n'; lsp "$INIT"; } >"$TMP/lsp-huge"
lsp_case "Content-Length 1 GiB, then a message" "$TMP/lsp-huge" '"id":1,"jsonrpc":"2.0","result"'
{ printf 'Content-Length: 5\r\n\r\n'; lsp '{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}'; lsp "$INIT"; } >"$TMP/lsp-short"
lsp_case "a too-short Content-Length, then a message" "$TMP/lsp-short" '"id":1,"jsonrpc":"2.0","result"'
{ head -c 20000 /dev/urandom; printf '\r\n\r\n'; lsp "$INIT"; } >"$TMP/lsp-noise"
lsp_case "random bytes, then a message" "$TMP/lsp-noise" '"id":1,"jsonrpc":"2.0","result"'
DOC='file:///tmp/tally-hostile/r.txt'
{
  lsp "$INIT"
  lsp '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  lsp '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$DOC'","languageId":"plaintext","version":1,"text":"全市共有学校 24 所。\n"}}}'
  for pos in '{"line":-1,"character":0}' '{"line":1e20,"character":0}' '{"line":1.5,"character":0}' '{"line":0,"character":99999999999999999999}' '{"line":"0","character":0}'; do
    lsp '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"'$DOC'"},"position":'"$pos"'}}'
  done
  lsp '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":{"x":[1]}}}'
  lsp '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}'
  lsp '{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
  lsp '{"jsonrpc":"2.0","method":"exit"}'
} >"$TMP/lsp-pos"
lsp_case "positions that are not non-negative ints" "$TMP/lsp-pos" 'out of range' 'must be an integer' '"id":3,"jsonrpc":"2.0","result":null'
[ "$(grep -o '"code":-32602' "$TMP/out" | wc -l)" = 5 ] && ok "lsp: five bad positions, five invalid-params replies" ||
  bad "lsp: bad positions: $(grep -o '"code":-32602' "$TMP/out" | wc -l) invalid-params replies"
# exit while a 1 MB document is being checked: ends within two seconds, not after the check.
python3 - "$TMP/lsp-exit" "$INIT" <<'PY'
import json, sys
out, init = sys.argv[1], sys.argv[2]
text = "全市共有学校 24 所，其中公办 14 所，民办 11 所。专任教师 2318 人，占比 57.5%。\n" * 12000
msgs = [json.loads(init), {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "file:///tmp/tally-hostile/big.txt", "languageId": "plaintext", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "method": "exit"}]
with open(out, "wb") as f:
    for m in msgs:
        b = json.dumps(m, ensure_ascii=False).encode()
        f.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
PY
d=$(mk lsp-exit)
start=$(date +%s%N)
run_case "lsp: exit during a check of a 1 MB document" "1" "" "$d" "$TMP/lsp-exit" -- "$TALLY" lsp
ms=$((($(date +%s%N) - start) / 1000000))
[ "$ms" -lt "$EXIT_MS" ] && ok "lsp: exited in $ms ms" || bad "lsp: exit took $ms ms"

finish
