#!/usr/bin/env bash
# The README's demo: installs what is missing, builds the `aidstat` command, and
# prints the per-category totals of the sample report's data, then by provider kind,
# the comparison with 2022 and the commitments, and writes the HTML report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
build="$root/build/demo"
log="$build.log"
mkdir -p "$root/build"
# The build's own output goes to a log, shown only if the build fails.
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDSTAT_BUILD_TESTS=OFF \
         -DAIDSTAT_BUILD_BENCH=OFF &&
       cmake --build "$build" --target aidstat_cli -j"$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "demo: the build failed (log above)" >&2
  exit 1
fi
data="$root/examples/data/city-2023"
echo "== xx市 2023: totals by category (amounts in 万元, written as the report writes them) =="
"$build/bin/aidstat" totals "$data" --year 2023 --by category --unit wan
echo
echo "== the same, by the kind of the providing unit =="
"$build/bin/aidstat" totals "$data" --year 2023 --by unit_kind --unit wan
echo
echo "== 2023 against 2022 (the 2022 records are illustrative, not from the report) =="
"$build/bin/aidstat" yoy "$data" --base 2022 --year 2023 --by category --unit wan
echo
echo "== the ten practical things (十项实事) =="
"$build/bin/aidstat" progress "$data" --year 2023
echo
report="$build/report.html"
"$build/bin/aidstat" report "$data" --base 2022 --year 2023 -o "$report" 2>/dev/null
echo "== the report an office hands out: one HTML file, open it in any browser =="
echo "$report"
