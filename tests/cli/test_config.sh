#!/bin/bash
# `tally check` with .tally.yaml: discovery (nearest wins, --config), every
# error kind with its file:line:col and exit 2, severity/disable, include/exclude,
# ignore, inline and config suppressions, -j output identical to -j1.
# A tiny pattern rule pack keeps the findings independent of the built-in rules.
#   bash test_config.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
# run <expected exit> <what> <args…>: runs tally check, output in out/err.
run() {
  local want=$1 what=$2
  shift 2
  "$TALLY" check --no-default-rules --color never "$@" >out 2>err
  local got=$?
  if [ "$got" = "$want" ]; then ok "$what (exit $got)"; else bad "$what: exit $got, expected $want"; cat out err; fi
}

cat >pack.yaml <<'YAML'
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
BAD='甲 5 人，乙 2 人。'

# --- discovery ---------------------------------------------------------------
mkdir -p proj/sub/deeper proj/other
echo 'rules: [../pack.yaml]' >proj/.tally.yaml
printf 'rules: [../../pack.yaml]\nseverity:\n  double: warning\n' >proj/sub/.tally.yaml
printf 'rules: [../../../pack.yaml]\ndisable: [double]\n' >proj/sub/deeper/.tally.yaml
for f in proj/a.md proj/sub/b.md proj/sub/deeper/c.md proj/other/d.md; do echo "$BAD" >"$f"; done
run 1 "configs found by walking up" proj
has out 'proj/a.md:1:3: error[double]' "root config applies to proj/a.md"
has out 'proj/other/d.md:1:3: error[double]' "root config applies to a folder without its own"
has out 'proj/sub/b.md:1:3: warning[double]' "nearest config's severity override"
hasnt out 'proj/sub/deeper/c.md:1' "nearest config's disable"
has out '4 files checked: 2 errors, 1 warning' "summary counts"

printf 'rules: [pack.yaml]\nseverity: {double: info}\n' >ci.yaml
run 0 "--config replaces discovery" --config ci.yaml proj
has out 'proj/sub/deeper/c.md:1:3: info[double]' "--config applies to every file"
hasnt out 'error[double]' "--config: no discovered config used"

run 0 "--no-config ignores .tally.yaml" --no-config --rules pack.yaml --fail-on never proj/sub/deeper/c.md
has out 'proj/sub/deeper/c.md:1:3: error[double]' "--no-config: default severity"

# --- errors: file:line:col and exit 2 -----------------------------------------
mkdir -p errs && echo "$BAD" >errs/x.md
check_error() {  # check_error <config text> <expected message> <what>
  printf '%s' "$1" >errs/.tally.yaml
  run 2 "$3" errs/x.md
  has err "tally: error: $2" "$3: message"
  if [ -s out ]; then bad "$3: nothing should be printed on stdout"; fi
}
check_error $'rules: [../pack.yaml]\ndisabel: [double]\n' "errs/.tally.yaml:2:1: unknown key 'disabel'" "unknown key"
check_error $'rules: [../pack.yaml]\ndisable: double\n' "errs/.tally.yaml:2:10: expected a list of rule ids, got a single value" "wrong type"
check_error $'rules: [../pack.yaml]\nseverity:\n  double: fatal\n' "errs/.tally.yaml:3:11: severity must be error, warning or info, not 'fatal'" "bad severity"
check_error $'rounding: nearest\n' "errs/.tally.yaml:1:11: rounding must be half-up or truncation-is-error" "bad rounding"
check_error $'rules: [../pack.yaml]\nenable: [double, nosuch]\n' "errs/.tally.yaml:2:18: unknown rule 'nosuch'" "unknown rule id"
check_error $'rules: [../pack.yaml]\nsuppress:\n  - rule: percentt\n    line-contains: x\n' "errs/.tally.yaml:3:11: unknown rule 'percentt'" "unknown rule id in suppress"
check_error $'rules: [nothere.yaml]\n' "errs/.tally.yaml:1:9: rule pack 'nothere.yaml' not found" "missing pack"
check_error $'disable: [a, b\n' "errs/.tally.yaml:2:1: YAML syntax error" "YAML syntax error"
check_error $'exclude: ["[x"]\n' "errs/.tally.yaml:1:11: unclosed '[' in glob pattern" "bad glob"
rm errs/.tally.yaml
run 2 "missing --config file" --config nothere.yaml errs/x.md
has err "nothere.yaml: cannot open config file" "missing --config message"

# --- include / exclude / ignore -------------------------------------------------
mkdir -p sel/reports/2023 sel/notes sel/legacy
cat >sel/.tally.yaml <<'YAML'
rules: [../pack.yaml]
include: ["reports/**", "legacy/**"]
exclude: ["**/draft-*"]
ignore:
  - path: "legacy/*.md"
    rules: [double]
YAML
for f in sel/reports/2023/a.md sel/reports/draft-b.md sel/notes/c.md sel/notes/draft-d.md sel/legacy/e.md; do echo "$BAD" >"$f"; done
run 1 "include/exclude on a walked folder" sel
has out 'sel/reports/2023/a.md:1:3' "included file checked"
hasnt out 'draft-b.md' "excluded file skipped"
hasnt out 'notes/c.md' "file outside include skipped"
hasnt out 'legacy/e.md:1' "ignore entry switches the rule off"
has out '2 files checked' "two files checked (a.md and the ignored legacy file)"
run 1 "a named file outside include is still checked" sel/notes/c.md
has out 'sel/notes/c.md:1:3: error[double]' "named file checked"
run 0 "a named file that is excluded is skipped" sel/notes/draft-d.md
has out '0 files checked' "named excluded file skipped"

# --- suppressions ---------------------------------------------------------------
mkdir -p sup
cat >sup/.tally.yaml <<'YAML'
rules: [../pack.yaml]
suppress:
  - rule: double
    line-contains: "甲 7 人"
    reason: the source table says so
  - rule: double
    line-contains: "甲 9 人"
YAML
cat >sup/a.md <<'MD'
<!-- tally-disable-next-line double -->
甲 5 人，乙 2 人。
甲 3 人，乙 1 人。 <!-- tally-disable-line double -- checked by hand -->
<!-- tally-disable double -->
甲 11 人，乙 1 人。

甲 13 人，乙 1 人。
<!-- tally-enable double -->
甲 7 人，乙 3 人。
<!-- tally-disable-next-line double -->
甲 4 人，乙 2 人。
<!-- tally-disable-next-line -->
甲 15 人，乙 1 人。
<!-- tally-disable-line nosuch -->
MD
run 1 "suppressions" --fail-on warning sup/a.md
hasnt out 'sup/a.md:2:3' "next-line suppression"
hasnt out 'sup/a.md:3:3' "line suppression"
hasnt out 'sup/a.md:5:' "region suppression"
hasnt out 'sup/a.md:7:' "region suppression, second paragraph"
hasnt out 'sup/a.md:9:3' "config line-contains suppression"
has out 'sup/a.md:10:1: info[unused-suppression]' "unused inline suppression reported at the comment"
has out 'sup/a.md:12:1: warning[suppression]' "suppression naming no rule"
has out 'sup/a.md:13:3: error[double]' "finding under a rule-less suppression stays"
has out "sup/a.md:14:1: warning[suppression]: unknown rule 'nosuch'" "suppression naming an unknown rule"
has err "tally: note: sup/.tally.yaml:6:5: unused suppression: no 'double' finding on a line containing '甲 9 人'" "unused config suppression on stderr"
hasnt err "甲 7 人" "used config suppression not reported"

printf 'rules: [../pack.yaml]\ndisable: [unused-suppression]\n' >sup/.tally.yaml
run 1 "unused-suppression can be disabled" sup/a.md
hasnt out 'unused-suppression' "no unused-suppression reports"

# --- rounding and enable, with the built-in percent rule ----------------------------
# These depend on the built-in rules flagging a truncated share; if they do not
# (rules changed), the section says so and is skipped rather than failed.
mkdir -p rnd
printf '全校共有学生 800 人，其中女生 100 人，占 12%%。\n甲 5 人，乙 2 人。\n' >rnd/a.md
"$TALLY" check --no-config --color never rnd/a.md >out 2>err
if grep -qF 'warning[percent]' out; then
  printf 'rounding: truncation-is-error\n' >rnd/.tally.yaml
  "$TALLY" check --color never rnd/a.md >out 2>err
  has out 'rnd/a.md:1:27: error[percent]' "rounding: truncation-is-error makes truncation an error"
  printf 'rounding: half-up\n' >rnd/.tally.yaml
  "$TALLY" check --color never rnd/a.md >out 2>err
  has out 'rnd/a.md:1:27: warning[percent]' "rounding: half-up keeps truncation a warning"
  printf 'rules: [../pack.yaml]\nenable: [double]\n' >rnd/.tally.yaml
  "$TALLY" check --color never rnd/a.md >out 2>err
  has out 'rnd/a.md:2:3: error[double]' "enable: the listed rule runs"
  hasnt out '[percent]' "enable: unlisted rules do not run"
else
  echo "skip: rounding/enable end-to-end (the built-in percent rule did not flag the sample)"
fi

# --- -j --------------------------------------------------------------------------
mkdir -p many
echo 'rules: [../pack.yaml]' >many/.tally.yaml
for i in $(seq 100 160); do
  { for k in $(seq 0 $((i % 4))); do
      if [ $((k % 2)) = 0 ]; then echo "甲 $((i + k)) 人，乙 2 人。"; else echo "甲 4 人，乙 2 人。"; fi
    done; } >"many/f$i.md"
done
"$TALLY" check --no-default-rules -j1 many >j1.txt 2>&1
"$TALLY" check --no-default-rules -j4 many >j4.txt 2>&1
"$TALLY" check --no-default-rules -f json --jobs 3 many >j3.json 2>&1
"$TALLY" check --no-default-rules -f json -j1 many >j1.json 2>&1
"$TALLY" check --no-default-rules many >jdefault.txt 2>&1
if cmp -s j1.txt j4.txt && cmp -s j1.json j3.json && cmp -s j1.txt jdefault.txt; then ok "-j output identical to -j1"; else bad "-j output differs"; diff j1.txt j4.txt | head; fi
has j1.txt '61 files checked' "-j: all files checked"
run 2 "-j 0 is a usage error" -j 0 many

finish
