#!/usr/bin/env bash
# The README's test commands. Each installs what is missing, then builds with warnings
# as errors and runs a suite in its own build directory.
#   bash scripts/test.sh         the check suite: a Release shared library, as users
#                                build it, with the examples, the Python module and its
#                                pytest suite, and the report rendered in Chromium.
#   bash scripts/test.sh --all   the check suite, then the same tests under
#                                AddressSanitizer + UndefinedBehaviorSanitizer (static,
#                                examples off; built with clang when present, which
#                                compiles it in less time than g++), then, when
#                                clang is present, each libFuzzer harness for a
#                                bounded time (AIDSTAT_FUZZ_SECONDS, default 30). CI
#                                runs this.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all=0
case "${1:-}" in
  "") ;;
  --all) all=1 ;;
  *)
    echo "usage: bash scripts/test.sh [--all]" >&2
    exit 2
    ;;
esac
"$root/scripts/install-deps.sh"
jobs="$(nproc)"
start=$SECONDS

run_suite() {  # name, extra cmake options...
  local name="$1"
  shift
  local build="$root/build/$name" began=$SECONDS
  echo "== $name: configure and build"
  cmake -S "$root" -B "$build" -DAIDSTAT_WERROR=ON "$@" >/dev/null
  cmake --build "$build" -j"$jobs" >/dev/null
  echo "== $name: test (built in $((SECONDS - began)) s)"
  (cd "$build" && ctest -j"$jobs" --output-on-failure)
  echo "== $name: passed in $((SECONDS - began)) s"
}

# Shared, so that the packaging tests build a consumer against an installed
# libaidstat.so. The sanitizer and fuzz builds leave the Python module out: an
# interpreter does not load their runtimes.
run_suite check -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON
if [ "$all" -eq 1 ]; then
  has_clang=0
  sanitize_cxx="${CXX:-c++}"
  command -v clang++ >/dev/null 2>&1 && has_clang=1 && sanitize_cxx=clang++
  CXX="$sanitize_cxx" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite sanitize -DCMAKE_BUILD_TYPE=Debug -DAIDSTAT_SANITIZE=ON -DAIDSTAT_BUILD_EXAMPLES=OFF
  if [ "$has_clang" -eq 1 ]; then
    CXX=clang++ run_suite fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDSTAT_FUZZ=ON \
      -DAIDSTAT_BUILD_TESTS=OFF -DAIDSTAT_BUILD_EXAMPLES=OFF -DAIDSTAT_BUILD_BENCH=OFF \
      -DAIDSTAT_FUZZ_SECONDS="${AIDSTAT_FUZZ_SECONDS:-30}"
  else
    echo "== fuzz: skipped, clang++ is not installed"
  fi
  echo "== all suites passed in $((SECONDS - start)) s"
else
  echo "== check suite passed in $((SECONDS - start)) s (bash scripts/test.sh --all adds the sanitizer and fuzz suites)"
fi
