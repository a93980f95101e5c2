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
# Positions of the figure itself. A paragraph on page 2 (after a page break)
# wraps over three printed lines; its figures sit on the third (92 full-width
# characters and 在园 come first, and a line holds about 43 at 10.5 pt on 16 cm). A
# PDF finding must say "page 2, line 3", not the paragraph's "page 2, line 1";
# the same document as .docx must quote the figure's sentence for Word's search.
python3 - <<'PY'
filler = ("全区坚持学前教育公益普惠的基本方向，持续扩大普惠性资源供给，统筹推进公办园建设与民办园规范扶持，"
          "不断完善覆盖城乡、布局合理的学前教育公共服务体系，办园条件和保教质量稳步提升，到本年度末")
assert len(filler) == 92
body = ('<text:p text:style-name="H">一、学前教育</text:p>\n'
        '<text:p text:style-name="P">本节介绍全区学前教育的发展情况。</text:p>\n'
        f'<text:p text:style-name="B">{filler}在园幼儿12450人，其中民办5320人，占40%。</text:p>\n'
        '<text:p text:style-name="P">本节到此结束。</text:p>\n')
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
text_props = '<style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>'
open("where.fodt", "w", encoding="utf-8").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {ns} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/>{text_props}</style:style>
<style:style style:name="B" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:break-before="page"/>{text_props}</style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>""")
PY
for fmt in pdf docx; do
  timeout 180 "$SOFFICE" -env:UserInstallation="file://$TMP/profile" --headless --convert-to $fmt --outdir "$TMP" \
    where.fodt >/dev/null 2>&1
done
# The locator of the finding on "40%" and of its related figures, in each format.
where() {  # where <file> <format>: "primary|related…" locators, as the format reports them
  "$TALLY" check --format "$2" "$1" >"$1.$2" 2>/dev/null
  python3 - "$1.$2" "$2" <<'PY'
import json, re, sys
name, fmt = sys.argv[1], sys.argv[2]
text = open(name, encoding="utf-8").read()
if fmt == "text":
    m = re.search(r"^\S+:\d+:\d+ \((.*)\): \w+\[percent\]", text, re.M)
    print(m.group(1) if m else "none")
    sys.exit()
if fmt == "json":
    d = [d for d in json.loads(text)["diagnostics"] if d["rule"] == "percent"]
    print("|".join([d[0]["locator"]] + [r["locator"] for r in d[0]["related"]]) if d else "none")
    sys.exit()
r = [r for r in json.loads(text)["runs"][0]["results"] if r["ruleId"] == "percent"]
if not r:
    print("none")
    sys.exit()
loc = r[0]["locations"][0]
ctx = loc["physicalLocation"].get("contextRegion", {}).get("snippet", {}).get("text", "")
print("|".join([loc["message"]["text"], loc["physicalLocation"]["properties"]["locator"], ctx]))
PY
}
if [ -s where.pdf ] && [ -s where.docx ]; then
  "$TALLY" text where.pdf >where.pdf.view
  tr -d ' ' <where.pdf.view | grep -q "^本节介绍.*\$" && tr -d ' ' <where.pdf.view | grep -q "^全区坚持.*在园幼儿12450人，其中民办5320人，占40%。\$" &&
    ok "where.pdf: the wrapped paragraph is one line" || { bad "where.pdf: text view"; cat where.pdf.view; }
  got=$("$TALLY" text --locators where.pdf | grep "全区坚持" | cut -f2)
  [ "$got" = "page 2, line 1" ] && ok "where.pdf: the paragraph starts on page 2, line 1" ||
    bad "where.pdf: the paragraph starts at '$got'"
  got=$(where where.pdf text)
  [ "$got" = "page 2, line 3" ] && ok "where.pdf: text output puts 40% on page 2, line 3" ||
    { bad "where.pdf: text output says '$got'"; head -3 where.pdf.text; }
  got=$(where where.pdf json)
  [ "$got" = "page 2, line 3|page 2, line 3|page 2, line 3" ] && ok "where.pdf: JSON locators of the figure and its related figures" ||
    bad "where.pdf: JSON says '$got'"
  got=$(where where.pdf sarif)
  [ "$got" = "page 2, line 3|page 2, line 3|" ] && ok "where.pdf: SARIF message and properties.locator" ||
    bad "where.pdf: SARIF says '$got'"
  quote='paragraph 3, “其中民办5320人，占40%”'
  got=$(where where.docx text)
  [ "$got" = "$quote" ] && ok "where.docx: text output quotes the figure's sentence" ||
    { bad "where.docx: text output says '$got'"; head -3 where.docx.text; }
  got=$(where where.docx json)
  [ "${got%%|*}" = "$quote" ] && case "$got" in *'“'*'12450人'*'”'*) true ;; *) false ;; esac &&
    ok "where.docx: JSON locator and a quote for the related 12450" || bad "where.docx: JSON says '$got'"
  got=$(where where.docx sarif)
  [ "$got" = "$quote|$quote|其中民办5320人，占40%" ] && ok "where.docx: SARIF message, properties.locator and contextRegion snippet" ||
    bad "where.docx: SARIF says '$got'"
  # In Chinese the same places read as a Chinese reader counts them; JSON keeps the English form for tools.
  zh_where() {  # zh_where <file>: the locator of the percent finding in Chinese text output
    "$TALLY" check --lang zh "$1" 2>/dev/null | sed -nE 's/^\S+:[0-9]+:[0-9]+ \((.*)\): \w+\[percent\].*/\1/p' | head -1
  }
  got=$(zh_where where.pdf)
  [ "$got" = "第 2 页第 3 行" ] && ok "where.pdf: Chinese text output says 第 2 页第 3 行" || bad "where.pdf: Chinese text output says '$got'"
  got=$(zh_where where.docx)
  [ "$got" = "第 3 段“其中民办5320人，占40%”" ] && ok "where.docx: Chinese text output names the paragraph and quotes" ||
    bad "where.docx: Chinese text output says '$got'"
  "$TALLY" check --lang zh --format json where.pdf >where.pdf.zh.json 2>/dev/null
  grep -qF '"locator": "page 2, line 3"' where.pdf.zh.json && ok "where.pdf: JSON keeps the English locator with --lang zh" ||
    bad "where.pdf: JSON locator changed with --lang zh"
  # The quote is text of the paragraph as Word has it (word/document.xml), so Word's search finds it.
  python3 - <<'PY' && ok "where.docx: the quote is in word/document.xml" || bad "where.docx: quote not in the document"
import re, sys, zipfile
xml = zipfile.ZipFile("where.docx").read("word/document.xml").decode("utf-8")
paras = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]
sys.exit(0 if any("其中民办5320人，占40%" in p for p in paras) else 1)
PY
else
  bad "LibreOffice could not make where.pdf / where.docx"
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
