#!/usr/bin/env bash
# What `npm run bench` needs besides node_modules (not `npm test`): the Typst anchor
# (../shared/tools/anchors/typst-seed.js) finds its fonts through fontconfig's fc-match, so it needs fontconfig
# and the Noto CJK fonts (Debian: fonts-noto-cjk), and the peak-memory figure reads /usr/bin/time -v.
# Installed only when missing; safe to run again.
set -euo pipefail
need=()
command -v fc-match >/dev/null 2>&1 || need+=(fontconfig)
[ -x /usr/bin/time ] || need+=(time)
if ! command -v fc-match >/dev/null 2>&1 || ! fc-match -f '%{family}' 'Noto Serif CJK SC' 2>/dev/null | grep -q 'Noto Serif CJK'; then
  need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
  else
    echo "请先安装 / please install: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi
