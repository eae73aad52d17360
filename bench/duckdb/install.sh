#!/usr/bin/env bash
# Installs DuckDB (pinned in package.json) into bench/duckdb/node_modules and builds
# duckdb_query, the bench's reference, against the libduckdb.so it ships: DuckDB through
# its C API, so that no Node.js start is timed. For the side-by-side bench only: nothing
# of it is built or tested by CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v node >/dev/null || { echo "install.sh: node is not installed" >&2; exit 1; }
npm install --no-audit --no-fund --omit=dev
lib="$PWD/node_modules/@duckdb/node-bindings-linux-x64"
[ -f "$lib/libduckdb.so" ] || { echo "install.sh: no libduckdb.so in $lib" >&2; exit 1; }
"${CXX:-g++}" -O2 -std=c++20 -Wall -Wextra -Werror query.cpp -L"$lib" -lduckdb \
  -Wl,-rpath,"$lib" -o duckdb_query
echo "install.sh: built bench/duckdb/duckdb_query"
