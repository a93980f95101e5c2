# The preamble the CLI test scripts (tests/cli/test_*.sh) share. Each of them used to copy the same
# lines for its arguments, a scratch folder, the ok/bad helpers and the final exit; they live here once.
# A script sources it right after `set -u`:
#   . "$(dirname "$0")/lib.sh"
# and then has
#   TALLY, SRC   its two arguments (the tally binary, the source tree) as absolute paths; SRC defaults
#                to the tree this file is in
#   TMP          a fresh scratch folder, removed when the script exits (a script that wants to work
#                in it does `cd "$TMP"` itself)
#   ok WHAT      prints "ok: WHAT" (nothing when called without WHAT) and counts a pass
#   bad WHAT     prints "FAIL: WHAT" and counts a failure
#   has FILE TEXT WHAT / hasnt FILE TEXT WHAT
#                ok or bad on whether FILE holds the fixed string TEXT; a failure shows FILE
#   finish       prints "N passed, M failed", exits 0 if nothing failed and 1 otherwise
# ok and bad always return 0, so `test && ok "…" || bad "…"` runs bad only when the test failed.
# Plain POSIX sh: CTest runs the scripts with bash, but nothing here needs it.
# shellcheck shell=sh disable=SC2034  # TALLY, SRC and TMP are for the script that sources this

TALLY=$(realpath "${1:?usage: $0 <path-to-tally> [<source-dir>]}") || exit 1
SRC=$(realpath "${2:-$(dirname "$0")/../..}") || exit 1
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); [ $# = 0 ] || echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAIL: $1"; }
has() { if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: no '$2' in $1"; cat "$1"; fi; }
hasnt() { if grep -qF -- "$2" "$1"; then bad "$3: unexpected '$2' in $1"; cat "$1"; else ok "$3"; fi; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ] && exit 0
  exit 1
}
