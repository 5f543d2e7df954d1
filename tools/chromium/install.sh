#!/usr/bin/env bash
# Installs Debian's Chromium and its driver, which the access report's browser test (dist ReportBrowserIT) opens
# the generated page in. Idempotent: does nothing when both are present. Called by .ci/run and by the Maven build
# (dist, before the tests), so the README's test command works on a fresh Debian machine. Without root or apt-get
# it only says what is missing; the browser test then fails and names the packages.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver (Debian packages) for the browser test ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
else
  echo "chromium/chromedriver missing and cannot install them here: install Debian's chromium and chromium-driver" >&2
fi
