#!/bin/bash
# `tally check --write-baseline / --baseline`: findings survive inserted lines,
# identical findings are counted, fixed ones are stale (listed on stderr and
# dropped on rewrite), the summary says how many matched, bad files exit 2.
# A tiny pattern rule pack keeps the findings independent of the built-in rules.
#   bash test_baseline.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
run() {  # run <expected exit> <what> <args…>
  local want=$1 what=$2
  shift 2
  "$TALLY" check --color never "$@" >out 2>err
  local got=$?
  if [ "$got" = "$want" ]; then ok "$what (exit $got)"; else bad "$what: exit $got, expected $want"; cat out err; fi
}

mkdir -p repo/docs repo/ci
cat >repo/pack.yaml <<'YAML'
pack: clitest
rules:
  - id: double
    kind: pattern
    severity: error
    summary: 甲 is twice 乙
    pattern: '甲\s*{num:a}\s*人，乙\s*{num:b}\s*人'
    assert: a == b * 2
    explanation: A test rule.
    examples:
      flag:
        - "甲 5 人，乙 2 人。"
      pass:
        - "甲 4 人，乙 2 人。"
YAML
printf 'rules: [pack.yaml]\n' >repo/.tally.yaml
printf '甲 5 人，乙 2 人。\n甲 5 人，乙 2 人。\n甲 7 人，乙 3 人。\n' >repo/docs/a.md
printf '甲 9 人，乙 2 人。\n' >repo/docs/b.md
cd repo || exit 1

# --- writing --------------------------------------------------------------------
run 0 "--write-baseline accepts today's findings" --no-default-rules --write-baseline ci/baseline.json docs
has out 'baseline: 4 findings matched (not shown), 0 stale' "summary after writing"
has err 'wrote 4 findings to baseline ci/baseline.json' "note on stderr"
has ci/baseline.json '"version": 1' "baseline has a version"
has ci/baseline.json '"../docs/a.md"' "file keys are relative to the baseline's folder"
has ci/baseline.json '"count": 2' "identical findings are counted"
has ci/baseline.json '"fingerprint"' "entries have fingerprints"
if grep -q '"line"' ci/baseline.json; then bad "baseline must not store line numbers"; else ok "no line numbers stored"; fi

run 0 "unchanged files: everything matched" --no-default-rules --baseline ci/baseline.json docs
has out '2 files checked: 0 errors' "nothing new"
has out 'baseline: 4 findings matched (not shown), 0 stale' "all matched"

# --- the same findings after inserting lines ---------------------------------------
printf '前言。\n\n新的一段。\n甲 5 人，乙 2 人。\n\n甲 5 人，乙 2 人。\n甲 7 人，乙 3 人。\n' >docs/a.md
run 0 "findings survive inserted lines" --no-default-rules --baseline ci/baseline.json docs
has out 'baseline: 4 findings matched' "still all matched"

# --- a third identical finding needs a third entry ------------------------------
printf '甲 5 人，乙 2 人。\n甲 5 人，乙 2 人。\n甲 5 人，乙 2 人。\n甲 7 人，乙 3 人。\n' >docs/a.md
run 1 "a third identical finding is new" --no-default-rules --baseline ci/baseline.json docs
has out 'docs/a.md:3:3: error[double]' "the extra finding (the last of three) is reported"
has out '1 error' "only one is new"

# --- fixed findings are stale -------------------------------------------------------
printf '甲 4 人，乙 2 人。\n甲 5 人，乙 2 人。\n甲 7 人，乙 4 人。\n' >docs/a.md
run 1 "fixed and changed findings" --no-default-rules --baseline ci/baseline.json docs
has out 'docs/a.md:3:3: error[double]' "a changed line is a new finding"
has out 'baseline: 2 findings matched (not shown), 2 stale' "matched and stale counts"
has err 'tally: note: ../docs/a.md: stale baseline entry (1 finding): double' "stale entries listed on stderr"
"$TALLY" check --no-default-rules -f json --baseline ci/baseline.json docs >json.out 2>/dev/null
has json.out '"baseline_matched": 2' "JSON summary: baseline_matched"
has json.out '"baseline_stale": 2' "JSON summary: baseline_stale"
"$TALLY" check --no-default-rules -f json docs >nobase.json 2>/dev/null
hasnt nobase.json 'baseline_matched' "no baseline keys without a baseline"

# --- rewriting drops stale entries ----------------------------------------------------
run 0 "rewrite the baseline" --no-default-rules --baseline ci/baseline.json --write-baseline ci/baseline.json docs
has err '(removed)' "stale entries are marked removed"
run 0 "after rewriting nothing is stale" --no-default-rules --baseline ci/baseline.json docs
has out 'baseline: 3 findings matched (not shown), 0 stale' "rewritten baseline"

# --- subsets, deleted files, other working folders --------------------------------------
run 0 "writing for one file keeps the other's entries" --no-default-rules --write-baseline ci/baseline.json docs/a.md
has ci/baseline.json '"../docs/b.md"' "b.md entries kept"
(cd docs && "$TALLY" check --no-default-rules --baseline ../ci/baseline.json a.md b.md >../out 2>../err)
has out 'baseline: 3 findings matched' "keys match from another working folder"
rm docs/b.md
run 0 "a deleted file's entries are stale" --no-default-rules --baseline ci/baseline.json docs
has out '1 stale' "deleted file counted stale"
has err '../docs/b.md: stale baseline entry' "deleted file listed"

# --- bad baselines ------------------------------------------------------------------------
run 2 "missing baseline file" --no-default-rules --baseline ci/nothere.json docs
has err 'ci/nothere.json: cannot open baseline file' "missing baseline message"
echo '{"version": 1, "files": {"a": [{"rule": "x"}]}}' >ci/bad.json
run 2 "malformed baseline file" --no-default-rules --baseline ci/bad.json docs
has err 'ci/bad.json: bad baseline file' "malformed baseline message"
echo 'not json' >ci/bad.json
run 2 "a broken file is not overwritten" --no-default-rules --write-baseline ci/bad.json docs
has ci/bad.json 'not json' "broken baseline left alone"

finish
