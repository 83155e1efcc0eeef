#!/usr/bin/env bash
# Makes sure the network-namespace tests have the `ip` command (Debian's package iproute2).
# Run by the tests' namespace fixture when `ip` is not on the PATH, as the demo's ensure-chromium.sh
# provides the browser test's Chromium:
# - running as root with apt-get: installs iproute2 (apt-get update && apt-get install -y iproute2),
#   saying so in one line; apt-get's output goes to the log file given as $1, shown only if it fails.
# - otherwise: says what to install and exits 3; the fixture then fails the tests with that line.
set -uo pipefail

LOG="${1:-$(mktemp -t ensure-iproute2.XXXXXX.log)}"
INSTRUCTION="install Debian's package iproute2 as root: apt-get update && apt-get install -y iproute2"

if command -v ip >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
	why="$([ "$(id -u)" != "0" ] && echo "not running as root" || echo "apt-get is not available")"
	echo "[netns tests] the ip command is not found and cannot be installed here ($why): $INSTRUCTION"
	exit 3
fi
echo "[netns tests] the ip command is not found: installing Debian's package iproute2 with apt-get, output in $LOG"
mkdir -p "$(dirname "$LOG")"
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2; } >"$LOG" 2>&1; then
	echo "[netns tests] apt-get failed; last lines of $LOG:"
	tail -n 20 "$LOG"
	exit 1
fi
if ! command -v ip >/dev/null 2>&1; then
	echo "[netns tests] iproute2 installed, but ip is still not on the PATH ($PATH)"
	exit 1
fi
echo "[netns tests] iproute2 installed in ${SECONDS} s: $(ip -V 2>/dev/null)"
