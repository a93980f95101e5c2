#!/bin/bash
# Command-line conventions (issue 17), on the real binary: "did you mean" for commands, options,
# help topics, shells, rule ids, .tally.yaml keys and rules, and suppression comments; `tally help`,
# `tally check` with no path, --stdin-filename, -o, -q, --statistics, --exit-zero, `rules --format
# json`, `.tally.yml`, FORCE_COLOR / CLICOLOR_FORCE / NO_COLOR / TERM=dumb, --version, carets under
# wide characters and no trailing spaces. All reports here are invented.
#   bash test_cli_conventions.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
# expect NAME CODE STDERR-SUBSTRING -- ARGS...: exit code and a one-line message on stderr.
expect() {
  local name=$1 code=$2 msg=$3
  shift 4
  "$TALLY" "$@" >out.txt 2>err.txt
  local rc=$?
  if [ $rc -eq "$code" ] && grep -qF -- "$msg" err.txt && [ "$(wc -l <err.txt)" -eq 1 ]; then ok "$name"
  else bad "$name (exit $rc): $(head -3 err.txt)"; fi
}

REPORT='全县共有小学 20 所，其中公办学校 12 所、民办学校 9 所。'
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR FORCE_COLOR CLICOLOR_FORCE TALLY_DOCS_URL

# --- version, help, no command ---
v=$("$TALLY" --version)
if [[ $v =~ ^tally\ [0-9]+\.[0-9]+\.[0-9]+\ \(commit\ [0-9a-f]{7,}(-dirty)?,\ built\ [0-9]{4}-[0-9]{2}-[0-9]{2}\)$ ]]; then ok "--version: $v"
else bad "--version: $v"; fi
"$TALLY" >out.txt 2>err.txt; rc=$?
[ $rc -eq 2 ] && grep -q '^Subcommands:' err.txt && [ ! -s out.txt ] && ok "no command: help on stderr, exit 2" || bad "no command (exit $rc)"
"$TALLY" help >out.txt && grep -q '^  check ' out.txt && grep -q '^  completion ' out.txt && ok "tally help lists the commands" || bad "tally help"
"$TALLY" help check >out.txt && grep -q '^Usage: tally check' out.txt && grep -q -- '--stdin-filename' out.txt && ok "tally help check" || bad "tally help check: $(head -2 out.txt)"

# --- did you mean ---
expect "unknown command" 2 "unknown command 'chek' — did you mean 'check'?" -- chek x.txt
expect "unknown option" 2 "unknown option '--formt' for 'check' — did you mean '--format'?" -- check --formt json x.txt
expect "unknown option after a value" 2 "unknown option '--fial-on' for 'check' — did you mean '--fail-on'?" -- check -f json --fial-on warning x.txt
printf '%s\n' "$REPORT" | "$TALLY" check --stdin-filename -x.txt --exit-zero - >out.txt 2>err.txt; rc=$?
[ $rc -eq 0 ] && grep -q '^-x.txt:1:' out.txt && ok "an option's value may start with -" || bad "value starting with - (exit $rc): $(cat err.txt)"
expect "unknown top-level option" 2 "unknown option '--verison' — did you mean '--version'?" -- --verison
expect "unknown help topic" 2 "unknown command 'expalin' — did you mean 'explain'?" -- help expalin
expect "unknown shell" 2 "no completion for shell 'bsh' — did you mean 'bash'?" -- completion bsh
expect "unknown rule to explain" 2 "no rule 'precent' — did you mean 'percent'?" -- explain precent
expect "nothing near" 2 "unknown command 'zzzzzzzz' (see \`tally help\`)" -- zzzzzzzz

mkdir cfg && cd cfg || exit 1
printf '%s\n' "$REPORT" >r.txt
printf 'disabel: [sum]\n' >.tally.yaml
expect ".tally.yaml key" 2 ".tally.yaml:1:1: unknown key 'disabel' — did you mean 'disable'?" -- check r.txt
printf 'disable: [summ]\n' >.tally.yaml
expect ".tally.yaml rule" 2 ".tally.yaml:1:11: unknown rule 'summ' — did you mean 'sum'?" -- check r.txt
rm .tally.yaml
printf '<!-- tally-disable-next-line summ -->\n%s\n<!-- tally-disable-nextline sum -->\n%s\n' "$REPORT" "$REPORT" >c.md
"$TALLY" check --no-config --format json c.md >out.json 2>/dev/null
python3 - <<'PY' && ok "suppression comments name the nearest rule and directive" || bad "suppression comments"
import json
d = json.load(open("out.json"))
msgs = [x["message"] for x in d["diagnostics"] if x["rule"] == "suppression"]
assert any("unknown rule 'summ' in tally-disable-next-line — did you mean 'sum'?" in m for m in msgs), msgs
assert any("unknown directive 'tally-disable-nextline' — did you mean 'tally-disable-next-line'?" in m for m in msgs), msgs
PY

# --- .tally.yml ---
printf 'disable: [sum]\n' >.tally.yml
"$TALLY" check r.txt >out.txt 2>&1; rc=$?
[ $rc -eq 0 ] && ! grep -q 'error\[sum\]' out.txt && ok ".tally.yml is read" || bad ".tally.yml (exit $rc)"
rm .tally.yml
cd .. || exit 1

# --- check with no path: the current folder ---
mkdir here && printf '%s\n' "$REPORT" >here/a.txt
(cd here && "$TALLY" check >../out.txt 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q '^\./a.txt:1:' out.txt && ok "check with no path checks the current folder" || bad "check with no path (exit $rc): $(head -2 out.txt)"

# --- --stdin-filename: the name shown, and its folder's config ---
mkdir -p sub/deeper && printf 'disable: [sum]\n' >sub/.tally.yaml
printf '%s\n' "$REPORT" | "$TALLY" check --stdin-filename other/x.txt - >out.txt 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q '^other/x.txt:1:' out.txt && ok "--stdin-filename names the finding" || bad "--stdin-filename name (exit $rc): $(head -1 out.txt)"
printf '%s\n' "$REPORT" | "$TALLY" check --stdin-filename sub/deeper/x.txt >out.txt 2>&1; rc=$?
[ $rc -eq 0 ] && ok "--stdin-filename finds the config of its folder (and implies -)" || bad "--stdin-filename config (exit $rc): $(head -2 out.txt)"

# --- -o, -q, --statistics, --exit-zero ---
printf '%s\n%s\n' "$REPORT" "全县共有中学 10 所，其中公办学校 4 所、民办学校 5 所。" >two.txt
"$TALLY" check -o report.json -f json two.txt >out.txt 2>err.txt; rc=$?
[ $rc -eq 1 ] && [ ! -s out.txt ] && python3 -c 'import json; json.load(open("report.json"))' && ok "-o writes the report to the file" || bad "-o (exit $rc)"
"$TALLY" check -o /nonexistent/dir/r.txt two.txt >out.txt 2>err.txt; rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <err.txt)" -eq 1 ] && grep -q "cannot write" err.txt && ok "-o to an unwritable path: one line, exit 2" || bad "-o unwritable (exit $rc)"
"$TALLY" check -q two.txt >out.txt 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q 'error\[sum\]' out.txt && ! grep -q 'checked' out.txt && ok "-q: findings without the summary" || bad "-q (exit $rc)"
"$TALLY" check --statistics two.txt >out.txt 2>&1; rc=$?
[ $rc -eq 1 ] && grep -qE '^2  error +sum +the parts' out.txt && ! grep -q 'checked' out.txt && ok "--statistics counts per rule" || bad "--statistics (exit $rc): $(cat out.txt)"
"$TALLY" check --exit-zero two.txt >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] && ok "--exit-zero" || bad "--exit-zero (exit $rc)"
"$TALLY" check --exit-zero missing.txt >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "--exit-zero still exits 2 when tally cannot run" || bad "--exit-zero on a missing file (exit $rc)"

# --- colour from the environment (stdout is a pipe here) ---
esc=$'\033['
FORCE_COLOR=1 "$TALLY" check two.txt 2>/dev/null | grep -qF "$esc" && ok "FORCE_COLOR colours a pipe" || bad "FORCE_COLOR"
CLICOLOR_FORCE=1 "$TALLY" check two.txt 2>/dev/null | grep -qF "$esc" && ok "CLICOLOR_FORCE colours a pipe" || bad "CLICOLOR_FORCE"
FORCE_COLOR=0 "$TALLY" check two.txt 2>/dev/null | grep -qF "$esc" && bad "FORCE_COLOR=0" || ok "FORCE_COLOR=0 is plain"
NO_COLOR=1 FORCE_COLOR=1 "$TALLY" check two.txt 2>/dev/null | grep -qF "$esc" && bad "NO_COLOR" || ok "NO_COLOR wins"
if command -v script >/dev/null; then
  TERM=dumb script -qec "$TALLY check two.txt" /dev/null >tty.txt 2>&1
  TERM=xterm script -qec "$TALLY check two.txt" /dev/null >tty2.txt 2>&1
  ! grep -qF "$esc" tty.txt && grep -qF "$esc" tty2.txt && ok "TERM=dumb is plain on a terminal" || bad "TERM=dumb"
fi

# --- rules --format json ---
"$TALLY" rules --format json >rules.json && python3 - <<'PY' && ok "rules --format json" || bad "rules --format json"
import json
rules = json.load(open("rules.json"))
ids = [r["id"] for r in rules]
assert "sum" in ids and "percent" in ids and "suppression" in ids, ids
assert all(set(r) >= {"id", "severity", "pack", "kind", "summary", "url"} for r in rules)
PY

# --- rule page links in every machine format (base URL from --docs-url or TALLY_DOCS_URL) ---
TALLY_DOCS_URL=https://example.test/rules/ "$TALLY" check -f sarif two.txt >out.sarif 2>/dev/null
"$TALLY" check -f rdjson --docs-url 'https://example.test/r/{id}.html' two.txt >out.rdjson 2>/dev/null
TALLY_DOCS_URL=https://example.test/rules/ "$TALLY" check -f html two.txt >out.html 2>/dev/null
python3 - <<'PY' && ok "rule links: SARIF helpUri and name, rdjson code.url, HTML" || bad "rule links"
import json
sarif = json.load(open("out.sarif"))
rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
assert rules["sum"]["helpUri"] == "https://example.test/rules/sum.md", rules["sum"]
assert rules["per-capita"]["name"] == "PerCapita"
assert "**" not in rules["sum"]["help"]["text"] and "**" in rules["sum"]["help"]["markdown"]
rd = json.load(open("out.rdjson"))
codes = [d["code"] for d in rd["diagnostics"]]
assert {"value": "sum", "url": "https://example.test/r/sum.html"} in codes, codes
html = open("out.html", encoding="utf-8").read()
assert "https://example.test/rules/sum.md" in html, "no rule link in the HTML report"
assert "<strong>" in html or "\\u003cstrong\\u003e" in html, "explanation not rendered to HTML"
PY
TALLY_DOCS_URL= "$TALLY" check -f sarif two.txt 2>/dev/null | grep -q helpUri && bad "TALLY_DOCS_URL= should turn links off" || ok "no links when the base URL is empty"

# --- carets: under the figure whatever is before it, and no trailing spaces ---
printf '🎉🪐e\xcc\x81全县共有小学 20 所，其中公办学校 12 所、民办学校 9 所。\n' >wide.txt
"$TALLY" check wide.txt >out.txt 2>&1
python3 - <<'PY' && ok "carets line up after emoji and combining marks; no trailing spaces" || bad "carets: $(sed -n 2,4p out.txt)"
import unicodedata
lines = open("out.txt", encoding="utf-8").read().split("\n")
assert all(not l.endswith(" ") for l in lines), [l for l in lines if l.endswith(" ")]
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
src = next(l for l in lines if l.startswith("1 | "))
carets = next(l for l in lines if "^" in l)
fig = src.index(" 20 ") + 1
assert width(carets[:carets.index("^")]) == width(src[:fig]), (src, carets)
assert carets.count("^") == 2
PY

# --- completions (rule ids come from the `tally` on PATH) ---
mkdir bin && ln -s "$TALLY" bin/tally && export PATH="$TMP/bin:$PATH"
"$TALLY" completion bash >tally.bash
complete_bash() {  # the words bash would offer after "$@"
  bash -c 'source ./tally.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tally; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
[ "$(complete_bash tally ch)" = check ] && ok "bash: command" || bad "bash: command: $(complete_bash tally ch)"
[ "$(complete_bash tally check --for)" = --format ] && ok "bash: option" || bad "bash: option"
complete_bash tally check --format "" | grep -qx sarif && ok "bash: option values" || bad "bash: option values"
complete_bash tally explain per | grep -qx percent && ok "bash: rule ids" || bad "bash: rule ids: $(complete_bash tally explain per | head -3)"
if command -v zsh >/dev/null; then
  "$TALLY" completion zsh >_tally && zsh -n _tally && grep -q "^#compdef tally" _tally && ok "zsh: script parses" || bad "zsh script"
else echo "skip: zsh not installed"; fi
if command -v fish >/dev/null; then
  "$TALLY" completion fish >tally.fish && fish -n tally.fish || bad "fish script does not parse"
  got=$(fish --no-config -c "source tally.fish; complete -C 'tally check --fo'" | cut -f1)
  [ "$got" = --format ] && ok "fish: option" || bad "fish: option: $got"
  fish --no-config -c "source tally.fish; complete -C 'tally '" | cut -f1 | grep -qx check && ok "fish: command" || bad "fish: command"
else echo "skip: fish not installed"; fi

# Rule authors see every problem of their packs in one run, one located line each; --rules takes one path,
# so the file after it is checked, not read as a pack.
printf 'pack: a\nauthor: me\nrules:\n  - id: x\n    kind: summ\n' >a.yaml
printf 'pack: b\nvocabulary:\n  units:\n    - {word: pcs}\n' >b.yaml
printf '学校共有教师 100 人。\n' >r.txt
"$TALLY" check --rules a.yaml --rules b.yaml r.txt >out.txt 2>err.txt; code=$?
[ "$code" = 2 ] && ok "broken packs: exit 2" || bad "broken packs: exit $code"
has err.txt "tally: error: a.yaml:2:1: unknown key 'author' in a rule pack" "broken packs: first pack, first error"
has err.txt "tally: error: a.yaml:4:5: rule is missing the required key 'severity'" "broken packs: first pack, second error"
has err.txt "tally: error: b.yaml:4:7: a unit needs 'word' and 'dimension'" "broken packs: second pack"
hasnt err.txt "r.txt" "--rules takes one path: the report is not read as a pack"

finish
