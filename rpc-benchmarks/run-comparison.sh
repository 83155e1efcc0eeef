#!/usr/bin/env bash
# Runs the whole actorrpc comparison (issue 5) and prints the markdown table on stdout.
#
#   rpc-benchmarks/run-comparison.sh            # builds the benchmarks jar (-pl rpc-benchmarks -am), then runs
#   SKIP_BUILD=1 rpc-benchmarks/run-comparison.sh   # reuses rpc-benchmarks/target/benchmarks.jar
#
# 139 JMH trials (most of them start their own server JVM) plus startup and idle-heap probes: 20-25 minutes
# on a 2-core machine. Every throughput row of the main table is measured twice, with the callback driver (the
# main table) and with the semaphore/batch driver of the earlier tables (printed beside it, with the ratios). Progress goes to stderr, JMH's own output to rpc-benchmarks/target/<n>-comparison-jmh.log
# (one file per suite).
# The tables are also written to rpc-benchmarks/target/comparison-table.md.
# Extra JVM options for the benchmark JVMs (for example -Dactorrpc.bench.peer-unreachable-after=PT10S on an
# overloaded machine): COMPARISON_JVM_OPTIONS="..." rpc-benchmarks/run-comparison.sh
set -euo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root_dir="$(dirname "${module_dir}")"
jar="${module_dir}/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
	echo "Building ${jar} ..." >&2
	(cd "${root_dir}" && ./mvnw -B -q -pl rpc-benchmarks -am package -DskipTests)
fi
if [[ ! -f "${jar}" ]]; then
	echo "No ${jar}: build it with ./mvnw -pl rpc-benchmarks -am package, or run without SKIP_BUILD=1" >&2
	exit 1
fi

java="${JAVA_HOME:+${JAVA_HOME}/bin/}java"
started=$(date +%s)
"${java}" -Xms512m -Xmx2g "-Dactorrpc.bench.fork-jvm-options=${COMPARISON_JVM_OPTIONS:-}" -cp "${jar}" \
	org.actorrpc.benchmarks.Comparison full \
	"${module_dir}/target/comparison-jmh.log" | tee "${module_dir}/target/comparison-table.md"
echo "Comparison finished in $(( $(date +%s) - started )) s" >&2
