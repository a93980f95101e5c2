#!/bin/sh
# Runs each libFuzzer target for a bounded time; fails on the first crash.
#   sh fuzz/run.sh BUILD-DIR SECONDS TARGET...
set -e
build=$1
seconds=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
for t in "$@"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  # Seeds: the example reports for text, the rule packs for YAML.
  case $t in
    check) cp "$src"/examples/*.txt "$corpus"/ 2>/dev/null || true ;;
    pack) cp "$src"/rules/*.yaml "$corpus"/ 2>/dev/null || true ;;
    docx | pdf) find "$src/tests" -name "*.$t" -size -200k -exec cp {} "$corpus"/ \; 2>/dev/null || true ;;
    expr) printf 'approx(a / b * 100, a)' >"$corpus/seed1"; printf 'not (a + 1 <= max(b, 2)) or sum(a, b) == 3' >"$corpus/seed2" ;;
  esac
  echo "fuzzing $t for $seconds s"
  dict=""
  [ -f "$src/fuzz/$t.dict" ] && dict="-dict=$src/fuzz/$t.dict"
  "$build/fuzz/fuzz_$t" $dict -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$build/crash-$t-" "$corpus"
done
