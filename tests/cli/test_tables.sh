#!/bin/bash
# The table test set (tests/tables/): small invented table layouts, each a .txt with
#   NAME.expected  the diagnostics `tally check` must give, one "line:col rule" per line (errors and
#                  warnings; info diagnostics are ignored), nothing for a layout that must pass;
#   NAME.facts     (optional) lines that must appear in `tally facts NAME.txt` (spaces squeezed).
# Then every layout as a Markdown pipe table and a few as .docx (built here, merged header cells as gridSpan) must give the same
# findings, and a generated 10,000-row table must be checked quickly (linear time).
#   bash test_tables.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
DIR="$SRC/tests/tables"

# "line:col rule" of each error/warning of a file, sorted.
findings() {
  "$TALLY" check --format json "$1" 2>"$TMP/err" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for x in d["diagnostics"]:
    if x["severity"] in ("error", "warning"):
        print("%d:%d %s" % (x["line"], x["column"], x["rule"]))
' | sort
}

for txt in "$DIR"/*.txt; do
  name=$(basename "$txt" .txt)
  exp="$DIR/$name.expected"
  if [ ! -f "$exp" ]; then
    bad "$name: no $name.expected"
    continue
  fi
  got=$(cd "$DIR" && findings "$name.txt")
  want=$(grep -v '^#' "$exp" | sed '/^$/d' | sort)
  if [ "$got" == "$want" ]; then ok; else
    bad "$name: diagnostics differ"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    /'
  fi
  if [ -f "$DIR/$name.facts" ]; then
    facts=$(cd "$DIR" && "$TALLY" facts "$name.txt" | tr -s ' ')
    missing=0
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      case "$line" in \#*) continue ;; esac
      want_line=$(echo "$line" | tr -s ' ')
      if ! grep -qF -- "$want_line" <<<"$facts"; then
        echo "    $name.facts: missing: $line"
        missing=1
      fi
    done <"$DIR/$name.facts"
    if [ $missing == 0 ]; then ok; else bad "$name: tally facts"; fi
  fi
done

# Every layout again as a Markdown pipe table (a delimiter row under each table's first row; a group
# label between two rows becomes a row of its own, as Markdown converters write merged rows): the
# findings, as (rule, figure text) pairs, must not change.
md_pairs() {
  "$TALLY" check --format json "$1" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
src = open(sys.argv[1], encoding="utf-8").read().split("\n")
for x in d["diagnostics"]:
    if x["severity"] in ("error", "warning") and x["line"] == x["end_line"]:
        print(x["rule"], src[x["line"] - 1][x["column"] - 1:x["end_column"] - 1])
' "$1" | sort
}
with_findings=0
for txt in "$DIR"/*.txt; do
  name=$(basename "$txt" .txt)
  python3 - "$txt" "$TMP/$name.md" <<'PY'
import sys
# A tab-separated table layout as Markdown: every tab row a pipe row, a delimiter row under the first row
# of each table, and a tab-less line between two rows of one table (a group label, 小计 note) a row of
# its own padded to the table's width, as Markdown converters write merged rows.
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def tabbed(i): return 0 <= i < len(lines) and "\t" in lines[i]
def near(i, step):
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip(): j += step
    return j
out = []; in_table = False; width = 0
for i, l in enumerate(lines):
    if "\t" in l:
        cells = l.split("\t")
        if not in_table:
            width = len(cells)
            out.append("| " + " | ".join(cells) + " |")
            out.append("|" + "|".join(["---"] * len(cells)) + "|")
            in_table = True
        else:
            out.append("| " + " | ".join(cells) + " |")
    elif l.strip() and in_table and i > 0 and lines[i - 1].strip() and tabbed(near(i, 1)):
        out.append("| " + " | ".join([l.strip()] + [""] * (width - 1)) + " |")
    else:
        if l.strip(): in_table = False
        out.append(l)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
  want=$(md_pairs "$txt")
  got=$(md_pairs "$TMP/$name.md")
  [ -n "$want" ] && with_findings=$((with_findings + 1))
  if [ "$got" == "$want" ]; then ok; else
    bad "$name.md: findings of the pipe table differ from the .txt"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    /'
  fi
done
[ "$with_findings" -ge 20 ] && ok "pipe tables: $with_findings layouts with findings compared" || bad "only $with_findings layouts with findings"

# The same layouts as .docx: the findings, as (rule, figure text) pairs, must not change.
docx_pairs() {
  "$TALLY" check --format json "$1" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n") if sys.argv[1].endswith(".txt") else None
for x in d["diagnostics"]:
    if x["severity"] in ("error", "warning"):
        print(x["rule"], x["message"])
' "$1" | sort
}
for name in t03_change_group t04_total_groups t14_total_column t05_share_row t37_group_label_subtotal_flag \
    t44_share_two_years t51_satisfaction_counts_flag t54_ratio_colon_flag t61_count_far_table_flag; do
  python3 - "$DIR/$name.txt" "$TMP/$name.docx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
src, out = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().rstrip("\n").split("\n")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def para(t):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(t)
body, i = [], 0
while i < len(lines):
    if "\t" not in lines[i]:
        body.append(para(lines[i])); i += 1; continue
    rows = []
    while i < len(lines) and ("\t" in lines[i] or (rows and lines[i].endswith("："))):
        rows.append(lines[i].split("\t")); i += 1
    ncols = max(len(r) for r in rows)
    tbl = ["<w:tbl>"]
    for ri, r in enumerate(rows):
        r = r + [""] * (ncols - len(r))
        tbl.append("<w:tr>")
        c = 0
        while c < ncols:
            span = 1
            # In the first row, empty cells after a filled one (not the first column) are one merged cell.
            if ri == 0 and len(rows) > 1 and c > 0 and r[c]:
                while c + span < ncols and not r[c + span] and any(rows[1][c + span:c + span + 1]):
                    span += 1
            pr = '<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else ""
            tbl.append("<w:tc>%s%s</w:tc>" % (pr, para(r[c])))
            c += span
        tbl.append("</w:tr>")
    tbl.append("</w:tbl>")
    body.append("".join(tbl))
doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(body))
with zipfile.ZipFile(out, "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", doc)
PY
  want=$(cd "$DIR" && docx_pairs "$name.txt")
  got=$(cd "$TMP" && docx_pairs "$name.docx")
  if [ -n "$want" ] && [ "$got" == "$want" ]; then ok; else
    bad "$name.docx: findings differ from the .txt"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    /'
  fi
done

# Linear in table size: a 10,000-row table (with a wrong 合计, a total column and a rate column) is
# checked in well under a second; the bound here is generous for a loaded machine.
python3 - "$TMP/big.txt" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("表 1 各班情况\n班级\t男生（人）\t女生（人）\t合计（人）\t毕业生人数\t就业人数\t就业率（%）\n")
    total = 0
    for i in range(10000):
        m, w = 20 + i % 7, 18 + i % 5
        total += m + w
        f.write("第%d班\t%d\t%d\t%d\t40\t38\t95.00\n" % (i + 1, m, w, m + w))
    f.write("合计\t\t\t%d\t\t\t\n" % (total + 1))
PY
# CPU time, not wall time: the machine may be busy with other builds.
read -r big ms < <(python3 - "$TALLY" "$TMP/big.txt" <<'PY'
import json, resource, subprocess, sys
r = subprocess.run([sys.argv[1], "check", "--format", "json", sys.argv[2]], capture_output=True, text=True)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
rules = sorted(x["rule"] for x in json.loads(r.stdout)["diagnostics"] if x["severity"] == "error")
print(",".join(rules) or "-", int((u.ru_utime + u.ru_stime) * 1000))
PY
)
# An optimised build must keep the bound; a Debug or sanitizer build (TALLY_OPTIMIZED=0) only a loose one.
limit=2000
[ "${TALLY_OPTIMIZED:-1}" = 0 ] && limit=60000
if { [ "$big" == "sum" ] || [ "$big" == "table-total" ]; } && [ "$ms" -lt "$limit" ]; then ok; else bad "10,000-row table: '$big' in ${ms} ms of CPU"; fi
echo "10,000-row table checked in ${ms} ms of CPU"

finish
