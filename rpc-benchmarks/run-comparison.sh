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

# shellcheck source=benchmarks-jar.sh
source "$(dirname "${BASH_SOURCE[0]}")/benchmarks-jar.sh"
started=$(date +%s)
"${java}" -Xms512m -Xmx2g "-Dactorrpc.bench.fork-jvm-options=${COMPARISON_JVM_OPTIONS:-}" -cp "${jar}" \
	org.actorrpc.benchmarks.Comparison full \
	"${module_dir}/target/comparison-jmh.log" | tee "${module_dir}/target/comparison-table.md"
echo "Comparison finished in $(( $(date +%s) - started )) s" >&2
