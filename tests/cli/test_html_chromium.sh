#!/bin/bash
# Opens HTML reports in headless Chromium: the unit tests' sample pages (every
# kind of highlight; a long group, three rules, two files, in English and in
# Chinese) and `tally check --format html` on small reports. The page's
# #selftest hook clicks the first finding's highlight and copies the panel into
# document.title, then clicks the elements named after it (#selftest;flt-sev-error
# unticks errors), and --dump-dom shows the page that results: which findings are
# hidden, which highlights are off, where the panel is. Screenshots go to
# BUILD/tests/artifacts/ for a person to look at. Exit 77 (skipped) without Chromium.
#   bash test_html_chromium.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$TALLY")
TESTS="$BUILD/tally_tests"

BROWSER=""
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null && { BROWSER=$b; break; }
done
[ -n "$BROWSER" ] || { echo "skip: chromium is needed"; exit 77; }
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "warning: no Chinese font installed (fonts-noto-cjk); screenshots will show boxes"
fi

ART="$BUILD/tests/artifacts"
mkdir -p "$ART"

browse() {  # browse <page> <extra chromium args…>; STEPS=";id;id" adds clicks after the first
  # A fresh browser profile per page load (the page remembers filters in the browser's storage),
  # unless PROFILE names one to share between loads.
  local page=$1 profile=${PROFILE:-}
  shift
  [ -n "$profile" ] || profile=$(mktemp -d -p "$TMP" profile.XXXXXX)
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile" "$@" "file://$page#selftest${STEPS:-}" 2>>"$TMP/browser.log"
}

dom() {  # dom <page> <steps> <out> [<width>]: the page after the self-test and the clicks
  STEPS=$2 browse "$1" --window-size="${4:-1200},900" --dump-dom >"$3"
}

hasnt_re() {  # hasnt_re <file> <extended regex> <what>
  if grep -qE -- "$2" "$1"; then bad "$3 (unexpected match for '$2')"; else ok "$3"; fi
}

shot() {  # shot <page> <png> <width>: a screenshot with the first finding's panel open
  rm -f "$2"
  browse "$1" --window-size="$3,900" --screenshot="$2" >/dev/null
  local size
  size=$(stat -c %s "$2" 2>/dev/null || echo 0)
  if [ "$size" -gt 20000 ]; then ok "screenshot $2 ($size bytes)"; else bad "screenshot $2 missing or blank ($size bytes)"; fi
}

expect() {  # expect <file> <fixed string> <what>
  if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3 (no '$2')"; fi
}

expect_re() {  # expect_re <file> <extended regex> <what>
  if grep -qE -- "$2" "$1"; then ok "$3"; else bad "$3 (no match for '$2')"; fi
}

# 1. The sample page from the unit tests.
if ! TALLY_HTML_SAMPLE_OUT="$TMP/sample.html" "$TESTS" -tc="*html sample*" >"$TMP/tests.log" 2>&1; then
  cat "$TMP/tests.log"
  echo "FAIL: could not write the HTML sample"
  exit 1
fi
browse "$TMP/sample.html" --dump-dom >"$TMP/sample.dom"
expect "$TMP/sample.dom" '<ol class="findings">' "sample: findings list present"
# The click adds "active" to the clicked mark's classes.
expect_re "$TMP/sample.dom" '<mark class="sev-error( active)?" id="d-0"' "sample: error highlight present"
expect_re "$TMP/sample.dom" '<mark class="sev-warning" id="d-1"' "sample: warning highlight present"
expect_re "$TMP/sample.dom" '<span class="rel rel-on" data-r="0 1">700人</span>' "sample: related figure lit"
expect "$TMP/sample.dom" '<title>selftest ok: marks=3 related-on=2 ' "sample: click marks the two related figures"
expect "$TMP/sample.dom" 'parts add up to 1300, not 1200' "sample: panel shows the message"
expect "$TMP/sample.dom" 'Checks that the parts of a total add up.' "sample: panel shows the rule explanation"
expect "$TMP/sample.dom" '<strong>Fix</strong>: correct the part or the total.' "sample: explanation Markdown rendered"
expect "$TMP/sample.dom" '<aside id="panel">' "sample: panel is visible"
expect "$TMP/sample.dom" '<div class="filters">' "sample: the script shows the filters"
expect "$TMP/sample.dom" ' overlap=0 ' "sample: the panel covers no line of text"
shot "$TMP/sample.html" "$ART/html-report.png" 1200

# 2. Filters, folds and panel placement on a page with five findings of one rule
# (k 0-4, errors), one of percent (k 5, warning) and one of style (k 6, info, second file).
MANY="$TMP/sample.html.many.html"
dom "$MANY" "" "$TMP/m0.dom"
expect "$TMP/m0.dom" ' | shown=5 lit=7' "many: 3 of sum + percent + style shown, all 7 highlights lit"
expect_re "$TMP/m0.dom" '<li data-k="3" data-sev="error" hidden=""' "many: the 4th sum finding is folded"
expect_re "$TMP/m0.dom" '<li data-k="2" data-sev="error">' "many: the 3rd sum finding is shown"
expect "$TMP/m0.dom" 'id="more-sum">2 more</button>' "many: the sum group offers 2 more"
expect_re "$TMP/m0.dom" '<details class="group" open="" data-rule="sum"><summary><code>sum</code> <span class="n">5</span>' "many: group heading counts 5"
expect "$TMP/m0.dom" 'b.txt:1:' "many: findings of the second file listed"
expect "$TMP/m0.dom" '<aside id="panel">' "many: wide page: panel open"
hasnt_re "$TMP/m0.dom" 'class="panel-row"' "many: wide page: panel in the side column, not in the text"
expect "$TMP/m0.dom" ' overlap=0 ' "many: wide page: the panel covers no line of text"

dom "$MANY" ";more-sum" "$TMP/m1.dom"
expect "$TMP/m1.dom" ' | shown=7 lit=7' "many: unfolding shows all 7"
expect "$TMP/m1.dom" 'id="more-sum">Show fewer</button>' "many: unfolded group offers to fold again"
dom "$MANY" ";more-sum;more-sum" "$TMP/m1b.dom"
expect "$TMP/m1b.dom" ' | shown=5 lit=7' "many: folding again hides the extra ones"

dom "$MANY" ";flt-sev-error" "$TMP/m2.dom"
expect "$TMP/m2.dom" ' | shown=2 lit=2' "many: unticking errors leaves percent and style, in the list and the text"
expect_re "$TMP/m2.dom" '<li data-k="0" data-sev="error" hidden=""' "many: error findings hidden"
expect_re "$TMP/m2.dom" '<details class="group" open="" data-rule="sum" hidden=""' "many: the emptied sum group hidden"
expect_re "$TMP/m2.dom" '<mark class="sev-error (active )?off" id="d-0"' "many: the error highlight is off"
expect_re "$TMP/m2.dom" '<mark class="sev-warning" id="d-5"' "many: the warning highlight stays"
expect_re "$TMP/m2.dom" '<aside id="panel" hidden=""' "many: the panel about a hidden finding closes"
expect "$TMP/m0.dom" 'data-counts="0">(5 errors, 1 warning, 0 infos)' "many: a file's heading counts its findings"
expect "$TMP/m2.dom" 'data-counts="0">(0 errors, 1 warning, 0 infos)' "many: a file's heading counts only what the filters show"
expect "$TMP/m2.dom" 'data-counts="1">(0 errors, 0 warnings, 1 info)' "many: the other file's count is unchanged"

# The filters are remembered for the same files when the page is loaded again, not for other reports.
KEEP="$TMP/keep-profile"
mkdir -p "$KEEP"
PROFILE=$KEEP dom "$MANY" ";flt-sev-error" "$TMP/k1.dom"
expect "$TMP/k1.dom" ' | shown=2 lit=2' "remembered: errors unticked"
PROFILE=$KEEP dom "$MANY" "" "$TMP/k2.dom"
expect "$TMP/k2.dom" ' | shown=2 lit=2' "remembered: reloaded, errors still hidden"
expect "$TMP/k2.dom" 'data-counts="0">(0 errors, 1 warning, 0 infos)' "remembered: the counts follow the remembered filters"
PROFILE=$KEEP dom "$TMP/sample.html" "" "$TMP/k3.dom"
expect "$TMP/k3.dom" 'selftest ok: marks=3 ' "remembered: another report's page starts with every filter ticked"
expect "$TMP/k3.dom" ' | shown=3 lit=3' "remembered: another report's error finding is shown"
PROFILE=$KEEP dom "$MANY" ";flt-all" "$TMP/k4.dom"
PROFILE=$KEEP dom "$MANY" "" "$TMP/k5.dom"
expect "$TMP/k5.dom" ' | shown=5 lit=7' "remembered: after Show all, a reload shows everything"

dom "$MANY" ";flt-rule-percent" "$TMP/m3.dom"
expect "$TMP/m3.dom" ' | shown=4 lit=6' "many: unticking rule percent hides its finding and highlight"
expect_re "$TMP/m3.dom" '<li data-k="5" data-sev="warning" hidden=""' "many: percent finding hidden"
expect_re "$TMP/m3.dom" '<mark class="sev-warning off" id="d-5"' "many: percent highlight off"
expect_re "$TMP/m3.dom" '<li data-k="6" data-sev="info">' "many: style finding still shown"

dom "$MANY" ";flt-sev-error;flt-sev-warning;flt-sev-info" "$TMP/m4.dom"
expect "$TMP/m4.dom" ' | shown=0 lit=0' "many: everything unticked hides everything"
expect_re "$TMP/m4.dom" '<p class="empty-note" id="flt-none">' "many: says the filters hide every finding"
dom "$MANY" ";flt-sev-error;flt-rule-style;flt-all" "$TMP/m5.dom"
expect "$TMP/m5.dom" ' | shown=5 lit=7' "many: Show all brings everything back"

# One column at 800px: the panel opens in a row under the clicked line, not over the text.
dom "$MANY" "" "$TMP/m6.dom" 800
expect_re "$TMP/m6.dom" '<tr class="panel-row"><td colspan="2"><aside id="panel">' "many: narrow page: panel in a row under the line"
expect "$TMP/m6.dom" ' overlap=0 ' "many: narrow page: the panel covers no line of text"
shot "$MANY" "$ART/html-report-wide.png" 1200
shot "$MANY" "$ART/html-report-narrow.png" 800

# 3. The same page in Chinese.
ZH="$TMP/sample.html.many.zh.html"
dom "$ZH" "" "$TMP/z0.dom"
expect "$TMP/z0.dom" '<legend>严重程度</legend>' "zh: filter legend in Chinese"
expect "$TMP/z0.dom" 'id="more-sum">还有 2 条</button>' "zh: the fold button in Chinese"
expect "$TMP/z0.dom" '<span class="badge sev-error">错误</span>' "zh: severity badges in Chinese"
expect_re "$TMP/z0.dom" '<title>selftest ok: [^<]*错误 sum' "zh: the panel's badge in Chinese"
dom "$ZH" ";more-sum" "$TMP/z1.dom"
expect "$TMP/z1.dom" 'id="more-sum">收起</button>' "zh: the unfold button in Chinese"
dom "$ZH" ";flt-sev-error" "$TMP/z2.dom"
expect "$TMP/z2.dom" 'data-counts="0">(0 个错误、1 个警告、0 条提示)' "zh: a file's filtered counts in Chinese"
shot "$ZH" "$ART/html-report-zh.png" 1200

# 4. Without JavaScript every finding is listed and no control is shown. (Chromium's
# --dump-dom needs scripting on, so the page's own <script> block is cut out instead.)
perl -0pe 's{<script>.*?</script>}{}s' "$MANY" >"$TMP/nojs.html"
browse "$TMP/nojs.html" --dump-dom >"$TMP/nojs.dom"
expect "$TMP/nojs.dom" '<li data-k="6"' "no script: page loads"
hasnt_re "$TMP/nojs.dom" '<li[^>]* hidden' "no script: no finding hidden"
expect "$TMP/nojs.dom" '<div class="filters" hidden="">' "no script: filters stay hidden"

# 5. The CLI's page for a small invented report.
printf '全校共有教职工500人，其中专任教师380人，占比76%%。\n兼职教师<b>150人</b>。\n' >"$TMP/report.txt"
(cd "$TMP" && "$TALLY" check --format html report.txt >"$TMP/cli.html")
rc=$?
if [ $rc -gt 1 ]; then bad "tally check exited $rc"; fi
browse "$TMP/cli.html" --dump-dom >"$TMP/cli.dom"
expect "$TMP/cli.dom" '<title>selftest' "cli: page script ran"
expect "$TMP/cli.dom" '<table class="src">' "cli: report text rendered"
expect "$TMP/cli.dom" '其中专任教师380人' "cli: Chinese text kept"
expect "$TMP/cli.dom" '兼职教师&lt;b&gt;150人&lt;/b&gt;' "cli: markup in the report is shown as text"
if grep -q '<mark ' "$TMP/cli.dom"; then
  expect "$TMP/cli.dom" '<title>selftest ok' "cli: clicking a highlight fills the panel"
fi
browse "$TMP/cli.html" --window-size=1200,900 --screenshot="$ART/html-cli.png" >/dev/null

# 6. The CLI in Chinese (by --lang and by the locale), with two reports in one page.
printf '某县共有人口1000人，其中男性600人，女性500人。\n' >"$TMP/second.txt"
(cd "$TMP" && "$TALLY" check --no-config --format html --lang zh report.txt second.txt >"$TMP/cli-zh.html")
dom "$TMP/cli-zh.html" "" "$TMP/cli-zh.dom"
expect "$TMP/cli-zh.dom" '<legend>严重程度</legend>' "cli --lang zh: filters in Chinese"
expect "$TMP/cli-zh.dom" '<div class="filters">' "cli --lang zh: filters shown"
expect "$TMP/cli-zh.dom" 'id="f1"' "cli: the second report has its own section"
expect "$TMP/cli-zh.dom" 'second.txt:1:' "cli: findings of the second report listed"
(cd "$TMP" && LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$TALLY" check --no-config --format html second.txt >"$TMP/cli-env.html")
expect "$TMP/cli-env.html" '<legend>严重程度</legend>' "cli LANG=zh_CN.UTF-8: filters in Chinese"

[ "$failed" = 0 ] || tail -20 "$TMP/browser.log"
finish
