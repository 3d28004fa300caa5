#!/usr/bin/env bash
# The Chip Events benchmark: a seeded dataset loaded through the bulk import, then wrk against the
# packaged app on H2 and on PostgreSQL, pgbench on the same SQL, and json-server 0.17 on the same
# events. Prints one table and writes it to docs/benchmarks.md.
#   bash bench/run.sh            1,000,000 events, 5,000 companies, 20 s a scenario (by hand)
#   bash bench/run.sh --smoke    10,000 events, 200 companies, 2 s a scenario (run by .ci/run)
# BENCH_DBS="h2" limits the databases; BENCH_DURATION overrides the seconds per scenario; BENCH_JAVA_OPTS the
# app's JVM flags (by default the Dockerfile's, sized for the 512 MiB pod of k8s/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true
if $smoke; then events=10000; companies=200; duration=${BENCH_DURATION:-2}; else events=1000000; companies=5000; duration=${BENCH_DURATION:-20}; fi
dbs=${BENCH_DBS:-"h2 postgresql"}
connections=32
# The app runs with the Dockerfile's JVM flags, sized as in the Kubernetes pod (512 MiB limit).
java_opts=${BENCH_JAVA_OPTS:-"-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"}
work="$root/target/bench"
key="bench-admin-$RANDOM$RANDOM"
export BENCH_KEY="$key" BENCH_IDS="$work/ids.txt"
rm -rf "$work"
mkdir -p "$work"
results="$work/results.tsv"
: >"$results"
command_line="bash bench/run.sh${1:+ $1}"

need() {
  if ! command -v "$1" >/dev/null; then
    echo "== Installing $2 from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need curl curl
need jq jq

echo "== Dataset: $events events, $companies companies (seeded)"
node bench/generate.mjs "$events" "$companies" "$work/data"

echo "== Building the H2 and the PostgreSQL app"
./mvnw -B -q package -DskipTests
cp -r target/quarkus-app "$work/app-h2"
./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
cp -r target/quarkus-app "$work/app-postgresql"

free_port() { (source .ci/postgres.sh && pg_free_port); }
rss_kb() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || echo 0; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# wrk's summary: requests/s, p50, p99, errors (non-2xx plus socket errors)
run_wrk() { # name db url [script]
  local name=$1 db=$2 url=$3 script=${4:-} out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency ${script:+-s "$script"} "$url" 2>&1)
  local rps p50 p99 non2xx socket
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  socket=$(grep -o 'Socket errors:.*' <<<"$out" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}' || true)
  record "$name" "$db" "${rps:-0}" "${p50:--}" "${p99:--}" "$(( ${non2xx:-0} + ${socket:-0} ))" "" ""
  echo "   $name: ${rps:-0} req/s, p50 ${p50:--}, p99 ${p99:--}"
}

json_server_rps=()
for db in $dbs; do
  echo "== $db"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  env_db=()
  if [ "$db" = postgresql ]; then
    # shellcheck source=.ci/postgres.sh
    source .ci/postgres.sh
    pg_start
    pg_create_db chip_bench
    # reWriteBatchedInserts: the driver sends a JDBC batch as multi-row INSERTs (bulk import).
    env_db=(QUARKUS_DATASOURCE_JDBC_URL="$(pg_jdbc_url chip_bench)?reWriteBatchedInserts=true" QUARKUS_DATASOURCE_USERNAME=chip QUARKUS_DATASOURCE_PASSWORD=chip)
  fi
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # java_opts holds several flags
  env "${env_db[@]}" QUARKUS_HTTP_PORT="$port" CHIP_EVENTS_DATA_DIR="$work/h2-data" CHIP_EVENTS_STARTER_DATASET_ENABLED=false \
    CHIP_EVENTS_ADMIN_KEY="$key" CHIP_EVENTS_SECURITY_RATE_LIMIT_WRITES_PER_MINUTE=1000000000 QUARKUS_LOG_CONSOLE_LEVEL=WARN \
    java $java_opts -jar "$work/app-$db/quarkus-run.jar" >"$work/app-$db.log" 2>&1 &
  pid=$!
  until curl -sf "$base/q/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/app-$db.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  sleep 2
  idle_rss=$(( $(rss_kb "$pid") / 1024 ))
  echo "   ready after ${ready_ms} ms, idle RSS ${idle_rss} MB"
  record "start-to-ready" "$db" "" "${ready_ms}ms" "" "" "" "idle RSS ${idle_rss} MB"

  node bench/companies.mjs "$base" "$key" "$work/data/companies.json"
  peak=0
  ( while kill -0 "$pid" 2>/dev/null; do rss_kb "$pid"; sleep 0.5; done ) >"$work/rss-$db.txt" &
  sampler=$!
  import_started=$(date +%s%N)
  for chunk in "$work"/data/events-*.csv; do
    status=$(curl -s -o "$work/import.json" -w '%{http_code}' -X POST "$base/api/v1/events/import" -H "X-API-Key: $key" \
      -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$chunk")
    [ "$status" = 200 ] || { echo "import failed: $status $(head -c 500 "$work/import.json")"; exit 1; }
  done
  import_s=$(( ($(date +%s%N) - import_started) / 1000000 ))
  kill "$sampler" 2>/dev/null || true
  peak=$(( $(sort -n "$work/rss-$db.txt" | tail -1) / 1024 ))
  rate=$(( events * 1000 / (import_s > 0 ? import_s : 1) ))
  echo "   imported $events events in ${import_s} ms ($rate rows/s), peak RSS ${peak} MB"
  record "import" "$db" "$rate rows/s" "" "" "" "" "${import_s} ms, peak RSS ${peak} MB"

  curl -s "$base/api/v1/events?limit=200" | jq -r '.items[].id' >"$work/ids.txt"
  # A cursor half-way down the default order, found by walking pages of 200.
  cursor=""
  for _ in $(seq 1 $(( events / 2 / 200 ))); do
    cursor=$(curl -s "$base/api/v1/events?limit=200${cursor:+&cursor=$cursor}" | jq -r '.nextCursor')
  done

  echo "   warming up"
  wrk -t2 -c"$connections" -d"$duration"s "$base/api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31" >/dev/null
  run_wrk first-page "$db" "$base/api/v1/events"
  run_wrk type-date "$db" "$base/api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31"
  run_wrk deep-page "$db" "$base/api/v1/events?limit=50&cursor=$cursor"
  run_wrk full-text "$db" "$base/api/v1/events?q=wafer%20export"
  run_wrk company-by-amount "$db" "$base/api/v1/events?company=T1&sort=-amount"
  run_wrk stats-month "$db" "$base/api/v1/events/stats?groupBy=month"
  run_wrk stats-type-filtered "$db" "$base/api/v1/events/stats?groupBy=type&from=2010-01-01"
  run_wrk get-by-id "$db" "$base/" bench/wrk/get-by-id.lua
  run_wrk post-create "$db" "$base/api/v1/events" bench/wrk/post-create.lua
  csv=$(curl -s -o /dev/null -w '%{size_download} %{time_total}' "$base/api/v1/events?format=csv&from=2023-01-01")
  mb_s=$(awk '{printf "%.1f", $1 / 1048576 / $2}' <<<"$csv")
  rows=$(curl -s "$base/api/v1/events?from=2023-01-01&withTotal=true&limit=1" | jq -r '.total')
  after_rss=$(( $(rss_kb "$pid") / 1024 ))
  echo "   CSV export of $rows rows: $mb_s MB/s; RSS after the load ${after_rss} MB"
  record "csv-export" "$db" "$mb_s MB/s" "" "" "" "" "$rows rows; RSS after load ${after_rss} MB"

  if [ "$db" = postgresql ]; then
    echo "   pgbench on the same SQL"
    id=$(head -1 "$work/ids.txt")
    for script in first-page type-date get-by-id stats-month; do
      tps=$(pgbench -n -c "$connections" -j 2 -T "$duration" -h 127.0.0.1 -p "$PG_PORT" -U chip -D id="'$id'" \
        -f "bench/pgbench/$script.sql" chip_bench 2>/dev/null | awk '/^tps/ {print $3; exit}')
      service=$(awk -F'\t' -v n="$script" -v d="$db" '$1==n && $2==d {print $3}' "$results")
      ratio=$(awk -v s="$service" -v p="$tps" 'BEGIN { if (p > 0) printf "%.2f", s / p; else print "-" }')
      record "pgbench $script" "$db" "$tps" "" "" "" "service/pgbench $ratio" ""
      echo "   pgbench $script: $tps q/s, service/pgbench $ratio"
    done
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  if [ "$db" = postgresql ]; then pg_stop; trap - EXIT; fi
done

echo "== json-server 0.17 on 100,000 of the same events"
(cd bench && npm install --no-audit --no-fund --loglevel=error >/dev/null)
port=$(free_port)
bench/node_modules/.bin/json-server --quiet --port "$port" "$work/data/jsonserver-db.json" >"$work/json-server.log" 2>&1 &
js=$!
until curl -sf "http://127.0.0.1:$port/events?_limit=1" >/dev/null; do sleep 0.2; done
declare -A js_scenarios=(
  [first-page]="/events?_sort=occurredOn&_order=desc&_limit=50"
  [type-date]="/events?type=IPO&occurredOn_gte=2000-01-01&occurredOn_lte=2020-12-31&_sort=occurredOn&_order=desc&_limit=50"
  [full-text]="/events?q=wafer&_limit=50"
)
for name in first-page type-date full-text; do
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "http://127.0.0.1:$port${js_scenarios[$name]}" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  for db in $dbs; do
    service=$(awk -F'\t' -v n="$name" -v d="$db" '$1==n && $2==d {print $3}' "$results")
    ratio=$(awk -v s="$service" -v j="$rps" 'BEGIN { if (j > 0) printf "%.1f", s / j; else print "-" }')
    record "json-server $name" "json-server" "$rps" "$p50" "$p99" "" "$db/json-server $ratio" ""
  done
  echo "   json-server $name: $rps req/s, p50 $p50, p99 $p99"
done
kill "$js"

table=$( {
  echo "| scenario | database | requests/s | p50 | p99 | errors | ratio | notes |"
  echo "|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$results"
} )
echo "$table"
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)"
# The full run is the one documented; a smoke run (CI) keeps its table under target/.
report=docs/benchmarks.md
$smoke && report="$work/benchmarks-smoke.md"
{
  echo "# Benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on one machine ($machine), app, database and load generator together,"
  echo "$connections connections, ${duration} s a scenario, $events events and $companies companies."
  echo "Command: \`$command_line\`${BENCH_DBS:+ with BENCH_DBS=\"$BENCH_DBS\"}; the app's JVM flags: \`$java_opts\`"
  echo
  echo "$table"
} >"$report"
echo "== Written to $report"

# A scenario that answered nothing, or answered errors, fails the run (so CI notices a broken benchmark).
failed=$(awk -F'\t' '$6 != "" && $6 != "0" {print $1 " (" $2 "): " $6 " errors"} $3 == "0" || $3 == "0.00" {print $1 " (" $2 "): no answers"}' "$results")
if [ -n "$failed" ]; then
  echo "== Failed scenarios:"
  echo "$failed"
  exit 1
fi
