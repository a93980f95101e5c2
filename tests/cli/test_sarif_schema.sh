#!/bin/bash
# Validates `tally check --format sarif` against the official SARIF 2.1.0 schema
# (tests/data/sarif-schema-2.1.0.json) with ajv-cli, which the first run installs
# with npm into a cache folder in the build tree. Exit 77 (skipped) without node/npm.
#   bash test_sarif_schema.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$TALLY")
TESTS="$BUILD/tally_tests"

command -v node >/dev/null && command -v npm >/dev/null || { echo "skip: node and npm are needed"; exit 77; }

CACHE="$BUILD/test-cache/ajv"
AJV="$CACHE/node_modules/.bin/ajv"
if [ ! -x "$AJV" ]; then
  mkdir -p "$CACHE"
  if ! npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error ajv-cli@5 ajv-formats@2 >"$CACHE/npm.log" 2>&1; then
    cat "$CACHE/npm.log"
    echo "skip: could not install ajv-cli (offline?)"
    exit 77
  fi
fi

# The official schema is draft-04; ajv 8 reads draft-07, which differs only in
# the name of the id keyword and the meta-schema URI for this file.
node -e '
  const fs = require("fs");
  const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  s["$schema"] = "http://json-schema.org/draft-07/schema#";
  s["$id"] = s.id; delete s.id;
  fs.writeFileSync(process.argv[2], JSON.stringify(s));
' "$SRC/tests/data/sarif-schema-2.1.0.json" "$TMP/schema.json" || exit 1

# ajv-cli picks its parser from the file name, so every SARIF file here ends in .json.
validate() {  # validate <file> <what>
  if (cd "$CACHE" && "$AJV" validate --spec=draft7 -c ajv-formats --strict=false --errors=text \
        -s "$TMP/schema.json" -d "$1") >"$TMP/ajv.log" 2>&1; then
    ok "$2 is valid SARIF 2.1.0"
  else
    cat "$TMP/ajv.log"
    bad "$2 does not validate"
  fi
}

# Count of a JSON path's array, e.g. count file.sarif 'runs[0].results'.
count() {
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           const v = new Function("d", "return d." + process.argv[2])(d);
           console.log(Array.isArray(v) ? v.length : -1);' "$1" "$2"
}

# 1. The CLI on a small invented report, run from its folder (relative URIs).
mkdir -p "$TMP/work/reports"
printf '全校共有教职工500人，其中专任教师380人，占比76%%。\n兼职教师150人。\n' >"$TMP/work/reports/报告 一.txt"
(cd "$TMP/work" && "$TALLY" check --format sarif reports >"$TMP/cli.sarif.json")
rc=$?
if [ $rc -gt 1 ]; then bad "tally check exited $rc"; fi
validate "$TMP/cli.sarif.json" "tally check on a small report"

# 2. A report without figures: a run with zero results must still be valid.
mkdir -p "$TMP/empty"
printf '本报告没有数字。\n' >"$TMP/empty/plain.txt"
(cd "$TMP/empty" && "$TALLY" check --format sarif plain.txt >"$TMP/empty.sarif.json")
[ "$(count "$TMP/empty.sarif.json" 'runs[0].results')" = 0 ] || bad "a report without figures gave results"
validate "$TMP/empty.sarif.json" "a run with no results"

# 3. The shipped examples, checked from elsewhere (absolute file:// URIs).
if [ -d "$SRC/examples" ]; then
  (cd "$TMP" && "$TALLY" check --format sarif "$SRC/examples" >"$TMP/examples.sarif.json")
  validate "$TMP/examples.sarif.json" "the examples folder"
fi

# 4. A hand-made result with related locations and a fix, written by the unit tests.
if TALLY_SARIF_SAMPLE_OUT="$TMP/sample.sarif.json" "$TESTS" -tc="*sarif sample*" >"$TMP/tests.log" 2>&1; then
  [ "$(count "$TMP/sample.sarif.json" 'runs[0].results[0].relatedLocations')" -gt 0 ] &&
    [ "$(count "$TMP/sample.sarif.json" 'runs[0].results[0].fixes')" -gt 0 ] ||
    bad "the sample lacks relatedLocations or fixes"
  validate "$TMP/sample.sarif.json" "the sample with related locations and a fix"
else
  cat "$TMP/tests.log"
  bad "could not write the SARIF sample"
fi

# 5. The validator must reject a broken file, or the checks above prove nothing.
node -e 'const fs = require("fs"); const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
         d.runs[0].results[0].level = "fatal"; fs.writeFileSync(process.argv[2], JSON.stringify(d));' \
  "$TMP/sample.sarif.json" "$TMP/broken.sarif.json" 2>/dev/null
if [ -f "$TMP/broken.sarif.json" ] && (cd "$CACHE" && "$AJV" validate --spec=draft7 -c ajv-formats --strict=false \
      -s "$TMP/schema.json" -d "$TMP/broken.sarif.json") >/dev/null 2>&1; then
  bad "the validator accepted a result with level \"fatal\""
fi

finish
