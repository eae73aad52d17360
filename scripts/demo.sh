#!/usr/bin/env bash
# The README's demo: installs what is missing, builds the `aidstat` command, and
# prints the per-category totals of the sample report's data, then by provider kind.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
build="$root/build/release"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DAIDSTAT_BUILD_TESTS=OFF \
  -DAIDSTAT_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target aidstat_cli -j"$(nproc)" >/dev/null
data="$root/examples/data/city-2023"
echo "== xx市 2023: totals by category (amounts in 万元; ≥ marks a report's '余', ≤ its '近') =="
"$build/examples/aidstat" totals "$data" --by category --unit wan
echo
echo "== the same, by the kind of the providing unit =="
"$build/examples/aidstat" totals "$data" --by unit_kind --unit wan
