#!/usr/bin/env bash
# What `npm run verify:docx` needs beyond the tests: LibreOffice (headless, no GUI) to convert a .docx to PDF, and the
# PDF readers audit.py and the page picture use (mutool, pdftotext, pdffonts, pdftoppm). Installed only when missing.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v mutool >/dev/null 2>&1 || need+=(mupdf-tools)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice finds the CJK faces it substitutes for 仿宋_GB2312 and the other official names through fontconfig.
fc-list :lang=zh family 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "请先安装 / please install: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi
