#!/usr/bin/env bash
# Runs every command of commands.txt with the given `aidstat` and writes each output
# (stdout, then stderr, then the exit status) into OUT/NN.txt; with --compare EXPECTED
# it diffs OUT against EXPECTED and fails on any difference. OUT/files.txt holds the
# SHA-256 of every file the commands wrote (archives, exported CSV). Behaviour that must not
# change across a restructuring is pinned this way (tests/CMakeLists.txt runs it).
#   usage: run.sh AIDSTAT OUT [--compare EXPECTED]
set -euo pipefail
cli="$1"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out" && mkdir -p "$out"
n=0
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  n=$((n + 1))
  args="${line//@DATA@/$root/examples/data/city-2023}"
  args="${args//@HERE@/$here}"
  args="${args//@TMP@/$tmp}"
  file="$out/$(printf '%02d' "$n").txt"
  status=0
  # shellcheck disable=SC2086  # the command line is split on spaces on purpose
  (cd "$tmp" && "$cli" $args >"$file.out" 2>"$file.err") || status=$?
  { echo "\$ aidstat $line"; cat "$file.out"; echo "-- stderr"; cat "$file.err"; echo "-- exit $status"; } |
    sed -e "s|$tmp|@TMP@|g" -e "s|$root/examples/data/city-2023|@DATA@|g" -e "s|$here|@HERE@|g" >"$file"
  rm -f "$file.out" "$file.err"
done <"$here/commands.txt"
# The files the commands wrote (archives, exported CSV), byte for byte.
(cd "$tmp" && find . -type f | LC_ALL=C sort | xargs sha256sum) >"$out/files.txt"
if [ "${3:-}" = "--compare" ]; then
  diff -ru "$4" "$out"
  echo "all $n outputs are unchanged"
fi
