#!/usr/bin/env bash
# The growth table (issue 14): how the service's figures move as its data grows. One seeded dataset is
# imported step by step into one database; at each size the script measures the first page, the page
# half-way down, the type + date page, full text, stats by month uncached, GET by id, and the import rate
# of the step that reached that size. Writes the table into docs/benchmarks.md (BENCH_REPORT).
#   bash bench/run.sh --growth     (or bash bench/growth.sh) 100,000 / 1,000,000 / 10,000,000 events
# Settings: BENCH_GROWTH_SIZES ("100000 1000000 10000000"; ascending, each a multiple of the first: try
# "2000 20000" to check the script), BENCH_DBS ("postgresql h2"), BENCH_GROWTH_H2_MAX (1000000: H2 stops
# after that size, its import being too slow beyond), BENCH_DURATION (10 s a scenario), BENCH_REPORT,
# and the JVM flags as in run.sh (BENCH_JAVA_OPTS, BENCH_H2_JAVA_OPTS).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

read -r -a sizes <<<"${BENCH_GROWTH_SIZES:-100000 1000000 10000000}"
dbs=${BENCH_DBS:-"postgresql h2"}
h2_max=${BENCH_GROWTH_H2_MAX:-1000000}
report=${BENCH_REPORT:-docs/benchmarks.md}
step=${sizes[0]}
largest=${sizes[${#sizes[@]} - 1]}
previous=0
for size in "${sizes[@]}"; do
  if [ $(( size % step )) != 0 ] || [ "$size" -le "$previous" ]; then
    echo "BENCH_GROWTH_SIZES must ascend, each a multiple of the first: ${sizes[*]}" >&2
    exit 2
  fi
  previous=$size
done
companies=$(( step / 10 < 100 ? 100 : (step / 10 > 5000 ? 5000 : step / 10) ))

export BENCH_WORK="$root/target/bench-growth" BENCH_CONNECTIONS=32 BENCH_DURATION="${BENCH_DURATION:-10}"
rm -rf "$BENCH_WORK"
mkdir -p "$BENCH_WORK"
# shellcheck source=bench/lib.sh
source bench/lib.sh
: >"$BENCH_RESULTS"
trap bench_cleanup EXIT
if [[ " $dbs " == *" h2 "* ]]; then
  h2_largest=$(( largest < h2_max ? largest : h2_max ))
  h2_disk_check "$h2_largest" "The H2 growth run to $h2_largest events"
fi
key="bench-admin-$RANDOM$RANDOM"
data="$BENCH_WORK/data"
started_run=$(date +%s)

bench_need wrk wrk
bench_need curl curl
bench_need jq jq

echo "== Dataset: $largest events in chunks of $step, $companies companies (seeded)"
node bench/generate.mjs "$largest" "$companies" "$data" --chunk "$step"
echo "== Building the service for: $dbs"
for db in $dbs; do
  bench_build pom.xml "service-$db" "$db"
done

# The figures of one size, under the label db:size.
measure() { # label base events
  local label=$1 base=$2 events=$3 cursor
  curl -sf "$base/api/v1/events?limit=200" | jq -r '.items[].id' >"$BENCH_WORK/ids.txt"
  cursor=$(node bench/cursor.mjs "$base" "$events")
  local first="$base/api/v1/events" deep="$base/api/v1/events?limit=50&cursor=$cursor"
  local type_date="$base/api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31"
  for url in "$first" "$type_date" "$deep"; do
    wrk -t2 -c"$BENCH_CONNECTIONS" -d"$(( BENCH_DURATION > 2 ? BENCH_DURATION / 2 : 1 ))s" "$url" >/dev/null
  done
  run_wrk "$label" service first-page "$first"
  run_wrk "$label" service deep-page "$deep"
  run_wrk "$label" service type-date "$type_date"
  run_wrk "$label" service full-text "$base/api/v1/events?q=wafer%20export"
  BENCH_IDS="$BENCH_WORK/ids.txt" BENCH_ID_PATH=/api/v1/events/ run_wrk "$label" service get-by-id "$base/" bench/wrk/get-by-id.lua
  stats_uncached "$label" "$base" "$key" 10
}

for db in $dbs; do
  echo "== $db ($(bench_java_opts_said "$db"))"
  # The event cache off: GET by id shows what reading an event costs at each size, not a replica's cache.
  settings=(CHIP_EVENTS_DATA_DIR="$BENCH_WORK/h2-service" CHIP_EVENTS_STARTER_DATASET_ENABLED=false CHIP_EVENTS_ADMIN_KEY="$key"
    CHIP_EVENTS_SECURITY_RATE_LIMIT_WRITES_PER_MINUTE=1000000000 CHIP_EVENTS_EVENT_CACHE_SIZE=0)
  if [ "$db" = postgresql ]; then
    pg_start
    trap bench_cleanup EXIT
    pg_create_db chip_growth
    settings+=(QUARKUS_DATASOURCE_JDBC_URL="$(pg_jdbc_url chip_growth)?reWriteBatchedInserts=true"
      QUARKUS_DATASOURCE_USERNAME=chip QUARKUS_DATASOURCE_PASSWORD=chip)
  fi
  port=$(pg_free_port)
  base="http://127.0.0.1:$port"
  app_start "$BENCH_WORK/service-$db" "$(bench_java_opts "$db")" "$port" "$BENCH_WORK/service-$db.log" "${settings[@]}"
  node bench/companies.mjs "$base" "$key" "$data/companies.json"
  loaded=0
  for size in "${sizes[@]}"; do
    if [ "$db" = h2 ] && [ "$size" -gt "$h2_max" ]; then
      echo "   H2 stops at $h2_max events (BENCH_GROWTH_H2_MAX)"
      break
    fi
    echo "-- $db, $size events"
    chunks=()
    for (( i = loaded / step; i < size / step; i++ )); do
      chunks+=("$(printf '%s/events-%03d.csv' "$data" "$i")")
    done
    service_import "$db:$size" "$base" "$key" $(( size - loaded )) "${chunks[@]}"
    loaded=$size
    measure "$db:$size" "$base" "$size"
  done
  app_stop "$APP_PID"
  if [ "$db" = postgresql ]; then
    pg_stop
    PG_DATA="" # stopped: nothing left for bench_cleanup's pg_stop
  fi
done

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)"
command_line="${BENCH_GROWTH_SIZES:+BENCH_GROWTH_SIZES=\"$BENCH_GROWTH_SIZES\" }"
command_line+="${BENCH_DBS:+BENCH_DBS=\"$BENCH_DBS\" }bash bench/run.sh --growth"
node bench/growth-table.mjs "$BENCH_RESULTS" --sections "$BENCH_WORK" --machine "$machine" --duration "$BENCH_DURATION" \
  --connections "$BENCH_CONNECTIONS" --command "$command_line" \
  --pg-opts "$BENCH_PG_OPTS" --h2-opts "$BENCH_H2_OPTS" >"$BENCH_WORK/growth.md" || status=$?
cat "$BENCH_WORK/growth.md"
for db in $dbs; do
  node bench/docs.mjs "$report" "growth-$db" "$BENCH_WORK/growth-$db.md"
done
echo "== Written to $report ($dbs); the growth run took $(( $(date +%s) - started_run )) s"
exit "${status:-0}"
