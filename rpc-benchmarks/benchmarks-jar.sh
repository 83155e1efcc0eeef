# Sourced by run-comparison.sh and run-scale.sh: builds rpc-benchmarks/target/benchmarks.jar (-pl rpc-benchmarks
# -am) unless SKIP_BUILD=1, fails if it is missing, and sets module_dir, jar and java for the caller.
# shellcheck shell=bash

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${module_dir}/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
	echo "Building ${jar} ..." >&2
	(cd "$(dirname "${module_dir}")" && ./mvnw -B -q -pl rpc-benchmarks -am package -DskipTests)
fi
if [[ ! -f "${jar}" ]]; then
	echo "No ${jar}: build it with ./mvnw -pl rpc-benchmarks -am package, or run without SKIP_BUILD=1" >&2
	exit 1
fi

java="${JAVA_HOME:+${JAVA_HOME}/bin/}java"
