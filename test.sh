#!/usr/bin/env bash
# Runs every test of every module, including the ones against a real Keycloak and the
# browser test in Debian's Chromium. Installs Chromium first when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Chromium ontbreekt: installeren met apt-get..."
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "Chromium is needed for the browser tests: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

mvn -B verify "$@"
