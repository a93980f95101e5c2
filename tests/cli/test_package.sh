#!/bin/bash
# Installing tally: `cmake --install` into a staging folder, and the Debian package CPack builds
# (tally_<version>_<arch>.deb) unpacked into a throw-away root with dpkg-deb -x. From each, the
# installed binary runs --version and a check, and the man page, completions, rule pages and any
# reader module are where Debian's tools look for them. The package's Depends must name installed
# packages (dpkg-shlibdeps found them from the libraries the binary links).
#   bash test_package.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$TALLY")
command -v dpkg-deb >/dev/null && command -v cpack >/dev/null || { echo "skip: no dpkg-deb or cpack"; exit 77; }
[ -f "$BUILD/CPackConfig.cmake" ] || { echo "FAIL: no CPackConfig.cmake in $BUILD"; exit 1; }

REPORT='全县共有小学 20 所，其中公办学校 12 所、民办学校 9 所。'
# The installed program, away from the build tree: no fallback to the build folder's module.
installed_works() {  # ROOT PREFIX NAME
  local root=$1 prefix=$2 name=$3 bin="$1$2/bin/tally"
  [ -x "$bin" ] || { bad "$name: no $prefix/bin/tally"; return; }
  v=$(env -i PATH=/usr/bin:/bin "$bin" --version 2>&1)
  [[ $v == "tally "*"(commit "* ]] && ok "$name: $v" || bad "$name: --version: $v"
  printf '%s\n' "$REPORT" >"$TMP/r.txt"
  out=$(cd "$TMP" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$bin" check r.txt 2>&1); rc=$?
  [ $rc -eq 1 ] && grep -q 'r.txt:1:8: error\[sum\]' <<<"$out" && ok "$name: check finds the contradiction" ||
    bad "$name: check (exit $rc): $(head -2 <<<"$out")"
  local man="$root$prefix/share/man/man1/tally.1"
  [ -f "$man" ] && man -l "$man" 2>/dev/null | grep -q 'EXIT STATUS' && man -l "$man" 2>/dev/null | grep -q 'Command check' &&
    ok "$name: man page" || bad "$name: man page $man"
  [ -f "$root$prefix/share/bash-completion/completions/tally" ] && [ -f "$root$prefix/share/zsh/vendor-completions/_tally" ] &&
    [ -f "$root$prefix/share/fish/vendor_completions.d/tally.fish" ] && ok "$name: completions" || bad "$name: completions"
  [ -f "$root$prefix/share/doc/tally/README.md" ] && [ -f "$root$prefix/share/doc/tally/rules/sum.md" ] &&
    ok "$name: docs and rule pages" || bad "$name: docs"
  # The rule page link points at the installed page.
  url=$(env -i PATH=/usr/bin:/bin "$bin" rules --format json | python3 -c 'import json,sys; print([r["url"] for r in json.load(sys.stdin) if r["id"]=="sum"][0])')
  [ "$url" = "file://$root$prefix/share/doc/tally/rules/sum.md" ] && ok "$name: rule links point at the installed pages" ||
    bad "$name: rule link $url"
  if [ -f "$BUILD/tally_readers.so" ]; then
    [ -f "$root$prefix/lib/tally/tally_readers.so" ] && ok "$name: document reader module" || bad "$name: no lib/tally/tally_readers.so"
  fi
}

# 1. cmake --install
DESTDIR="$TMP/stage" cmake --install "$BUILD" --prefix /usr/local >"$TMP/install.log" 2>&1 ||
  { bad "cmake --install: $(tail -3 "$TMP/install.log")"; exit 1; }
installed_works "$TMP/stage" /usr/local "cmake --install"

# 2. the Debian package
(cd "$TMP" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" 2>&1) ||
  { bad "cpack: $(tail -5 "$TMP/cpack.log")"; exit 1; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")/\1/p' "$BUILD/CPackConfig.cmake")
deb="$TMP/pkg/tally_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] && ok "package $(basename "$deb")" || { bad "no $deb: $(ls "$TMP/pkg")"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
grep -q 'libre2' <<<"$depends" && grep -q 'libyaml-cpp' <<<"$depends" && ok "Depends: $depends" || bad "Depends: $depends"
missing=""
for p in $(tr ',' '\n' <<<"$depends" | sed 's/(.*//; s/|.*//' | tr -d ' '); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && ok "every dependency names an installed package" || bad "unknown dependencies:$missing"
dpkg-deb -x "$deb" "$TMP/root"
installed_works "$TMP/root" /usr "dpkg-deb -x"

finish
