#!/bin/bash
# The Dockerfile and the GitHub Action (action.yml), checked without a container engine: this machine and
# CI have a docker client at most, no daemon, and no registry but Debian's.
#  1. The Dockerfile, parsed (tests/cli/dist_check.py): Debian 12 stages; the build stage installs with
#     .ci/deps.sh build, configures with `make build`'s flags, builds tally and tally_readers and runs
#     `cpack -G DEB` like `make package`; the runtime stage installs that .deb with apt-get (so its
#     packages are the .deb's Depends, which tests/cli/test_package.sh checks against dpkg-shlibdeps),
#     runs as a non-root user with ENTRYPOINT ["tally"]; everything it COPYs is in the build context.
#  2. Its build steps against this build folder: each -D it passes is a variable the CMake files
#     define, each --target exists, and those targets produce every file the package installs from
#     the build folder (cpack with Ninja builds nothing itself); the .deb name matches CPack's.
#  3. action.yml, parsed: a composite action with the documented inputs, each used, passed to scripts
#     through env, and a SARIF upload step.
#  4. action.yml, run: its steps are executed as the runner would (dist_check.py run-action) with a
#     stand-in `docker` that runs this tally on the workspace: exit codes 0/1/2, annotations, SARIF
#     written and handed to upload-sarif, paths with spaces, a prebuilt image.
#   bash test_dockerfile.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$TALLY")
PY=python3
CHECK="$SRC/tests/cli/dist_check.py"

# Runs dist_check.py and counts its ok/FAIL lines as this script's own.
counted() {  # counted OUTFILE ARGS...
  local out=$1; shift
  "$PY" "$CHECK" "$@" >"$out" 2>&1
  local rc=$?
  while IFS= read -r line; do
    case $line in
      ok:*) ok "${line#ok: }" ;;
      FAIL:*) bad "${line#FAIL: }" ;;
    esac
  done <"$out"
  [ $rc -le 1 ] || { bad "dist_check.py $1 crashed (exit $rc)"; cat "$out"; }
}

# 1. The Dockerfile's structure.
counted "$TMP/dockerfile.out" dockerfile "$SRC"
targets=$(sed -n 's/^targets: //p' "$TMP/dockerfile.out")
configure=$(sed -n 's/^configure: //p' "$TMP/dockerfile.out")

# 2. Its build steps against the build folder ctest runs in.
for def in $(grep -o -- '-D[A-Za-z0-9_]*' <<<"$configure" | cut -c3-); do
  case $def in
    CMAKE_*) ok "Dockerfile: -D$def is CMake's own" ;;
    *) grep -rqE "(set|option)\($def\b" "$SRC/CMakeLists.txt" "$SRC/cmake" &&
         ok "Dockerfile: -D$def is defined in the CMake files" || bad "Dockerfile: -D$def is no variable of the CMake files" ;;
  esac
done
if [ -f "$BUILD/build.ninja" ] && command -v ninja >/dev/null; then
  known=$(ninja -C "$BUILD" -t targets all 2>/dev/null | sed 's/: .*//')
  for t in $targets; do
    grep -qx -- "$t" <<<"$known" && ok "Dockerfile: target $t exists" || bad "Dockerfile: no target $t in the build"
  done
  # Every file the install rules take from the build folder must be in the targets' dependency graph.
  # shellcheck disable=SC2086  # the target list is words
  graph=$(ninja -C "$BUILD" -t graph $targets 2>/dev/null)
  built=$(realpath "$BUILD")
  installed=$(grep -ho "\"$built/[^\"\$]*\"" "$BUILD/cmake_install.cmake" | tr -d '"' | sort -u)
  [ -n "$installed" ] || bad "no installed files found in $BUILD/cmake_install.cmake"
  for f in $installed; do
    rel=${f#"$built"/}
    grep -qF "label=\"$rel\"" <<<"$graph" && ok "Dockerfile: its targets build $rel, which the package installs" ||
      bad "Dockerfile: $rel is installed but none of '$targets' builds it"
  done
else
  echo "skip: the target checks need a Ninja build folder ($BUILD)"
fi
if [ -f "$BUILD/CPackConfig.cmake" ]; then
  grep -q 'set(CPACK_PACKAGE_NAME "tally")' "$BUILD/CPackConfig.cmake" &&
    grep -q 'set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")' "$BUILD/CPackConfig.cmake" &&
    grep -q 'tally_\*\.deb' "$SRC/Dockerfile" && ok "Dockerfile: tally_*.deb is the name CPack gives the package" ||
    bad "Dockerfile: the .deb name does not follow CPackConfig.cmake"
fi

# 3 and 4 read YAML.
if ! "$PY" -c 'import yaml' 2>/dev/null; then
  echo "skip: action.yml needs python3-yaml (.ci/deps.sh test installs it)"
  [ "$failed" = 0 ] && { echo "$passed passed, action.yml not checked"; exit 77; }
  finish
fi
counted "$TMP/action.out" action "$SRC"

# 4. Run the action. The stand-in docker logs its command line, and for `run` runs tally in the
# folder mounted on the -w directory, with the image's entry point (tally) and the arguments after it.
mkdir -p "$TMP/bin"
cat >"$TMP/bin/docker" <<EOF
#!/bin/bash
{ printf docker; printf ' %q' "\$@"; echo; } >>"$TMP/docker.log"
[ "\$1" = run ] || exit 0
shift
declare -A vol; dir=/
while [ \$# -gt 0 ]; do
  case \$1 in
    --rm|-i|-t) shift ;;
    -v) vol[\${2#*:}]=\${2%%:*}; shift 2 ;;
    -w) dir=\$2; shift 2 ;;
    --user|-e) shift 2 ;;
    *) break ;;
  esac
done
shift  # the image
cd "\${vol[\$dir]:?docker run: nothing mounted on \$dir}" || exit 125
exec "$TALLY" "\$@"
EOF
chmod +x "$TMP/bin/docker"

WS="$TMP/ws"
mkdir -p "$WS/reports"
printf '全县共有小学 20 所，其中公办学校 12 所、民办学校 9 所。\n' >"$WS/reports/sum.txt"
printf '全校共有学生 13584 人，其中女生 5214 人，占 38.3%%。\n' >"$WS/reports/warn.txt"
printf '全校共有教师 80 人，其中女教师 50 人。\n' >"$WS/reports/a b.txt"
printf '本报告没有数字。\n' >"$WS/clean.txt"

run_action() {  # run_action NAME INPUT=VALUE... → $TMP/NAME.out, $rc
  local name=$1; shift
  : >"$TMP/docker.log"
  (cd "$WS" && PATH="$TMP/bin:$PATH" "$PY" "$CHECK" run-action "$SRC" "$WS" "$@") >"$TMP/$name.out" 2>&1
  rc=$?
}
output() { sed -n "s/^output $2=//p" "$TMP/$1.out"; }

# Defaults: annotations for the whole repository, the error fails the step with 1.
run_action defaults
[ "$rc" = 1 ] && [ "$(output defaults exit-code)" = 1 ] && ok "action: an error → exit 1" ||
  { bad "action: defaults gave exit $rc, exit-code $(output defaults exit-code)"; cat "$TMP/defaults.out"; }
has "$TMP/defaults.out" '::error file=reports/sum.txt,line=1,col=8' "action: annotations with paths relative to the repository"
has "$TMP/docker.log" "docker build --build-arg TALLY_GIT_COMMIT=v0.1.0 -t tally-action:local $SRC" "action: builds the Dockerfile at the action's path, stamped with its ref"
has "$TMP/docker.log" "-v $WS:/work -w /work --user $(id -u):$(id -g)" "action: mounts the workspace on /work and runs as the runner's user"
has "$TMP/defaults.out" 'step skipped: Upload SARIF to code scanning' "action: no upload without upload-sarif"
hasnt "$TMP/defaults.out" 'tally.sarif' "action: no SARIF file without upload-sarif"

# Nothing at or above error: exit 0; a warning with fail-on warning: exit 1.
run_action clean paths=clean.txt
[ "$rc" = 0 ] && [ "$(output clean exit-code)" = 0 ] && ok "action: nothing found → exit 0" || { bad "action: clean gave $rc"; cat "$TMP/clean.out"; }
run_action warn0 paths=reports/warn.txt
[ "$rc" = 0 ] && ok "action: a warning under fail-on error → exit 0" || { bad "action: warning, fail-on error gave $rc"; cat "$TMP/warn0.out"; }
run_action warn1 paths=reports/warn.txt fail-on=warning
[ "$rc" = 1 ] && ok "action: a warning with fail-on warning → exit 1" || { bad "action: warning, fail-on warning gave $rc"; cat "$TMP/warn1.out"; }
has "$TMP/warn1.out" '::warning file=reports/warn.txt' "action: warnings become ::warning annotations"

# upload-sarif: the SARIF file is written (relative URIs) and handed to upload-sarif; fail-on never → 0.
run_action sarif upload-sarif=true fail-on=never paths=reports
[ "$rc" = 0 ] && ok "action: fail-on never → exit 0" || { bad "action: fail-on never gave $rc"; cat "$TMP/sarif.out"; }
has "$TMP/sarif.out" 'step uses: github/codeql-action/upload-sarif@v3 {"category": "tally", "sarif_file": "tally.sarif"}' "action: uploads tally.sarif"
if [ -f "$WS/tally.sarif" ] &&
   "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); u={l["physicalLocation"]["artifactLocation"]["uri"] for r in d["runs"][0]["results"] for l in r["locations"]}; sys.exit(0 if d["version"]=="2.1.0" and "reports/sum.txt" in u else 1)' "$WS/tally.sarif"; then
  ok "action: tally.sarif is SARIF 2.1.0 with the finding at reports/sum.txt"
else
  bad "action: tally.sarif missing or without reports/sum.txt"
fi
grep -q '"helpUri": "https://github.com/OWNER/tally/blob/v0.1.0/docs/rules/sum.md"' "$WS/tally.sarif" &&
  ok "action: rules link to the action's repository at its ref" || bad "action: helpUri is not the action repository's page"
rm -f "$WS/tally.sarif"

# format sarif: the log's output goes to sarif-file; without upload-sarif nothing is uploaded.
run_action fmt format=sarif sarif-file=out.sarif paths=reports/sum.txt
[ "$rc" = 1 ] && [ -s "$WS/out.sarif" ] && [ "$(output fmt sarif-file)" = out.sarif ] &&
  ok "action: format sarif writes sarif-file and keeps the exit code" || { bad "action: format sarif (exit $rc)"; cat "$TMP/fmt.out"; }
has "$TMP/fmt.out" 'step skipped: Upload SARIF to code scanning' "action: format sarif alone uploads nothing"
rm -f "$WS/out.sarif"

# tally cannot run: exit 2, said as an error annotation.
run_action broken args=--no-such-option
[ "$rc" = 2 ] && [ "$(output broken exit-code)" = 2 ] && ok "action: tally cannot run → exit 2" || { bad "action: bad option gave $rc"; cat "$TMP/broken.out"; }
has "$TMP/broken.out" '::error title=tally::tally could not run (exit 2)' "action: says tally could not run"

# Paths one per line, one with a space; args passed through (--lang zh).
run_action lines "paths=reports/a b.txt
reports/sum.txt" "args=--lang zh"
has "$TMP/lines.out" 'file=reports/sum.txt' "action: paths one per line"
grep -q 'file=reports/sum.txt.*分项' "$TMP/lines.out" && ok "action: args reach tally (--lang zh)" || { bad "action: --lang zh not applied"; cat "$TMP/lines.out"; }
grep -qF 'check --format github --fail-on error --lang zh -- reports/a\ b.txt reports/sum.txt' "$TMP/docker.log" &&
  ok "action: a path with a space stays one argument" || { bad "action: paths split wrongly"; cat "$TMP/docker.log"; }

# A prebuilt image is pulled, not built.
run_action image image=ghcr.io/owner/tally:0.1.0 paths=clean.txt
has "$TMP/docker.log" 'docker pull ghcr.io/owner/tally:0.1.0' "action: image is pulled"
hasnt "$TMP/docker.log" 'docker build' "action: no build with image"
grep -q 'docker run .* ghcr.io/owner/tally:0.1.0 check' "$TMP/docker.log" && ok "action: runs the given image" || bad "action: did not run the given image"

finish
