#!/usr/bin/env bash
# Runs the same actorrpc trials with two builds of benchmarks.jar, alternating A B A B, and prints each
# trial's median per build and the ratio B/A. Used to measure what a core change costs (for example flow
# control): build A from the commit before the change, B from the change itself.
#
#   rpc-benchmarks/compare-builds.sh /path/to/before/benchmarks.jar rpc-benchmarks/target/benchmarks.jar [rounds]
#   TRIAL_FILTER='inFlight=16|size=65536' rpc-benchmarks/compare-builds.sh A.jar B.jar 3   # only some trials
#
# Every trial is one JMH fork (-f 1 -wi 3 -w 1s -i 3 -r 1s); remote trials start their own server JVM.
set -euo pipefail
A="$1"; B="$2"; ROUNDS="${3:-2}"
OUT="$(mktemp -d)"
JMH_OPTS=(-f 1 -wi 3 -w 1s -i 3 -r 1s -jvmArgsAppend "-Dactorrpc.bench.peer-unreachable-after=PT10S")
TRIALS=(
  "InFlightThroughputBenchmark -p peer=actorrpc -p placement=remote -p inFlight=16 -p driver=callbacks"
  "InFlightThroughputBenchmark -p peer=actorrpc -p placement=remote -p inFlight=256 -p driver=callbacks"
  "InFlightThroughputBenchmark -p peer=actorrpc -p placement=local -p inFlight=16 -p driver=callbacks"
  "PayloadBenchmark -p peer=actorrpc -p placement=remote -p size=65536 -p driver=callbacks"
  "RoundTripLatencyBenchmark -p peer=actorrpc -p placement=remote"
)
if [ -n "${TRIAL_FILTER:-}" ]; then
  selected=()
  for t in "${TRIALS[@]}"; do [[ "$t" =~ $TRIAL_FILTER ]] && selected+=("$t"); done
  TRIALS=("${selected[@]}")
fi
for round in $(seq 1 "$ROUNDS"); do
  for build in A B; do
    jar="$A"; [ "$build" = B ] && jar="$B"
    for i in "${!TRIALS[@]}"; do
      # shellcheck disable=SC2086
      java -jar "$jar" ${TRIALS[$i]} "${JMH_OPTS[@]}" -rf csv -rff "$OUT/$build-$i-$round.csv" \
        > "$OUT/$build-$i-$round.log" 2>&1 || echo "trial failed: $build ${TRIALS[$i]} (see $OUT/$build-$i-$round.log)" >&2
    done
  done
done
python3 - "$OUT" "$ROUNDS" "${TRIALS[@]}" <<'PY'
import csv, glob, statistics, sys
out, rounds, trials = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def score(path):
    rows = list(csv.reader(open(path)))
    head, data = rows[0], rows[1:]
    pick = [r for r in data if r[0].endswith(':calls')] or [r for r in data if 'p0.50' in r[0]] or data[:1]
    return float(pick[0][head.index('Score')]), pick[0][head.index('Unit')]
print('| trial | A (median) | B (median) | B/A |')
print('|---|---:|---:|---:|')
for i, t in enumerate(trials):
    vals = {}
    for b in 'AB':
        got = [score(p) for p in sorted(glob.glob(f'{out}/{b}-{i}-*.csv'))]
        vals[b] = (statistics.median(v for v, _ in got), got[0][1]) if got else (None, '')
    a, bb = vals['A'][0], vals['B'][0]
    ratio = f'{bb / a:.2f}' if a and bb else 'n/a'
    fmt = lambda v: 'failed' if v is None else f'{v:,.1f}'
    print(f'| {t} | {fmt(a)} {vals["A"][1]} | {fmt(bb)} {vals["B"][1]} | {ratio} |')
PY
echo "raw results: $OUT" >&2
