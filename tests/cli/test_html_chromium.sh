#!/bin/bash
# Opens HTML reports in headless Chromium: the unit tests' sample page (every
# kind of highlight) and `tally check --format html` on a small report. The page's
# #selftest hook clicks the first finding's highlight and copies the panel into
# document.title, which --dump-dom shows. Screenshots go to tests/artifacts/
# (git-ignored) for a person to look at. Exit 77 (skipped) without Chromium.
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

ART="$SRC/tests/artifacts"
mkdir -p "$ART"

browse() {  # browse <page> <extra chromium args…>
  local page=$1
  shift
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$TMP/profile" "$@" "file://$page#selftest" 2>>"$TMP/browser.log"
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
browse "$TMP/sample.html" --window-size=1200,900 --screenshot="$ART/html-report.png" >/dev/null
if [ -s "$ART/html-report.png" ]; then ok "screenshot in tests/artifacts/html-report.png"
else bad "no screenshot"; fi

# 2. The CLI's page for a small invented report.
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

[ "$failed" = 0 ] || tail -20 "$TMP/browser.log"
finish
