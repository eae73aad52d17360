#!/usr/bin/env bash
# The README's test command (and all that CI runs): installs what is missing, then
# builds with warnings as errors and runs the whole suite, once as a Release shared
# library and once under AddressSanitizer + UndefinedBehaviorSanitizer (static, with
# the examples off), each in its own build directory; then, when clang is present, runs each libFuzzer harness for a
# bounded time (AIDSTAT_FUZZ_SECONDS, default 30).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
jobs="$(nproc)"
start=$SECONDS

run_suite() {  # name, extra cmake options...
  local name="$1"
  shift
  local build="$root/build/$name"
  echo "== $name: configure and build"
  cmake -S "$root" -B "$build" -DAIDSTAT_WERROR=ON "$@" >/dev/null
  cmake --build "$build" -j"$jobs" >/dev/null
  echo "== $name: test"
  (cd "$build" && ctest -j"$jobs" --output-on-failure)
}

# Release, as users build it, and as a shared library, so that the packaging tests
# build a consumer against an installed libaidstat.so; with the Python module and its
# pytest suite (the sanitizer and fuzz builds leave the module out: an interpreter
# does not load their runtimes).
run_suite check -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite sanitize -DCMAKE_BUILD_TYPE=Debug -DAIDSTAT_SANITIZE=ON -DAIDSTAT_BUILD_EXAMPLES=OFF
if command -v clang++ >/dev/null 2>&1; then
  CXX=clang++ run_suite fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDSTAT_FUZZ=ON \
    -DAIDSTAT_BUILD_TESTS=OFF -DAIDSTAT_BUILD_EXAMPLES=OFF -DAIDSTAT_BUILD_BENCH=OFF \
    -DAIDSTAT_FUZZ_SECONDS="${AIDSTAT_FUZZ_SECONDS:-30}"
else
  echo "== fuzz: skipped, clang++ is not installed"
fi
echo "== all suites passed in $((SECONDS - start)) s"
