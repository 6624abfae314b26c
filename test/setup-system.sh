#!/usr/bin/env bash
# Debian tools the tests use to read PDFs back (pdftotext, pdffonts, mutool). Installed only when missing.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || need+=(mupdf-tools)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "请先安装 / please install: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi
