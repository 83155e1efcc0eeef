#!/usr/bin/env bash
# Runs the actorrpc demo cluster on 127.0.0.1: 1 JobMaster JVM and 2 TaskManager JVMs, submits a
# job, prints the task and checkpoint progress of every job (also those submitted later from the
# dashboard or with curl), the dashboard URL and the command to restart a TaskManager by hand.
# Ctrl-C stops every process it started.
#
# Settings (environment variables):
#   DEMO_DURATION=60          stop by itself after 60 s; exit 0 if the job finished, 1 otherwise
#                             (default 0: run until Ctrl-C)
#   DEMO_HTTP_PORT=8081       JobMaster HTTP port (REST API, dashboard, actuator)
#   DEMO_TM_HTTP_PORTS="8082 8083"  TaskManager HTTP ports (actuator); their count is the number of TaskManagers
#   DEMO_PARALLELISM=4        subtasks of the submitted job
#   DEMO_TASK_DURATION_MS=20000  simulated work per subtask
#   DEMO_SKIP_BUILD=1         use the jars already built
#   DEMO_HA=1                 high availability: a ZooKeeper server JVM and a second (standby) JobMaster on
#                             HTTP port DEMO_HTTP_PORT+10 (default 8091); kill -9 the leader and the standby takes over
#   DEMO_HA_SESSION_TIMEOUT=5s  ZooKeeper session timeout with DEMO_HA=1 (bounds the failover time)
set -euo pipefail
cd "$(dirname "$0")"

DURATION="${DEMO_DURATION:-0}"
HTTP_PORT="${DEMO_HTTP_PORT:-8081}"
TM_HTTP_PORTS="${DEMO_TM_HTTP_PORTS:-8082 8083}"
PARALLELISM="${DEMO_PARALLELISM:-4}"
TASK_DURATION_MS="${DEMO_TASK_DURATION_MS:-20000}"
RUN_DIR="demo-run"
JM_JAR="demo-jobmaster-app/target/demo-jobmaster-app-0.1.0-SNAPSHOT-exec.jar"
TM_JAR="demo-taskmanager-app/target/demo-taskmanager-app-0.1.0-SNAPSHOT-exec.jar"
STARTUP_TIMEOUT=180
HA="${DEMO_HA:-0}"
HA_SESSION_TIMEOUT="${DEMO_HA_SESSION_TIMEOUT:-5s}"
STANDBY_HTTP_PORT=$((HTTP_PORT + 10))
if [ "$HA" != "0" ] && [ "$HA" != "1" ]; then
	echo "demo.sh: DEMO_HA must be 0 or 1, got '$HA'" >&2
	exit 2
fi
if ! [[ "$HA_SESSION_TIMEOUT" =~ ^[0-9]+(ms|s)$ ]]; then
	echo "demo.sh: DEMO_HA_SESSION_TIMEOUT must be like 5s or 2500ms, got '$HA_SESSION_TIMEOUT'" >&2
	exit 2
fi

for number in "$DURATION" "$HTTP_PORT" "$PARALLELISM" "$TASK_DURATION_MS" $TM_HTTP_PORTS; do
	if ! [[ "$number" =~ ^[0-9]+$ ]]; then
		echo "demo.sh: '$number' is not a number; check the DEMO_* variables (see the top of demo.sh)" >&2
		exit 2
	fi
done
for tool in java curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "demo.sh: '$tool' is required but not on the PATH" >&2
		exit 2
	fi
done

PIDS=()
# Sends SIGTERM to the given processes and waits up to 15 s for them to exit.
stop_gracefully() {
	kill "$@" 2>/dev/null || true
	for _ in $(seq 1 30); do
		alive=0
		for pid in "$@"; do
			if kill -0 "$pid" 2>/dev/null; then alive=1; fi
		done
		[ "$alive" -eq 0 ] && return 0
		sleep 0.5
	done
}
cleanup() {
	trap - EXIT INT TERM
	if [ "${#PIDS[@]}" -gt 0 ]; then
		echo
		echo "Stopping ${#PIDS[@]} processes: ${PIDS[*]}"
		# TaskManagers first, so that each can still tell the JobMaster's ResourceManager it leaves;
		# ZooKeeper (with DEMO_HA=1, started first) last.
		local first=0
		[ -n "${ZK_PID:-}" ] && first=1
		if [ "${#PIDS[@]}" -gt $((first + 1)) ]; then
			stop_gracefully "${PIDS[@]:$((first + 1))}"
		fi
		stop_gracefully "${PIDS[$first]}"
		[ -n "${ZK_PID:-}" ] && stop_gracefully "$ZK_PID"
		for pid in "${PIDS[@]}"; do
			kill -9 "$pid" 2>/dev/null || true
		done
	fi
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

if [ "${DEMO_SKIP_BUILD:-0}" != "1" ]; then
	echo "Building the demo apps (./mvnw -q -B -DskipTests -pl demo-jobmaster-app,demo-taskmanager-app -am package)..."
	./mvnw -q -B -DskipTests -pl demo-jobmaster-app,demo-taskmanager-app -am package
fi
for jar in "$JM_JAR" "$TM_JAR"; do
	if [ ! -f "$jar" ]; then
		echo "demo.sh: $jar is missing; run without DEMO_SKIP_BUILD to build it" >&2
		exit 2
	fi
done

mkdir -p "$RUN_DIR"
rm -f "$RUN_DIR"/*.log "$RUN_DIR"/*.ports
JAVA_OPTS=(-Xmx384m -XX:TieredStopAtLevel=1)
BASE="http://127.0.0.1:$HTTP_PORT"
HA_ARGS=()

LOGS=()
# Waits until "$2" (a command) succeeds, at most STARTUP_TIMEOUT seconds; fails as soon as one of
# the started processes exits, showing the end of its log (a busy port, for example).
wait_for() {
	local what="$1" check="$2"
	for _ in $(seq 1 $((STARTUP_TIMEOUT * 2))); do
		if eval "$check"; then return 0; fi
		for i in "${!PIDS[@]}"; do
			if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
				echo "demo.sh: waiting for $what, but process ${PIDS[$i]} exited; last lines of ${LOGS[$i]}:" >&2
				tail -n 20 "${LOGS[$i]}" >&2
				exit 1
			fi
		done
		sleep 0.5
	done
	echo "demo.sh: $what did not happen within ${STARTUP_TIMEOUT}s; see $RUN_DIR/*.log" >&2
	exit 1
}

if [ "$HA" = "1" ]; then
	# A fresh ZooKeeper (port 0, the server writes the port it bound) and job store per run.
	rm -rf "$RUN_DIR/zookeeper" "$RUN_DIR/ha-store"
	mkdir -p "$RUN_DIR/zookeeper"
	cat >"$RUN_DIR/zoo.cfg" <<ZOOCFG
# The demo's single ZooKeeper server; see the README for a 3-server ensemble.
tickTime=200
dataDir=$PWD/$RUN_DIR/zookeeper
clientPortAddress=127.0.0.1
clientPort=0
minSessionTimeout=400
maxSessionTimeout=20000
admin.enableServer=false
ZOOCFG
	echo "Starting ZooKeeper (data in $RUN_DIR/zookeeper)..."
	java -Xmx128m -XX:TieredStopAtLevel=1 -Dloader.main=org.actorrpc.demo.jobmaster.zookeeper.DemoZooKeeperServer \
		-cp "$JM_JAR" org.springframework.boot.loader.launch.PropertiesLauncher "$RUN_DIR/zoo.cfg" \
		"$RUN_DIR/zookeeper.ports" >"$RUN_DIR/zookeeper.log" 2>&1 &
	ZK_PID=$!
	PIDS+=("$ZK_PID")
	LOGS+=("$RUN_DIR/zookeeper.log")
	wait_for "ZooKeeper startup" "[ -f '$RUN_DIR/zookeeper.ports' ]"
	ZK_CONNECT="127.0.0.1:$(grep '^zookeeper.port=' "$RUN_DIR/zookeeper.ports" | cut -d= -f2-)"
	echo "ZooKeeper up: $ZK_CONNECT (pid $ZK_PID)"
	HA_ARGS=(--actorrpc.ha.mode=zookeeper --actorrpc.ha.zookeeper.connect-string="$ZK_CONNECT"
		--actorrpc.ha.zookeeper.session-timeout="$HA_SESSION_TIMEOUT"
		--actorrpc.ha.zookeeper.connection-timeout="$HA_SESSION_TIMEOUT")
fi

# Starts JobMaster <name> on HTTP port <port>.
start_jobmaster() {
	java "${JAVA_OPTS[@]}" -jar "$JM_JAR" --server.port="$2" --actorrpc.port=0 \
		--demo.cluster.ports-file="$RUN_DIR/$1.ports" --demo.ha.storage-dir="$RUN_DIR/ha-store" "${HA_ARGS[@]}" \
		>"$RUN_DIR/$1.log" 2>&1 &
	PIDS+=("$!")
	LOGS+=("$RUN_DIR/$1.log")
}

echo "Starting the JobMaster (HTTP $HTTP_PORT)..."
start_jobmaster jobmaster "$HTTP_PORT"
JM_PID=$!
wait_for "JobMaster startup" "[ -f '$RUN_DIR/jobmaster.ports' ]"
RPC_ADDRESS="$(grep '^rpc.address=' "$RUN_DIR/jobmaster.ports" | cut -d= -f2-)"
echo "JobMaster up: RPC $RPC_ADDRESS (pid $JM_PID)"
if [ "$HA" = "1" ]; then
	echo "Starting the standby JobMaster (HTTP $STANDBY_HTTP_PORT)..."
	start_jobmaster jobmaster-standby "$STANDBY_HTTP_PORT"
	STANDBY_PID=$!
	wait_for "standby JobMaster startup" "[ -f '$RUN_DIR/jobmaster-standby.ports' ]"
	echo "Standby JobMaster up (pid $STANDBY_PID)"
fi

# The command line of TaskManager tm-<number> (into TM_COMMAND); printed below too, so that one can
# be restarted by hand.
tm_command() {
	TM_COMMAND=(java "${JAVA_OPTS[@]}" -jar "$TM_JAR" --server.port="$2" --demo.taskmanager.resource-id="tm-$1"
		--demo.taskmanager.cluster-address="$RPC_ADDRESS" "${HA_ARGS[@]}")
}

TM_COUNT=0
TM_PORTS=()
for port in $TM_HTTP_PORTS; do
	TM_COUNT=$((TM_COUNT + 1))
	TM_PORTS+=("$port")
	tm_command "$TM_COUNT" "$port"
	"${TM_COMMAND[@]}" >"$RUN_DIR/tm-$TM_COUNT.log" 2>&1 &
	PIDS+=("$!")
	if [ "$TM_COUNT" = 1 ]; then TM1_PID=$!; fi
	LOGS+=("$RUN_DIR/tm-$TM_COUNT.log")
	echo "Starting TaskManager tm-$TM_COUNT (HTTP $port, pid $!)..."
done

registered() {
	[ "$(curl -fs "$BASE/taskmanagers" | grep -o '"state":"REGISTERED"' | wc -l)" -ge "$TM_COUNT" ]
}
wait_for "registration of $TM_COUNT TaskManagers" registered
echo "$TM_COUNT TaskManagers registered."

JOB_JSON="{\"name\":\"wordcount\",\"parallelism\":$PARALLELISM,\"taskDurationMs\":$TASK_DURATION_MS}"
ANSWER="$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$JOB_JSON" "$BASE/jobs")"
JOB_ID="$(printf '%s' "$ANSWER" | grep -o '"jobId":"[^"]*"' | cut -d'"' -f4)"
echo
echo "Submitted job $JOB_ID: curl -X POST $BASE/jobs -H 'Content-Type: application/json' -d '$JOB_JSON'"
echo
echo "  Dashboard:  $BASE/"
echo "  REST API:   $BASE/jobs/$JOB_ID   $BASE/jobs/$JOB_ID/checkpoints   $BASE/taskmanagers"
echo "  Metrics:    $BASE/actuator/prometheus   $BASE/actuator/actorrpc"
echo "  Logs:       $RUN_DIR/*.log"
echo "  Health:     $BASE/actuator/health   (actorrpc: RPC service and endpoints)"
echo "  Failover:   kill $TM1_PID      (tm-1 stops gracefully and disconnects: its tasks are redeployed at once)"
echo "              kill -9 $TM1_PID   (tm-1 crashes: its tasks are redeployed after ~5 s without heartbeats)"
echo "  Restart tm-1 by hand (same resource id: it registers again):"
tm_command 1 "${TM_PORTS[0]}"
echo "              $(printf '%q ' "${TM_COMMAND[@]}")>>$RUN_DIR/tm-1.log 2>&1 &"
echo "  More jobs:  the dashboard's form, or the curl command above; every job's progress is shown below."
if [ "$HA" = "1" ]; then
	echo "  HA:         ZooKeeper $ZK_CONNECT, session timeout $HA_SESSION_TIMEOUT; standby dashboard http://127.0.0.1:$STANDBY_HTTP_PORT/"
	echo "              kill -9 $JM_PID   (the leader crashes: the standby takes over, the job continues from its last checkpoint)"
	echo "              who leads: curl $BASE/cluster   curl http://127.0.0.1:$STANDBY_HTTP_PORT/cluster"
fi
echo
if [ "$DURATION" -gt 0 ]; then
	echo "Running for ${DURATION}s (DEMO_DURATION)."
else
	echo "Press Ctrl-C to stop the cluster."
fi

# Occurrences of "key":"VALUE" in a JSON text (no jq needed).
count() {
	{ printf '%s' "$1" | grep -o "\"$2\":\"$3\"" || true; } | wc -l | tr -d ' '
}

# First value of "key":... in a JSON text.
first() {
	{ printf '%s' "$1" | grep -o "\"$2\":\"\{0,1\}[A-Za-z0-9_]*" || true; } | head -n 1 | sed 's/.*://; s/"//g'
}

# One line per job, printed when it changes: the jobs demo.sh submitted and any submitted since
# (dashboard, curl).
job_line() {
	local details="$1"
	printf '%s | tasks: %s deploying, %s running, %s finished, %s waiting for a slot | redeployments: %s | checkpoints: %s completed, %s aborted' \
		"$(first "$details" status)" "$(count "$details" state DEPLOYING)" "$(count "$details" state RUNNING)" \
		"$(count "$details" state FINISHED)" \
		"$(( $(count "$details" state CREATED) + $(count "$details" state SCHEDULED) ))" \
		"$(first "$details" redeployments)" "$(count "$details" status COMPLETED)" "$(count "$details" status ABORTED)"
}

START=$SECONDS
declare -A LAST_LINES=()
UNREACHABLE=0
JOB_STATUS="UNKNOWN"
while :; do
	ELAPSED=$((SECONDS - START))
	if [ "$HA" = "1" ] && ! kill -0 "$JM_PID" 2>/dev/null; then
		BASE="http://127.0.0.1:$STANDBY_HTTP_PORT"
	fi
	if JOBS="$(curl -fs "$BASE/jobs")"; then
		UNREACHABLE=0
		for job in $({ printf '%s' "$JOBS" | grep -o '"jobId":"[^"]*"' || true; } | cut -d'"' -f4); do
			DETAILS="$(curl -fs "$BASE/jobs/$job")" || continue
			LINE="$(job_line "$DETAILS")"
			if [ "$job" = "$JOB_ID" ]; then
				JOB_STATUS="$(first "$DETAILS" status)"
			fi
			if [ "$LINE" != "${LAST_LINES[$job]:-}" ]; then
				printf '[%4ds] job %s %s\n' "$ELAPSED" "$job" "$LINE"
				LAST_LINES[$job]="$LINE"
			fi
		done
	elif [ "$UNREACHABLE" -eq 0 ]; then
		printf '[%4ds] JobMaster not answering\n' "$ELAPSED"
		UNREACHABLE=1
	fi
	if [ "$DURATION" -gt 0 ] && [ "$ELAPSED" -ge "$DURATION" ]; then
		break
	fi
	sleep 1
done

if [ "$JOB_STATUS" = "FINISHED" ]; then
	echo "Job $JOB_ID finished."
	exit 0
fi
echo "Job $JOB_ID did not finish within ${DURATION}s (status $JOB_STATUS)." >&2
exit 1
