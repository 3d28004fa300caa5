# shellcheck shell=bash
# What bench/run.sh and bench/growth.sh share: tools, builds, starting and stopping the packaged apps
# (timed to ready), wrk and its figures, resident memory, and the results file. Source it from the
# project's root after setting BENCH_WORK (a scratch folder), BENCH_CONNECTIONS and BENCH_DURATION.

# shellcheck source=.ci/postgres.sh
source .ci/postgres.sh

BENCH_RESULTS="$BENCH_WORK/results.tsv"
BENCH_PIDS=()
APP_PID=""
# Every app started and not yet stopped: run.sh keeps the service and the anchor running side by side.
RUNNING_APPS=()

# JVM flags, the same for the service and the anchor: on PostgreSQL the Dockerfile's JAVA_OPTS (read from it), sized
# as in the 512 MiB pod of k8s/ (BENCH_JAVA_OPTS); on H2 none, as the README's command runs it (BENCH_H2_JAVA_OPTS).
bench_dockerfile_opts() {
  sed -n 's/^ *JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile
}
BENCH_PG_OPTS=${BENCH_JAVA_OPTS:-"-XX:MaxRAM=512m $(bench_dockerfile_opts)"}
BENCH_H2_OPTS=${BENCH_H2_JAVA_OPTS:-}
bench_java_opts() { # db
  if [ "$1" = h2 ]; then echo "$BENCH_H2_OPTS"; else echo "$BENCH_PG_OPTS"; fi
}
bench_java_opts_said() { # db: the flags, in words
  if [ -n "$(bench_java_opts "$1")" ]; then echo "JVM flags: $(bench_java_opts "$1")"; else echo "no JVM flags: the README's command"; fi
}

bench_need() { # command debian-package
  if ! command -v "$1" >/dev/null; then
    echo "== Installing $2 from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

# Every process a script starts is stopped on its way out, whatever the reason.
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  pg_stop
}

# One measurement: database, who (service, anchor, pgbench, psql, json-server), scenario, key, number.
record() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$BENCH_RESULTS"
}

rss_mb() {
  local kb
  kb=$(ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || true)
  echo $(( ${kb:-0} / 1024 ))
}

# Samples a process's resident memory every 250 ms into a file until rss_sampler_stop prints the peak.
rss_sampler_start() { # pid file
  ( while kill -0 "$1" 2>/dev/null; do rss_mb "$1"; sleep 0.25; done ) >"$2" &
  RSS_SAMPLER=$!
}
rss_sampler_stop() { # file
  kill "$RSS_SAMPLER" 2>/dev/null || true
  wait "$RSS_SAMPLER" 2>/dev/null || true
  sort -n "$1" | tail -1
}

# A free port not handed out before in this run, into the named variable (not printed: a $(...) would lose the record
# of it): two apps run side by side, and one's port must not be picked for the other's management interface while the
# first is stopped.
BENCH_PORTS_TAKEN=" "
bench_port() { # variable-name
  local port
  for _ in $(seq 1 50); do
    port=$(pg_free_port)
    if [[ "$BENCH_PORTS_TAKEN" != *" $port "* ]]; then
      BENCH_PORTS_TAKEN+="$port "
      printf -v "$1" '%s' "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

# The CPU time a process has used, in milliseconds (user and system, from /proc).
cpu_ms() { # pid
  awk -v tick="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tick }' "/proc/$1/stat"
}

# CPU (ms) the whole machine has used since it started: every CPU's time not idle and not waiting for I/O.
busy_ms() {
  awk -v tick="$(getconf CLK_TCK)" '/^cpu / { printf "%d", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / tick }' /proc/stat
}

# The app a measurement is for ("service" or "anchor": SERVICE_PID or ANCHOR_PID when running), and the other one.
app_pid() { # who
  local pid=""
  case "$1" in service) pid=${SERVICE_PID:-} ;; anchor) pid=${ANCHOR_PID:-} ;; esac
  if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then echo "$pid"; fi
}

# Where the CPU of a measurement went, per request: the app's own (cpu_app_us) and the rest of the machine's
# (cpu_rest_us: the database, the load generator, the other app idle beside it, the kernel). On 2 shared cores the
# rate is about 2 s of CPU a second over their sum, which is how a figure compares with pgbench's, whose client is
# the only other thing running (docs/benchmarks.md).
record_cpu_split() { # db who scenario requests app-cpu-ms ("-": no app, all of it is the rest) machine-cpu-ms
  local app=$5
  if [ "${4:-0}" -gt 0 ]; then
    if [ "$app" = - ]; then app=0; else record "$1" "$2" "$3" cpu_app_us "$(( app * 1000 / $4 ))"; fi
    record "$1" "$2" "$3" cpu_rest_us "$(( ($6 - app) * 1000 / $4 ))"
  fi
}

elapsed_ms() { # since a $(date +%s%N)
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}

# CPU (ms) an app's JIT compilers have used so far: the JVM's threads Linux names "C1 CompilerThre" and "C2 CompilerThre".
jit_cpu_ms() { # pid
  local task ticks=0
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null || true)" in
      "C1 Compiler"* | "C2 Compiler"*) ticks=$(( ticks + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0) )) ;;
    esac
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# A warm-up that lasts until the JIT is done with the load rather than a fixed time: the command, one piece of load of
# JIT_PIECE seconds, runs again and again, for at least min seconds, until a piece in which the app's JIT compilers used
# under 2% of one CPU, or for max seconds. On 2 shared cores the compilers get a small share of the CPU under load:
# after 75 s of GET by id on a fresh start (cache off, PostgreSQL) C2 had used 13 s of CPU and the rate had climbed from
# 2,807 to 5,478 requests/s, and it reached 6,383 when C2 went quiet (docs/benchmarks.md). Prints the seconds of load and
# the compilers' CPU (ms) in the last piece.
jit_settle() { # pid min-seconds max-seconds command...
  local pid=$1 min=$2 max=$3 spent=0 before used
  shift 3
  while :; do
    before=$(jit_cpu_ms "$pid")
    "$@" >/dev/null
    used=$(( $(jit_cpu_ms "$pid") - before ))
    spent=$(( spent + JIT_PIECE ))
    if { [ "$spent" -ge "$min" ] && [ "$used" -lt $(( JIT_PIECE * 20 )) ]; } || [ "$spent" -ge "$max" ]; then
      break
    fi
  done
  echo "$spent $used"
}

# Builds a Quarkus project for one database kind into $BENCH_WORK/<name> (the fast-jar folder). On PostgreSQL, as the
# container image does, with an AppCDS archive (app-cds.jsa, written by this machine's JVM), which app_start then uses.
bench_build() { # pom name db-kind
  local appcds=false
  [ "$3" = postgresql ] && appcds=true
  ./mvnw -B -q -f "$1" package -Dmaven.test.skip=true -Dquarkus.datasource.db-kind="$3" -Dquarkus.package.jar.appcds.enabled=$appcds
  rm -rf "${BENCH_WORK:?}/$2"
  # -p: the archive serves only the jars it was written with, checked by their modification times.
  cp -rp "$(dirname "$1")/target/quarkus-app" "$BENCH_WORK/$2"
}

# Starts a packaged app and waits until /q/health/ready answers 200. Sets APP_PID and READY_MS, the time
# from the exec to the first ready answer (polled every 20 ms). Extra arguments are NAME=value settings.
# When the folder holds an AppCDS archive, the app runs from the folder with it, as the image's entry point does.
app_start() { # folder java-opts port log [NAME=value...]
  local folder=$1 opts=$2 port=$3 log=$4 started management cds=""
  shift 4
  # -Xshare:on: a JVM that cannot use the archive stops at once instead of starting without it, unseen.
  [ -f "$folder/app-cds.jsa" ] && cds="-XX:SharedArchiveFile=app-cds.jsa -Xshare:on"
  # The service's management interface (metrics) takes a free port of its own, not the shared default 9000.
  bench_port management
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # opts holds several flags, or none (the README's command)
  (cd "$folder" && exec env "$@" QUARKUS_HTTP_PORT="$port" PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" \
    QUARKUS_LOG_CONSOLE_LEVEL=WARN java $opts $cds -jar quarkus-run.jar) >>"$log" 2>&1 &
  APP_PID=$!
  BENCH_PIDS+=("$APP_PID")
  RUNNING_APPS+=("$APP_PID")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "!! $folder did not start:"
      tail -40 "$log"
      return 1
    fi
    sleep 0.02
  done
  # shellcheck disable=SC2034 # read by the caller
  READY_MS=$(elapsed_ms "$started")
}

# SIGTERM, as a container runtime sends it, and wait for the process to end.
app_stop() { # pid
  local pid running=()
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  if [ "$1" = "$APP_PID" ]; then APP_PID=""; fi
  for pid in "${RUNNING_APPS[@]}"; do
    if [ "$pid" != "$1" ]; then running+=("$pid"); fi
  done
  RUNNING_APPS=("${running[@]}")
}

# Fails when an app started and not stopped has exited (the run's figures would be a dead server's).
app_alive() {
  local pid
  for pid in "${RUNNING_APPS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "!! an app (pid $pid) exited in the middle of the run: its log is under $BENCH_WORK" >&2
      return 1
    fi
  done
}

# wrk at BENCH_CONNECTIONS for BENCH_DURATION seconds; records requests/s, p50 and p99 (ms), requests and
# errors (non-2xx answers plus socket errors). Prints one line.
run_wrk() { # db who scenario url [lua-script]
  local db=$1 who=$2 scenario=$3 url=$4 script=${5:-} out pid app_cpu="" machine_cpu
  # Let the previous scenario's last requests drain first: one request of this kind (which waits behind
  # them on a single-threaded server such as json-server), then half a second.
  app_alive
  curl -s -o /dev/null --max-time 120 "$url" || true
  sleep 0.5
  pid=$(app_pid "$who")
  [ -n "$pid" ] && app_cpu=$(cpu_ms "$pid")
  machine_cpu=$(busy_ms)
  out=$(wrk -t2 -c"$BENCH_CONNECTIONS" -d"${BENCH_DURATION}s" --timeout 10s --latency ${script:+-s "$script"} "$url" 2>&1) || true
  machine_cpu=$(( $(busy_ms) - machine_cpu ))
  if [ -n "$app_cpu" ]; then app_cpu=$(( $(cpu_ms "$pid" 2>/dev/null || echo "$app_cpu") - app_cpu )); fi
  local figures
  figures=$(awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; if (v ~ /m$/) return v * 60000
      return v + 0
    }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    /Non-2xx/ { errors += $NF }
    /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) errors += $i }
    END { printf "%s %s %s %s %s", rps + 0, p50 + 0, p99 + 0, requests + 0, errors + 0 }' <<<"$out")
  local rps p50 p99 requests errors
  read -r rps p50 p99 requests errors <<<"$figures"
  record "$db" "$who" "$scenario" rps "$rps"
  record "$db" "$who" "$scenario" p50_ms "$p50"
  record "$db" "$who" "$scenario" p99_ms "$p99"
  record "$db" "$who" "$scenario" requests "$requests"
  record "$db" "$who" "$scenario" errors "$errors"
  if [ -n "$app_cpu" ]; then record_cpu_split "$db" "$who" "$scenario" "$requests" "$app_cpu" "$machine_cpu"; fi
  echo "   $who $scenario: $rps req/s, p50 ${p50} ms, p99 ${p99} ms, $errors errors"
  if [ "$requests" = 0 ]; then
    echo "$out" | tail -5
  fi
}

# Imports CSV chunks through POST /events/import; records the time, the rate and the app's peak resident
# memory during the import under the given database label.
service_import() { # db base key rows chunk...
  local db=$1 base=$2 key=$3 rows=$4 chunk status started ms peak
  shift 4
  rss_sampler_start "$APP_PID" "$BENCH_WORK/rss-import-$db.txt"
  started=$(date +%s%N)
  for chunk in "$@"; do
    status=$(curl -s -o "$BENCH_WORK/import.json" -w '%{http_code}' -X POST "$base/api/v1/events/import" -H "X-API-Key: $key" \
      -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$chunk")
    if [ "$status" != 200 ]; then
      echo "!! import failed: $status $(head -c 500 "$BENCH_WORK/import.json")"
      return 1
    fi
  done
  ms=$(elapsed_ms "$started")
  peak=$(rss_sampler_stop "$BENCH_WORK/rss-import-$db.txt")
  record "$db" service import seconds "$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')"
  record "$db" service import rows_s $(( rows * 1000 / (ms > 0 ? ms : 1) ))
  record "$db" service import peak_rss_mb "${peak:-0}"
  echo "   imported $rows events in $ms ms ($(( rows * 1000 / (ms > 0 ? ms : 1) )) rows/s), peak RSS ${peak:-0} MB"
}

# Stats by month right after a write, so that no cached answer can serve it: a POST, then the timed GET,
# n times. Records the median and the slowest.
stats_uncached() { # db base key n
  local db=$1 base=$2 key=$3 n=$4 i times="$BENCH_WORK/stats-uncached-$1.txt"
  : >"$times"
  for i in $(seq 1 "$n"); do
    curl -sf -o /dev/null -X POST "$base/api/v1/events" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"type\": \"OTHER\", \"occurredOn\": \"2025-03-0$(( i % 9 + 1 ))\", \"title\": \"stats write $i\"}"
    curl -sf -o /dev/null -w '%{time_total}\n' "$base/api/v1/events/stats?groupBy=month" >>"$times"
  done
  local p50 max
  p50=$(sort -n "$times" | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] * 1000 }')
  max=$(sort -n "$times" | tail -1 | awk '{ printf "%.1f", $1 * 1000 }')
  record "$db" service stats-uncached p50_ms "$p50"
  record "$db" service stats-uncached max_ms "$max"
  record "$db" service stats-uncached requests "$(wc -l <"$times")"
  echo "   service stats-uncached (a write, then stats by month; $n times): p50 $p50 ms, slowest $max ms"
}

# Refuses an H2 run whose file would fill the disk, before anything is built. H2's file grows far past its data while
# an import runs (docs/benchmarks.md, "H2, 1,000,000 events"); the service's housekeeping (common/db/H2Housekeeping)
# lets later imports reuse that space, not the first. Measured 2026-12-07 (the H2 growth run): 5.5 GB after the first
# 100,000 generated events in one request (about 55 KB an event), then 1.0-2.2 GB for each further 100,000, 15.8 GB at
# 1,000,000. So 60 KB an event is asked for, free, up to 100,000 events, and 30 KB an event for a larger run. (Before
# the housekeeping, a run at 1,000,000 filled 54 GB.)
h2_disk_check() { # events [what]
  local events=$1 what=${2:-"H2 at $1 events"} need_mb free_mb
  need_mb=$(( (events < 100000 ? events : 100000) * 60 / 1024 ))
  if [ $(( events * 30 / 1024 )) -gt "$need_mb" ]; then need_mb=$(( events * 30 / 1024 )); fi
  free_mb=$(df -Pm "$BENCH_WORK" | awk 'NR == 2 { print $4 }')
  if [ "$free_mb" -lt "$need_mb" ]; then
    echo "!! $what needs about $(( need_mb / 1024 )) GB of free disk for its database file (30-60 KB an event), and" \
      "$(( free_mb / 1024 )) GB are free under $BENCH_WORK. Run fewer events (BENCH_EVENTS), PostgreSQL only" \
      "(BENCH_DBS=postgresql), or free disk first." >&2
    return 1
  fi
}

# Size of the H2 file now, and (when the app is stopped) of a compacted copy: the tables and their
# indexes with nothing dead in between, which is what "its table data" is measured as.
h2_disk() { # data-folder scenario h2-jar [compact]
  local file="$1/chip-events.mv.db" scenario=$2 h2=$3 size compacted copy="$BENCH_WORK/h2-compact"
  size=$(stat -c %s "$file")
  record h2 service "$scenario" file_mb "$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }')"
  if [ "${4:-}" = compact ]; then
    rm -rf "$copy" && mkdir -p "$copy" && cp "$file" "$copy/"
    java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$copy/chip-events" -user chip -password chip \
      -sql "SHUTDOWN COMPACT" >"$BENCH_WORK/h2-compact.log" 2>&1 || true
    compacted=$(stat -c %s "$copy/chip-events.mv.db")
    record h2 service "$scenario" data_mb "$(awk -v b="$compacted" 'BEGIN { printf "%.1f", b / 1048576 }')"
    echo "   H2 file $(( size / 1048576 )) MB, its data compacted $(( compacted / 1048576 )) MB ($scenario)"
    rm -rf "$copy"
  else
    echo "   H2 file $(( size / 1048576 )) MB ($scenario)"
  fi
}

# The running service's file when the writes were answered, then (the target's figure) after H2_SETTLE_S seconds
# (180) with nothing else running. The service's housekeeping gives the space back in that time: H2 keeps what died
# for its retention time (45 s) before anything can take it, then the job writes the live pages of sparse chunks
# again, frees them 45 s later and cuts the file (about 130 s after an import of 100,000 events, 60-100 s after
# 10,000 single writes, measured 2026-12-08).
h2_settled_disk() { # data-folder scenario-prefix h2-jar
  local size
  size=$(stat -c %s "$1/chip-events.mv.db")
  record h2 service "$2-answered" file_mb "$(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }')"
  echo "   H2 file $(( size / 1048576 )) MB when answered; waiting ${H2_SETTLE_S:-180} s"
  sleep "${H2_SETTLE_S:-180}"
  h2_disk "$1" "$2-live" "$3"
}
