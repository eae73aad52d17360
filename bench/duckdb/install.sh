#!/usr/bin/env bash
# Installs DuckDB's Node.js API (pinned in package.json) into bench/duckdb/node_modules,
# for the side-by-side bench only: nothing of it is built or tested by CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v node >/dev/null || { echo "install.sh: node is not installed" >&2; exit 1; }
npm install --no-audit --no-fund --omit=dev
