#!/bin/bash
# The VS Code extension (editors/vscode):
#  1. editors/vscode/test/smoke.js runs extension.js under node with stand-ins for VS Code's modules:
#     package.json's settings are the ones extension.js reads, it starts `tally lsp`, restarts on
#     tally.path / debounceMs, sends tally.lang as settings, and this tally accepts the initialization
#     options it builds without a warning. Needs node only.
#  2. Packaging: npm installs its dependency and @vscode/vsce@3 into BUILD/test-cache, `vsce package`
#     writes the .vsix, and the .vsix (a zip) holds extension/package.json, extension/extension.js and
#     vscode-languageclient, and not the tests. Skipped (77) without npm or when npm cannot download.
#   bash test_vscode_extension.sh <path-to-tally> <source-dir>
set -u
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$TALLY")
EXT="$SRC/editors/vscode"
command -v node >/dev/null || { echo "skip: node is needed"; exit 77; }
version=$(sed -n 's/^project(tally VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")

# 1. smoke test
node "$EXT/test/smoke.js" "$version" "$TALLY" >"$TMP/smoke.out" 2>&1
rc=$?
while IFS= read -r line; do
  case $line in ok:*) ok "${line#ok: }" ;; FAIL:*) bad "${line#FAIL: }" ;; esac
done <"$TMP/smoke.out"
[ $rc = 0 ] || [ "$failed" != 0 ] || { bad "smoke.js exited $rc"; cat "$TMP/smoke.out"; }

# 2. the .vsix
skip() { echo "skip: $1"; [ "$failed" = 0 ] && { echo "$passed passed; packaging not tested"; exit 77; }; finish; }
command -v npm >/dev/null || skip "no npm to package the extension"
CACHE="$BUILD/test-cache/vscode"
STAGE="$CACHE/extension"
mkdir -p "$STAGE"
# The extension's own files, copied over the cached node_modules (so npm downloads only once).
tar -C "$EXT" --exclude=node_modules --exclude='*.vsix' -cf - . | tar -C "$STAGE" -xf -
[ -f "$STAGE/package.json" ] || { bad "could not stage the extension"; finish; }
npm install --prefix "$STAGE" --omit=dev --no-audit --no-fund --loglevel=error --fetch-timeout=30000 --fetch-retries=1 >"$CACHE/npm-ext.log" 2>&1 ||
  { cat "$CACHE/npm-ext.log"; skip "npm could not install vscode-languageclient (offline?)"; }
VSCE="$CACHE/vsce/node_modules/.bin/vsce"
if [ ! -x "$VSCE" ]; then
  npm install --prefix "$CACHE/vsce" --no-audit --no-fund --loglevel=error --fetch-timeout=30000 --fetch-retries=1 @vscode/vsce@3 >"$CACHE/npm-vsce.log" 2>&1 ||
    { cat "$CACHE/npm-vsce.log"; skip "npm could not install @vscode/vsce (offline?)"; }
fi
VSIX="$TMP/tally-$version.vsix"
(cd "$STAGE" && "$VSCE" package --allow-missing-repository --skip-license -o "$VSIX") >"$TMP/vsce.log" 2>&1 &&
  ok "vsce package wrote $(basename "$VSIX")" || { bad "vsce package failed"; cat "$TMP/vsce.log"; finish; }
python3 - "$VSIX" >"$TMP/vsix.out" <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
def check(cond, what): print(("ok: " if cond else "FAIL: ") + what)
check("extension/package.json" in names, "the .vsix holds extension/package.json")
check("extension/extension.js" in names, "the .vsix holds extension/extension.js")
check("extension/node_modules/vscode-languageclient/package.json" in names, "the .vsix holds vscode-languageclient")
check("extension.vsixmanifest" in names, "the .vsix has its manifest")
check(not any(n.startswith("extension/test/") for n in names), "the tests are left out (.vscodeignore)")
pkg = json.loads(z.read("extension/package.json"))
check(pkg["name"] == "tally" and pkg["main"] == "./extension.js", "the packaged package.json is tally's")
PY
while IFS= read -r line; do
  case $line in ok:*) ok "${line#ok: }" ;; FAIL:*) bad "${line#FAIL: }" ;; esac
done <"$TMP/vsix.out"
finish
