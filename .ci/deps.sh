#!/bin/sh
# Installs what tally needs from Debian 12's packages, only if it is missing.
#   .ci/deps.sh build   – to build and run tally, and to package it (`file` is for CPack's dpkg-shlibdeps step)
#   .ci/deps.sh test    – also what the test suite drives (editor, browser, schema validator, terminal,
#                         python3-yaml for the Dockerfile/action.yml check)
#   .ci/deps.sh fuzz    – also clang, for the libFuzzer targets in fuzz/ (`make fuzz`)
set -e
BUILD="build-essential cmake ninja-build pkg-config python3 libre2-dev libyaml-cpp-dev libfmt-dev doctest-dev nlohmann-json3-dev libcli11-dev libzip-dev libpugixml-dev libpoppler-cpp-dev libutf8proc-dev libcmark-dev libgmp-dev help2man file"
TEST="neovim chromium tmux fonts-noto-cjk libreoffice-writer-nogui zsh fish python3-yaml"
pkgs="$BUILD"
[ "$1" = test ] && pkgs="$BUILD $TEST"
[ "$1" = fuzz ] && pkgs="$BUILD clang"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm (for the SARIF schema validator): any installation will do, Debian's if there is none.
if [ "$1" = test ] && ! command -v npm >/dev/null 2>&1; then
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  missing="$missing npm"
fi
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
