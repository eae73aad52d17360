#!/usr/bin/env bash
# Installs aidstat's build and test dependencies from Debian 12 packages.
# Idempotent: packages already present are left alone; nothing is fetched
# when everything is installed. Must run as root (or via sudo).
set -euo pipefail

packages=(
  cmake g++ make
  libboost-serialization-dev libeigen3-dev libfmt-dev
  catch2 libcli11-dev nlohmann-json3-dev libxxhash-dev
  libglpk-dev  # the disclosure audit's linear programs
  libxlsxwriter-dev libzip-dev libexpat1-dev  # workbooks: writing, and reading (zip, XML)
  python3-openpyxl  # the independent workbook writer and reader of the tests
  chromium fonts-wqy-microhei  # the report, rendered headless in the tests, with a CJK font
  python3  # the layer check and the header examples' extractor (tests/)
  python3-dev pybind11-dev  # the Python module (AIDSTAT_PYTHON)
  python3-pandas python3-distributed python3-pytest  # its frames, Dask, and its tests
  clang libclang-rt-14-dev  # libFuzzer, for the fuzz harnesses
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
