#!/bin/bash
# DOCX and PDF input: LibreOffice turns an example report (.txt) into .docx
# and .pdf, and `tally check` must find the same problems in all three. Line
# numbers differ between the formats, so the findings are compared as the set
# of (rule, text of the flagged figure) pairs. Skipped (77) without LibreOffice.
#   bash test_docx_pdf.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
SOFFICE=$(command -v soffice || command -v libreoffice || true)
[ -n "$SOFFICE" ] || { echo "skip: LibreOffice (soffice) is not installed"; exit 77; }
cd "$TMP" || exit 1

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
# A PDF laid out like a real report: justified paragraphs with a two-character
# first-line indent that wrap over several lines and pages, a running header
# and "- N -" page numbers. The text view must have one line per paragraph
# and heading, and no header or page-number lines.
python3 - <<'PY'
import random
random.seed(3)
clause = "全市中等职业学校深化产教融合、校企合作，共有在校生{}人，其中公办学校在校生{}人；民办学校在校生{}人。"
body = ""
for i in range(40):
    if i % 8 == 0:
        body += f'<text:p text:style-name="H">{"一二三四五"[i // 8]}、第{i // 8 + 1}部分</text:p>\n'
    a = random.randint(1000, 9000); b = random.randint(100, a)
    body += f'<text:p text:style-name="P">{clause.format(a, b, a - b) * 3}</text:p>\n'
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
open("layout.fodt", "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.74cm" fo:text-align="justify"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>澜江市职业教育质量报告（2024年度）</text:p></style:header>
<style:footer><text:p>- <text:page-number text:select-page="current"/> -</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>""")
PY
timeout 180 "$SOFFICE" -env:UserInstallation="file://$TMP/profile" --headless --convert-to pdf --outdir "$TMP" layout.fodt \
  >/dev/null 2>&1
if [ -s layout.pdf ]; then
  "$TALLY" text layout.pdf >layout.view
  lines=$(wc -l <layout.view)
  [ "$lines" = 45 ] && ok "layout.pdf: 45 lines (40 paragraphs, 5 headings)" || bad "layout.pdf: $lines lines, expected 45"
  grep -q "质量报告\|^- [0-9]" layout.view && bad "layout.pdf: header or page number kept" ||
    ok "layout.pdf: header and page numbers dropped"
  [ "$(grep -c '。$' layout.view)" = 40 ] && ok "layout.pdf: every paragraph whole" ||
    bad "layout.pdf: paragraphs split"
  [ "$(sed -n '1p;10p' layout.view | tr '\n' '|')" = "一、第 1 部分|二、第 2 部分|" ] && ok "layout.pdf: headings on their own lines" ||
    bad "layout.pdf: headings: $(sed -n '1p;10p' layout.view | tr '\n' '|')"
else
  bad "LibreOffice could not make layout.pdf"
fi
# A password-protected PDF: one clear error line, exit 2.
cp "$SRC/examples/city-report.txt" locked.txt
timeout 180 "$SOFFICE" -env:UserInstallation="file://$TMP/profile" --headless --infilter="Text (encoded):UTF8,LF,,," \
  --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  --outdir "$TMP" locked.txt >/dev/null 2>&1
if [ -s locked.pdf ]; then
  "$TALLY" check locked.pdf >out 2>err
  code=$?
  if [ "$code" = 2 ] && [ "$(cat err)" = "tally: error: locked.pdf: the PDF is password-protected: nothing can be read" ]; then
    ok "locked.pdf: exit 2, clear error"
  else
    bad "locked.pdf: exit $code: $(cat err)"
  fi
else
  echo "note: this LibreOffice cannot export an encrypted PDF; that case is not tested"
fi
finish
