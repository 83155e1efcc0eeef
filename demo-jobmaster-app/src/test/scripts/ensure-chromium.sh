#!/usr/bin/env bash
# Makes sure the dashboard's browser test has Debian's headless Chromium and its driver.
# Run by the demo-jobmaster-app build before the end-to-end tests (pre-integration-test).
#
# - chromium and chromedriver on the PATH: nothing to do.
# - missing, running as root with apt-get: installs Debian's packages chromium and chromium-driver
#   (apt-get update && apt-get install -y chromium chromium-driver), saying so in one line; apt-get's
#   output goes to the log file given as $1 (default: a temporary file), shown only if it fails.
# - missing otherwise: says what to install and exits 0, so the other end-to-end tests still run; the
#   browser test then fails with the same instruction (never a silent skip).
# Exits non-zero only when an installation was attempted and failed.
set -uo pipefail

LOG="${1:-$(mktemp -t ensure-chromium.XXXXXX.log)}"
PACKAGES="chromium chromium-driver"
INSTRUCTION="install Debian's packages as root: apt-get update && apt-get install -y $PACKAGES"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromedriver)
if [ "${#missing[@]}" -eq 0 ]; then
	exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
	why="$([ "$(id -u)" != "0" ] && echo "not running as root" || echo "apt-get is not available")"
	echo "[browser test] ${missing[*]} not found and cannot be installed here ($why): $INSTRUCTION." \
		"The dashboard browser test will fail until then."
	exit 0
fi

echo "[browser test] ${missing[*]} not found: installing Debian's packages ($PACKAGES) with apt-get," \
	"once, output in $LOG"
mkdir -p "$(dirname "$LOG")"
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $PACKAGES; } >"$LOG" 2>&1; then
	echo "[browser test] apt-get failed; last lines of $LOG:" >&2
	tail -n 20 "$LOG" >&2
	exit 1
fi
for tool in chromium chromedriver; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "[browser test] $PACKAGES installed, but $tool is still not on the PATH ($PATH)" >&2
		exit 1
	fi
done
echo "[browser test] installed in ${SECONDS} s: $(chromium --version 2>/dev/null | head -n 1)"
