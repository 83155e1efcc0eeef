#!/usr/bin/env bash
# Runs the cluster-scale benchmark (issue 15.1): the same simulated cluster (one JobMaster-side service with a
# JobMaster and a ResourceManager endpoint; N TaskManagers, each its own service, 100 per JVM, 32 tasks each) on
# actorrpc and on Flink 2.3's RPC, one after the other for each N, and prints the markdown table with the ratios.
#
#   rpc-benchmarks/run-scale.sh                  # builds the benchmarks jar (-pl rpc-benchmarks -am), then runs
#   SKIP_BUILD=1 rpc-benchmarks/run-scale.sh     # reuses rpc-benchmarks/target/benchmarks.jar
#   SCALE_COUNTS=50,200 SCALE_SECONDS=30 SCALE_WARMUP_SECONDS=5 rpc-benchmarks/run-scale.sh
#
# Defaults: N = 50,200,500, 10 s warm-up and 60 s recorded per N and peer. Every row starts fresh JVMs (one
# JobMaster JVM, ceil(N/100) TaskManager JVMs). Progress goes to stderr; the table is also written to
# rpc-benchmarks/target/scale-table.md.
# Extra JVM options for the benchmark's own JVM (for example -Dactorrpc.bench.peer-unreachable-after=PT10S on an
# overloaded machine, handed on to every JVM of a row): SCALE_JVM_OPTIONS="..." rpc-benchmarks/run-scale.sh
# The TaskManager JVMs run at niceness 10 (in a cluster each has its own host; here their hundreds of threads would
# take the CPU from the JobMaster JVM): SCALE_JVM_OPTIONS="-Dactorrpc.bench.taskmanager-nice=0" runs them at the
# JobMaster's priority. Both peers of a row run with the same niceness.
set -euo pipefail

# shellcheck source=benchmarks-jar.sh
source "$(dirname "${BASH_SOURCE[0]}")/benchmarks-jar.sh"
started=$(date +%s)
# shellcheck disable=SC2086 # SCALE_JVM_OPTIONS is a list of options
"${java}" -Xmx512m ${SCALE_JVM_OPTIONS:-} -cp "${jar}" org.actorrpc.benchmarks.scale.ScaleBenchmark \
	"${SCALE_COUNTS:-50,200,500}" "${SCALE_SECONDS:-60}" "${SCALE_WARMUP_SECONDS:-10}" \
	"${module_dir}/target/scale-table.md"
echo "Scale benchmark finished in $(( $(date +%s) - started )) s" >&2
