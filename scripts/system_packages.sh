#!/usr/bin/env bash
# The Debian packages the test suite needs beyond Python, installed only when missing:
# Chromium (the student's JupyterLab driven in a browser), the Nanum fonts (Korean in figures
# and screenshots), PostgreSQL (grading on several machines), Fashion-MNIST (lesson 08's data
# script) and configurable-http-proxy (the proxy in front of the class's JupyterHub). As root it
# installs them with apt-get; otherwise with sudo, or it says what to run.
# SYSTEM_PACKAGES_DRY_RUN=1 only prints what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -d /usr/share/datasets/fashion-mnist ] || missing+=(dataset-fashion-mnist)
command -v configurable-http-proxy >/dev/null || missing+=(node-configurable-http-proxy)

if ((${#missing[@]} == 0)); then
    echo "system packages: all present"
    exit 0
fi
echo "system packages missing: ${missing[*]}"
install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing[*]}"
if [ "${SYSTEM_PACKAGES_DRY_RUN:-}" = 1 ]; then
    echo "would run: $install"
elif [ "$(id -u)" = 0 ]; then
    bash -c "$install"
elif command -v sudo >/dev/null; then
    sudo bash -c "$install"
else
    echo "root가 아니고 sudo도 없습니다. root로 다음을 실행한 뒤 다시 시도하세요: $install" >&2
    exit 1
fi
