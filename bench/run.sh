#!/usr/bin/env bash
# The Chip Events benchmark (issue 14): a seeded dataset loaded into the packaged service through its bulk
# import and into the anchor app (bench/anchor: plain REST Data with Panache over the same event table)
# through the anchor's own POST, on PostgreSQL and on H2; wrk at 32 connections on every scenario, pgbench
# on the service's SQL, psql's copy of the rows the CSV export writes and PostgreSQL's own load (COPY) of the rows the
# import wrote, json-server 0.17 on 100,000 of the same events. The service and the anchor run side by side once
# loaded, and each scenario both serve is measured in alternating slices with pgbench's beside them, so a ratio
# compares figures seconds apart; last, one traced start of each app (Quarkus's own times of its start steps).
# Prints the targets table with a verdict per target and the raw figures.
#   bash bench/run.sh            1,000,000 events, 5,000 companies, 20 s a scenario; writes docs/benchmarks.md
#   bash bench/run.sh --smoke    10,000 events, 200 companies, 2 s a scenario (run by .ci/run); writes
#                                target/bench/benchmarks-smoke.md and fails on errors, silent scenarios and the
#                                ratios the smoke data can show (deep/first p50, and on H2 type + date vs first page)
#   bash bench/run.sh --growth   the growth table instead (bench/growth.sh)
# Settings: BENCH_DBS ("postgresql h2") limits the databases; BENCH_EVENTS and BENCH_DURATION (seconds a
# scenario) override the size; BENCH_JIT_WARM the least seconds of load on each list page, GET by id
# and POST before their first measurement (40 in a full run, for the service and the anchor alike; the warm-up goes on
# until the app's JIT compilers go quiet, at most BENCH_JIT_WARM_MAX, 240 s); BENCH_REPORT the page a full run writes into; BENCH_PREBUILT a folder with the
# service already packaged (service-h2/, service-postgresql/: copies of target/quarkus-app, as .ci/run keeps
# them from its test steps) instead of building it; BENCH_JAVA_OPTS are the JVM flags on PostgreSQL (by default the Dockerfile's,
# sized as in the 512 MiB pod); BENCH_H2_JAVA_OPTS those on H2 (by default none: the README's command).
# Service and anchor always run with the same flags.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The command as given, settings included, for the report (before this script exports its own).
command_line="${BENCH_DBS:+BENCH_DBS=\"$BENCH_DBS\" }${BENCH_EVENTS:+BENCH_EVENTS=$BENCH_EVENTS }"
command_line+="${BENCH_DURATION:+BENCH_DURATION=$BENCH_DURATION }bash bench/run.sh${1:+ $1}"
mode=full
case "${1:-}" in
  "") ;;
  --smoke) mode=smoke ;;
  --growth) shift; exec bash bench/growth.sh "$@" ;;
  *) echo "usage: bash bench/run.sh [--smoke | --growth]" >&2; exit 2 ;;
esac
if [ "$mode" = smoke ]; then
  events=${BENCH_EVENTS:-10000}; companies=200; duration=${BENCH_DURATION:-2}; stats_runs=10; idle=1; single_writes=200
else
  events=${BENCH_EVENTS:-1000000}; companies=5000; duration=${BENCH_DURATION:-20}; stats_runs=30; idle=2
  # The issue's "100,000 single writes" at 1,000,000 events; a tenth of the events below that.
  single_writes=$(( events / 10 < 100000 ? events / 10 : 100000 ))
fi
warm=$(( duration > 2 ? duration / 2 : 1 ))
# The warm-up before each list page, GET by id and POST, for the service and the anchor alike: on the 1,000,000-event
# PostgreSQL database the anchor's type + date page ran at about 2,100 requests/s 30 s after its start and 3,100 to 3,600
# after 80 to 120 s of load (the JIT still compiling on 2 shared cores), and the service's GET by id on a fresh start
# (cache off) climbed from 2,807/s in its first 25 s to 6,383/s after 100 s (docs/benchmarks.md). So each warm-up lasts
# until the app's JIT compilers go quiet (bench/lib.sh jit_settle): at least 40 s, in pieces of 10 s, at most 240 s
# (120 s for POST, whose warm-up writes events). The smoke run keeps one short piece.
if [ "$mode" = smoke ]; then
  jit_warm=$warm jit_max=$warm post_warm_max=$warm JIT_PIECE=$warm
else
  jit_warm=${BENCH_JIT_WARM:-40} jit_max=${BENCH_JIT_WARM_MAX:-240} post_warm_max=120 JIT_PIECE=10
fi
# The pause before the running H2 file is measured (bench/lib.sh h2_settled_disk): 180 s, 2 s in the smoke run.
if [ "$mode" = smoke ]; then export H2_SETTLE_S=${H2_SETTLE_S:-2}; else export H2_SETTLE_S=${H2_SETTLE_S:-180}; fi
# The first, type + date and deep pages and GET by id, whose ratios are checked, run in alternating rounds with their
# anchors' slices, so that a burst of other work on the machine weighs on each figure and its anchor alike: 3 rounds
# of 2 s in the smoke run, 2 of 10 s in a full one.
if [ "$mode" = smoke ]; then rounds=3; slice=$duration; else rounds=2; slice=$(( duration / 2 > 0 ? duration / 2 : 1 )); fi
dbs=${BENCH_DBS:-"postgresql h2"}
report=${BENCH_REPORT:-docs/benchmarks.md}

export BENCH_WORK="$root/target/bench" BENCH_CONNECTIONS=32 BENCH_DURATION="$duration"
rm -rf "$BENCH_WORK"
mkdir -p "$BENCH_WORK"
# shellcheck source=bench/lib.sh
source bench/lib.sh
: >"$BENCH_RESULTS"
trap bench_cleanup EXIT
if [[ " $dbs " == *" h2 "* ]]; then h2_disk_check "$events"; fi
key="bench-admin-$RANDOM$RANDOM"
data="$BENCH_WORK/data"
started_run=$(date +%s)

bench_need wrk wrk
bench_need curl curl
bench_need jq jq

echo "== Dataset: $events events, $companies companies (seeded)"
node bench/generate.mjs "$events" "$companies" "$data" --anchor --json-server

echo "== Building the service and the anchor app for: $dbs"
phase=$(date +%s)
for db in $dbs; do
  if [ -f "${BENCH_PREBUILT:-/nonexistent}/service-$db/quarkus-run.jar" ]; then
    echo "   the service for $db: the packaged app in $BENCH_PREBUILT/service-$db"
    cp -rp "$BENCH_PREBUILT/service-$db" "$BENCH_WORK/service-$db"
  else
    bench_build pom.xml "service-$db" "$db"
  fi
  bench_build bench/anchor/pom.xml "anchor-$db" "$db"
done
(cd bench && npm install --no-audit --no-fund --loglevel=error >/dev/null)
echo "   built in $(( $(date +%s) - phase )) s"

# Each database: the service and the anchor loaded, each on a fresh database with nothing else running (ready time,
# idle memory, the load, on H2 the file's size), then both restarted with their rows and kept running side by side, so
# that every scenario both serve is measured in alternating slices: the service's, the anchor's, pgbench's on
# PostgreSQL, and round again. Ratios of figures measured minutes apart moved with the machine's hour (GET by id against
# the anchor on H2 came out at 1.44×, 1.52× and 0.90× in three runs, docs/benchmarks.md); slices seconds apart share
# it. The app not being measured sits idle beside the other: its CPU meanwhile is recorded (idle-beside: 2 to 6 ms a
# second for either app when idle, measured by hand; more while its JIT still compiles after its own slice).

# The service on a fresh database: ready time and idle memory, the import, on H2 the file after it (running, and after
# a SIGTERM against its data compacted); then stopped.
service_load() { # db
  local db=$1
  app_start "$BENCH_WORK/service-$db" "$opts" "$service_port" "$BENCH_WORK/service-$db.log" "${service_settings[@]}"
  record "$db" service ready-fresh ms "$READY_MS"
  sleep "$idle"
  record "$db" service ready-fresh rss_mb "$(rss_mb "$APP_PID")"
  echo "   service ready after $READY_MS ms on a fresh database, idle RSS $(rss_mb "$APP_PID") MB"
  node bench/companies.mjs "$service" "$key" "$data/companies.json"
  service_import "$db" "$service" "$key" "$events" "$data"/events-*.csv
  [ "$db" = h2 ] && h2_settled_disk "$h2_dir" disk-import "$h2_jar"
  app_stop "$APP_PID"
  [ "$db" = h2 ] && h2_disk "$h2_dir" disk-import-sigterm "$h2_jar" compact
  [ "$db" = h2 ] && h2_own_load "$h2_dir" "$h2_jar"
  [ "$db" = postgresql ] && pg_own_load
  return 0
}

# The import's anchor on PostgreSQL: the database's own load of the rows the import wrote, with no JVM. Every table the
# service wrote (all but the companies, loaded before the import, and Flyway's) is dumped as COPY and restored by psql
# in one transaction into a fresh database with the same schema (every index, constraint and trigger in place, the
# companies restored first, not timed). 276-283 s for 1,000,000 events by hand (docs/benchmarks.md).
pg_own_load() {
  local conn=(-h 127.0.0.1 -p "$PG_PORT" -U postgres) dump="$BENCH_WORK/pg-load" started ms
  mkdir -p "$dump"
  pg_dump "${conn[@]}" --schema-only chip_bench >"$dump/schema.sql"
  pg_dump "${conn[@]}" --data-only -t company chip_bench >"$dump/companies.sql"
  pg_dump "${conn[@]}" --data-only -T company -T flyway_schema_history chip_bench >"$dump/rows.sql"
  pg_create_db chip_load
  psql -X -q -v ON_ERROR_STOP=1 "${conn[@]}" -d chip_load -f "$dump/schema.sql" >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 "${conn[@]}" -d chip_load -f "$dump/companies.sql" >/dev/null
  psql -X -q "${conn[@]}" -d chip_load -c checkpoint
  started=$(date +%s%N)
  psql -X -q -v ON_ERROR_STOP=1 -1 "${conn[@]}" -d chip_load -f "$dump/rows.sql" >/dev/null
  ms=$(elapsed_ms "$started")
  record postgresql psql import-copy seconds "$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')"
  record postgresql psql import-copy events "$(psql -X -At "${conn[@]}" -d chip_load -c 'select count(*) from event')"
  echo "   psql: the database's own load of the rows the import wrote (COPY, one transaction, the same schema): $ms ms"
  pg_psql "DROP DATABASE chip_load"
  rm -rf "$dump"
}

# The import's anchor on H2: the database's own load of the rows the import wrote, run by H2's own shell (no code of
# ours). The rows go out as CSV (H2's CSVWRITE); a copy of the stopped service's file with those rows deleted and
# compacted keeps the schema (every index and constraint in place) and the companies, and takes them back with
# INSERT ... SELECT FROM CSVREAD, table by table, in one transaction. The time is the shell's process, its JVM's start
# and the database's close included (H2's default 200 ms of compaction on close). At 100,000 events: 81.7 s, against
# 78-82 s for the service's import of the same rows (docs/benchmarks.md).
h2_own_load() { # data-folder h2-jar
  local h2=$2 dir="$BENCH_WORK/h2-load" opts="'charset=UTF-8 nullString=\\N'" unload="" drop="" load="" t started ms count
  # The service's WRITE_DELAY=0 (each commit saved before it returns, no background writer), as its import runs with.
  local url="jdbc:h2:file:$BENCH_WORK/h2-load/chip-events;WRITE_DELAY=0"
  rm -rf "$dir" && mkdir -p "$dir" && cp "$1/chip-events.mv.db" "$dir/"
  # Children before their events when deleting, after them when loading; the log's entries of the import, not the
  # companies' (created before it).
  for t in EVENT EVENT_PARTICIPANT EVENT_TAG EVENT_SOURCE EVENT_LINK EVENT_REVISION EVENT_MONTH_STATS CHANGE_LOG; do
    local where=""
    [ "$t" = CHANGE_LOG ] && where=" WHERE RESOURCE_ID NOT IN (SELECT ID FROM COMPANY)"
    unload="$unload CALL CSVWRITE('$dir/$t.csv', 'SELECT * FROM $t$where', $opts);"
    drop="DELETE FROM $t$where; $drop"
    load="$load INSERT INTO $t SELECT * FROM CSVREAD('$dir/$t.csv', NULL, $opts);"
  done
  java -cp "$h2" org.h2.tools.Shell -url "$url" -user chip -password chip -sql "$unload $drop SHUTDOWN COMPACT" \
    >"$BENCH_WORK/h2-load.log" 2>&1 || true
  started=$(date +%s%N)
  java -cp "$h2" org.h2.tools.Shell -url "$url" -user chip -password chip -sql "SET AUTOCOMMIT FALSE; $load COMMIT" \
    >>"$BENCH_WORK/h2-load.log" 2>&1
  ms=$(elapsed_ms "$started")
  # The shell goes on after a failed statement; any error but the one SHUTDOWN's own closing prints stops the run.
  if grep '^Error' "$BENCH_WORK/h2-load.log" | grep -vq 'Database is already closed'; then
    echo "!! H2's own load failed: $(grep '^Error' "$BENCH_WORK/h2-load.log" | head -1)" >&2
    return 1
  fi
  count=$(java -cp "$h2" org.h2.tools.Shell -url "$url" -user chip -password chip -sql "SELECT COUNT(*) FROM EVENT" | sed -n 2p)
  record h2 h2 import-load seconds "$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')"
  record h2 h2 import-load events "$count"
  echo "   H2: the database's own load of the rows the import wrote (CSV, one transaction, the same schema): $ms ms, $count events"
  rm -rf "$dir"
}

# The anchor on a fresh database: ready time and idle memory, then the same events through its own POST /events (32 at
# a time; it has no bulk endpoint) with its peak memory; then stopped.
anchor_load() { # db
  local db=$1 loaded peak
  app_start "$BENCH_WORK/anchor-$db" "$opts" "$anchor_port" "$BENCH_WORK/anchor-$db.log" "${anchor_settings[@]}"
  record "$db" anchor ready-fresh ms "$READY_MS"
  sleep "$idle"
  record "$db" anchor ready-fresh rss_mb "$(rss_mb "$APP_PID")"
  echo "   anchor ready after $READY_MS ms on a fresh database, idle RSS $(rss_mb "$APP_PID") MB"
  rss_sampler_start "$APP_PID" "$BENCH_WORK/rss-anchor-load-$db.txt"
  loaded=$(node bench/post.mjs "$anchor/events" --files "$data"/anchor-events-*.ndjson)
  peak=$(rss_sampler_stop "$BENCH_WORK/rss-anchor-load-$db.txt")
  echo "   anchor load through its POST: $loaded, peak RSS ${peak:-0} MB"
  record "$db" anchor import rows_s "$(grep -oE 'rate=[0-9]+' <<<"$loaded" | cut -d= -f2)"
  record "$db" anchor import seconds "$(grep -oE 'ms=[0-9]+' <<<"$loaded" | cut -d= -f2 | awk '{ printf "%.1f", $1 / 1000 }')"
  record "$db" anchor import errors "$(grep -oE 'errors=[0-9]+' <<<"$loaded" | cut -d= -f2)"
  record "$db" anchor import peak_rss_mb "${peak:-0}"
  app_stop "$APP_PID"
}

# Both restarted with their rows after the SIGTERM (ready time, idle memory): the anchor alone, then the service beside
# the idle anchor, so that whatever the neighbour costs falls on the service's start-up, not the anchor's. Both stay
# running: ANCHOR_PID, SERVICE_PID.
restart_both() { # db
  local db=$1
  app_start "$BENCH_WORK/anchor-$db" "$opts" "$anchor_port" "$BENCH_WORK/anchor-$db.log" "${anchor_settings[@]}"
  ANCHOR_PID=$APP_PID
  record "$db" anchor ready-restart ms "$READY_MS"
  sleep "$idle"
  record "$db" anchor ready-restart rss_mb "$(rss_mb "$ANCHOR_PID")"
  echo "   anchor ready after $READY_MS ms on a restart with $events events"
  app_start "$BENCH_WORK/service-$db" "$opts" "$service_port" "$BENCH_WORK/service-$db.log" "${service_settings[@]}"
  SERVICE_PID=$APP_PID
  record "$db" service ready-restart ms "$READY_MS"
  sleep "$idle"
  record "$db" service ready-restart rss_mb "$(rss_mb "$SERVICE_PID")"
  echo "   service ready after $READY_MS ms on a restart with $events events (the anchor idle beside it)," \
    "idle RSS $(rss_mb "$SERVICE_PID") MB"
}

# Where a start's time goes, once more for each app after the measured starts: Quarkus's own trace of the steps it runs at
# start (quarkus.debug.print-startup-times), summed into the three steps both apps run (ArC's bean-container listeners,
# where Hibernate ORM builds its metadata; Flyway; Hibernate ORM's start) and every step. A start apart from the
# measured ones, which stay untraced as in earlier runs: it says how much of a start is the framework both apps share.
startup_steps() { # db
  local db=$1 who folder port log settings steps total
  local shared='^(ArcProcessor[.]notifyBeanContainerListeners|FlywayProcessor[.]startActions'
  shared+='|HibernateOrmProcessor[.]startPersistenceUnits)$'
  for who in anchor service; do
    folder="$BENCH_WORK/$who-$db"
    log="$BENCH_WORK/$who-$db-steps.log"
    port=$service_port
    settings=("${service_settings[@]}")
    [ "$who" = anchor ] && port=$anchor_port && settings=("${anchor_settings[@]}")
    app_start "$folder" "$opts -Dquarkus.debug.print-startup-times=true" "$port" "$log" "${settings[@]}"
    app_stop "$APP_PID"
    steps=$(sed -n 's/.*Build step \([^ ]*\) completed in: \([0-9]*\)ms.*/\1 \2/p' "$log")
    total=$(awk '{ t += $2 } END { print t + 0 }' <<<"$steps")
    record "$db" "$who" startup-steps shared_ms "$(awk -v shared="$shared" '$1 ~ shared { t += $2 } END { print t + 0 }' <<<"$steps")"
    record "$db" "$who" startup-steps steps_ms "$total"
    record "$db" "$who" startup-steps ready_ms "$READY_MS"
    echo "   $who's traced start: $total ms in Quarkus's steps, ready after $READY_MS ms"
  done
}

# pgbench on the service's own statements (bench/pgbench), 32 clients, for the given seconds.
run_pgbench() { # script seconds
  local id out machine_cpu
  id=$(head -1 "$BENCH_WORK/ids-service-postgresql.txt")
  machine_cpu=$(busy_ms)
  out=$(pgbench -n -c "$BENCH_CONNECTIONS" -j 2 -T "$2" -h 127.0.0.1 -p "$PG_PORT" -U chip -D id="'$id'" \
    -f "bench/pgbench/$1.sql" chip_bench 2>&1)
  machine_cpu=$(( $(busy_ms) - machine_cpu ))
  record postgresql pgbench "$1" rps "$(awk '/^tps/ { print $3; exit }' <<<"$out")"
  # pgbench's client is its own "app": all the machine's CPU is the rest (the database, pgbench, the idle apps).
  record_cpu_split postgresql pgbench "$1" "$(awk '/^number of transactions actually processed/ { print $NF; exit }' <<<"$out")" \
    - "$machine_cpu"
  echo "   pgbench $1: $(awk '/^tps/ { print $3; exit }' <<<"$out") transactions/s"
}

# The database's own copy of the events the CSV export writes (those from a date on, in the export's order, every
# column the export reads from the row) as CSV to a client (psql, output thrown away), with the plan PostgreSQL
# chooses: the CSV export's anchor, how long the database alone takes to hand those rows to a client. Prints the rows
# and the seconds (from psql's own timing). The export reads the same rows in batches of 500 through the
# (occurred_on, id) index; for these rows PostgreSQL chooses a parallel scan of the table and a sort.
psql_copy() { # from-date
  local out columns="id, type, occurred_on, date_precision, title, summary, amount, currency, percent_change, country,"
  columns+=" external_id, created_at, updated_at, version, created_by, updated_by, amount_kind, children_json"
  # One line: psql reads a \copy to the end of its line. Its \timing leaves out psql's start and connection.
  out=$(psql -X -h 127.0.0.1 -p "$PG_PORT" -U chip -d chip_bench -c '\timing on' -c "\\copy (select $columns from event\
 where occurred_on >= '$1' order by occurred_on desc, id desc) to '/dev/null' with (format csv)" 2>&1)
  echo "$(grep -oE '^COPY [0-9]+' <<<"$out" | cut -d' ' -f2) $(grep -oE '^Time: [0-9.]+ ms' <<<"$out" | awk '{ printf "%.3f", $2 / 1000 }')"
}

# Runs a command (one slice of one app, or pgbench) and adds what the other app, idle meanwhile, used of the CPU to
# that app's idle-beside figure, recorded by record_idle_beside.
declare -A idle_cpu_ms idle_ms
beside() { # idle-who idle-pid command...
  local who=$1 pid=$2 cpu started
  shift 2
  cpu=$(cpu_ms "$pid")
  started=$(date +%s%N)
  "$@"
  idle_cpu_ms[$who]=$(( ${idle_cpu_ms[$who]:-0} + $(cpu_ms "$pid") - cpu ))
  idle_ms[$who]=$(( ${idle_ms[$who]:-0} + $(elapsed_ms "$started") ))
}
record_idle_beside() { # db who
  record "$1" "$2" idle-beside cpu_ms "${idle_cpu_ms[$2]:-0}"
  record "$1" "$2" idle-beside seconds "$(( ${idle_ms[$2]:-0} / 1000 ))"
  echo "   the $2, idle beside the other's slices, used ${idle_cpu_ms[$2]:-0} ms of CPU in $(( ${idle_ms[$2]:-0} / 1000 )) s"
  idle_cpu_ms[$2]=0
  idle_ms[$2]=0
}

# One piece of warm-up load (JIT_PIECE seconds of wrk), run through warm_up.
# shellcheck disable=SC2317
wrk_piece() { # wrk-arguments...
  wrk -t2 -c"$BENCH_CONNECTIONS" -d"${JIT_PIECE}s" "$@"
}

# One scenario's warm-up on one app until its JIT is done (jit_settle), said and recorded (warm_s).
warm_up() { # db who scenario pid max-seconds command...
  local db=$1 who=$2 scenario=$3 pid=$4 max=$5 took
  shift 5
  took=$(jit_settle "$pid" "$jit_warm" "$max" "$@")
  record "$db" "$who" "$scenario" warm_s "${took% *}"
  echo "   $who $scenario warmed up for ${took% *} s (its JIT compilers' CPU in the last piece: ${took#* } ms)"
}

# GET by id through wrk's script (bench/wrk/get-by-id.lua): 200 ids of the app at random.
wrk_by_id() { # db who scenario base ids-file id-path [warm: a warm-up (warm_up), nothing measured]
  if [ -n "${7:-}" ]; then
    local pid=$SERVICE_PID
    [ "$2" = anchor ] && pid=$ANCHOR_PID
    BENCH_IDS="$5" BENCH_ID_PATH="$6" warm_up "$1" "$2" "$3" "$pid" "$jit_max" wrk_piece -s bench/wrk/get-by-id.lua "$4/"
  else
    BENCH_IDS="$5" BENCH_ID_PATH="$6" BENCH_DURATION=$slice run_wrk "$1" "$2" "$3" "$4/" bench/wrk/get-by-id.lua
  fi
}

# What both apps serve, in alternating slices (the service's, the anchor's, pgbench's), after a warm-up of each: the
# first, type + date and deep pages, then GET by id (answered from the service's cache).
paired_reads() { # db
  local db=$1 cursor round service_ids="$BENCH_WORK/ids-service-$1.txt" anchor_ids="$BENCH_WORK/ids-anchor-$1.txt"
  curl -sf "$service/api/v1/events?limit=200" | jq -r '.items[].id' >"$service_ids"
  curl -sf "$anchor/events?size=200&sort=-occurredOn,-id" | jq -r '.[].id' >"$anchor_ids"
  cursor=$(node bench/cursor.mjs "$service" "$events")
  local first="$service/api/v1/events" type_date="$service/api/v1/events?type=IPO&from=2000-01-01&to=2020-12-31"
  local deep="$service/api/v1/events?limit=50&cursor=$cursor" anchor_first="$anchor/events?size=50&sort=-occurredOn,-id"
  local anchor_type_date="$anchor/events/by-type?type=IPO&from=2000-01-01&to=2020-12-31&size=50"
  warm_up "$db" service first-page "$SERVICE_PID" "$jit_max" wrk_piece "$first"
  warm_up "$db" service type-date "$SERVICE_PID" "$jit_max" wrk_piece "$type_date"
  warm_up "$db" service deep-page "$SERVICE_PID" "$jit_max" wrk_piece "$deep"
  warm_up "$db" anchor first-page "$ANCHOR_PID" "$jit_max" wrk_piece "$anchor_first"
  warm_up "$db" anchor type-date "$ANCHOR_PID" "$jit_max" wrk_piece "$anchor_type_date"
  for round in $(seq 1 "$rounds"); do
    echo "   pages, round $round of $rounds"
    BENCH_DURATION=$slice beside anchor "$ANCHOR_PID" run_wrk "$db" service first-page "$first"
    BENCH_DURATION=$slice beside anchor "$ANCHOR_PID" run_wrk "$db" service type-date "$type_date"
    BENCH_DURATION=$slice beside anchor "$ANCHOR_PID" run_wrk "$db" service deep-page "$deep"
    BENCH_DURATION=$slice beside service "$SERVICE_PID" run_wrk "$db" anchor first-page "$anchor_first"
    BENCH_DURATION=$slice beside service "$SERVICE_PID" run_wrk "$db" anchor type-date "$anchor_type_date"
    if [ "$db" = postgresql ]; then
      run_pgbench type-date "$slice"
      run_pgbench first-page "$slice"
    fi
  done
  # The list pages' warm-up here too: 10 s of GET by id on a freshly started anchor (smoke data) left it compiling for
  # 2.7 s of CPU after the load stopped (measured by hand), work that would fall into the service's next slice.
  wrk_by_id "$db" service get-by-id "$service" "$service_ids" /api/v1/events/ warm
  wrk_by_id "$db" anchor get-by-id "$anchor" "$anchor_ids" /events/ warm
  for round in $(seq 1 "$rounds"); do
    echo "   GET by id, round $round of $rounds"
    beside anchor "$ANCHOR_PID" wrk_by_id "$db" service get-by-id "$service" "$service_ids" /api/v1/events/
    beside service "$SERVICE_PID" wrk_by_id "$db" anchor get-by-id "$anchor" "$anchor_ids" /events/
  done
}

# What only the service serves, beside the idle anchor: full text, the company page by amount, stats, POST, the CSV
# export, the single writes; then its memory, on H2 its file (running, and after a SIGTERM), and the service stopped.
service_alone() { # db
  local db=$1 cpu started
  cpu=$(cpu_ms "$ANCHOR_PID")
  started=$(date +%s%N)
  run_wrk "$db" service full-text "$service/api/v1/events?q=wafer%20export"
  run_wrk "$db" service company-by-amount "$service/api/v1/events?company=T1&sort=-amount"
  run_wrk "$db" service stats-month-cached "$service/api/v1/events/stats?groupBy=month"
  # The write path's first POSTs of the process: warmed like the list pages (at 85be549 it was measured cold, 427/s,
  # where the 100,000 single writes after it ran at 730/s).
  BENCH_KEY="$key" warm_up "$db" service post-create "$SERVICE_PID" "$post_warm_max" \
    wrk_piece -s bench/wrk/post-create.lua "$service/api/v1/events"
  BENCH_KEY="$key" run_wrk "$db" service post-create "$service/api/v1/events" bench/wrk/post-create.lua
  stats_uncached "$db" "$service" "$key" "$stats_runs"

  # The process's first export is recorded; then exports run for the other scenarios' warm-up ($warm s) and the median
  # of the three after it is measured. Its first ran at 8.6 MB/s and the four after it at 22.9-25.3 (9dba64d, a fresh
  # start on 1,094,107 events); at b2aabd0 the second of a fresh start ran at 39-43 million bytes a second and the
  # fourth and fifth at 48-60, so one export of warm-up measured the JIT more than the export. On PostgreSQL each of the
  # three is followed by the database's own copy of the same rows in the same order to a client (psql_copy), its anchor.
  local csv rows first url="$service/api/v1/events?format=csv&from=2023-01-01"
  first=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' "$url")
  record "$db" service csv-export-first mb_s "$(awk '{ printf "%.1f", $1 / 1048576 / $2 }' <<<"$first")"
  local until=$(( $(date +%s) + warm ))
  while [ "$(date +%s)" -lt "$until" ]; do
    curl -sf -o /dev/null "$url"
  done
  local runs=() copies=() i
  for i in 1 2 3; do
    runs+=("$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' "$url")")
    if [ "$db" = postgresql ]; then copies+=("$(psql_copy 2023-01-01)"); fi
  done
  csv=$(printf '%s\n' "${runs[@]}" | sort -g -k2 | sed -n 2p) # the median by time
  rows=$(curl -sf "$service/api/v1/events?from=2023-01-01&withTotal=true&limit=1" | jq -r '.total')
  record "$db" service csv-export mb_s "$(awk '{ printf "%.1f", $1 / 1048576 / $2 }' <<<"$csv")"
  record "$db" service csv-export mb_s_min "$(printf '%s\n' "${runs[@]}" | sort -g -k2 | awk 'END { printf "%.1f", $1 / 1048576 / $2 }')"
  record "$db" service csv-export mb_s_max "$(printf '%s\n' "${runs[@]}" | sort -g -k2 | awk 'NR == 1 { printf "%.1f", $1 / 1048576 / $2 }')"
  record "$db" service csv-export mb "$(awk '{ printf "%.1f", $1 / 1048576 }' <<<"$csv")"
  record "$db" service csv-export seconds "$(awk '{ printf "%.3f", $2 }' <<<"$csv")"
  record "$db" service csv-export rows "$rows"
  echo "   service CSV export of every match ($rows rows): $(awk '{ printf "%.1f MB in %.2f s", $1 / 1048576, $2 }' <<<"$csv")," \
    "the median of $(printf '%s\n' "${runs[@]}" | awk '{ printf "%s%.2f s", (NR > 1 ? ", " : ""), $2 }') (the process's first: $(awk '{ printf "%.2f s", $2 }' <<<"$first"))"
  if [ "$db" = postgresql ]; then
    local copy
    copy=$(printf '%s\n' "${copies[@]}" | sort -g -k2 | sed -n 2p)
    record "$db" psql csv-copy seconds "$(awk '{ printf "%.3f", $2 }' <<<"$copy")"
    record "$db" psql csv-copy rows "$(awk '{ print $1 }' <<<"$copy")"
    echo "   psql: the database's copy of the same rows in the same order, the median of" \
      "$(printf '%s\n' "${copies[@]}" | awk '{ printf "%s%.2f s", (NR > 1 ? ", " : ""), $2 }') ($(awk '{ print $1 }' <<<"$copy") rows)"
  fi

  local posted
  posted=$(BENCH_KEY="$key" node bench/post.mjs "$service/api/v1/events" --count "$single_writes")
  echo "   service $single_writes single writes: $posted"
  record "$db" service single-writes requests "$(grep -oE 'posted=[0-9]+' <<<"$posted" | cut -d= -f2)"
  record "$db" service single-writes errors "$(grep -oE 'errors=[0-9]+' <<<"$posted" | cut -d= -f2)"
  record "$db" service single-writes rps "$(grep -oE 'rate=[0-9]+' <<<"$posted" | cut -d= -f2)"

  if [ "$db" = postgresql ]; then
    # One client: how long the database itself takes to fold every month (the floor of stats uncached).
    local out
    out=$(pgbench -n -c 1 -T "$duration" -h 127.0.0.1 -p "$PG_PORT" -U chip -f bench/pgbench/stats-month.sql chip_bench 2>&1)
    record "$db" pgbench stats-month p50_ms "$(awk '/^latency average/ { print $4; exit }' <<<"$out")"
    echo "   pgbench stats-month (1 client): $(awk '/^latency average/ { print $4; exit }' <<<"$out") ms"
  fi

  record "$db" anchor idle-alone cpu_ms $(( $(cpu_ms "$ANCHOR_PID") - cpu ))
  record "$db" anchor idle-alone seconds "$(( $(elapsed_ms "$started") / 1000 ))"
  echo "   the anchor, idle while the service ran alone, used $(( $(cpu_ms "$ANCHOR_PID") - cpu )) ms of CPU in" \
    "$(( $(elapsed_ms "$started") / 1000 )) s"
  record "$db" service rss-after-run rss_mb "$(rss_mb "$SERVICE_PID")"
  echo "   service RSS after the run $(rss_mb "$SERVICE_PID") MB"
  [ "$db" = h2 ] && h2_settled_disk "$h2_dir" disk-writes "$h2_jar"
  app_stop "$SERVICE_PID"
  [ "$db" = h2 ] && h2_disk "$h2_dir" disk-writes-sigterm "$h2_jar" compact
  return 0
}

# GET by id with the cache off (a restart with CHIP_EVENTS_EVENT_CACHE_SIZE=0): what reading an event not read since
# the last write costs, in alternating slices with the anchor's GET by id and, on PostgreSQL, pgbench's run of the same
# statements. Then both apps are stopped.
paired_cache_off() { # db
  local db=$1 id round service_ids="$BENCH_WORK/ids-service-$1.txt" anchor_ids="$BENCH_WORK/ids-anchor-$1.txt"
  app_start "$BENCH_WORK/service-$db" "$opts" "$service_port" "$BENCH_WORK/service-$db.log" "${service_settings[@]}" \
    CHIP_EVENTS_EVENT_CACHE_SIZE=0
  SERVICE_PID=$APP_PID
  # Each id once, one at a time, before the load: 32 first requests at once on a cold JVM each took over 2 s (the
  # smoke run's whole scenario), so that wrk counted no answer at all.
  while read -r id; do
    curl -sf -o /dev/null "$service/api/v1/events/$id"
  done <"$service_ids"
  # Then a warm-up until the JIT is done: on a fresh start (9f871db, 1,094,107 events, 200 ids) 10 s slices ran at
  # 2,784, 3,468, 4,101, 4,545, 5,503 and 6,141 requests/s, so the 10 s it had before measured a JVM still compiling.
  wrk_by_id "$db" service get-by-id-uncached "$service" "$service_ids" /api/v1/events/ warm
  for round in $(seq 1 "$rounds"); do
    echo "   GET by id with the service's cache off, round $round of $rounds"
    beside anchor "$ANCHOR_PID" wrk_by_id "$db" service get-by-id-uncached "$service" "$service_ids" /api/v1/events/
    beside service "$SERVICE_PID" wrk_by_id "$db" anchor get-by-id-beside-cache-off "$anchor" "$anchor_ids" /events/
    if [ "$db" = postgresql ]; then run_pgbench get-by-id "$slice"; fi
  done
  record_idle_beside "$db" anchor
  record_idle_beside "$db" service
  app_stop "$SERVICE_PID"
  app_stop "$ANCHOR_PID"
}

for db in $dbs; do
  echo "== $db ($(bench_java_opts_said "$db"))"
  opts=$(bench_java_opts "$db")
  service_port=""
  anchor_port=""
  bench_port service_port
  bench_port anchor_port
  service="http://127.0.0.1:$service_port"
  anchor="http://127.0.0.1:$anchor_port"
  h2_dir="$BENCH_WORK/h2-service"
  h2_jar=""
  [ "$db" = h2 ] && h2_jar=$(ls "$BENCH_WORK"/service-h2/lib/main/com.h2database.h2-*.jar)
  service_settings=(CHIP_EVENTS_DATA_DIR="$h2_dir" CHIP_EVENTS_STARTER_DATASET_ENABLED=false
    CHIP_EVENTS_ADMIN_KEY="$key" CHIP_EVENTS_SECURITY_RATE_LIMIT_WRITES_PER_MINUTE=1000000000)
  anchor_settings=(ANCHOR_DATA_DIR="$BENCH_WORK/h2-anchor")
  if [ "$db" = postgresql ]; then
    pg_start
    trap bench_cleanup EXIT
    pg_create_db chip_bench
    pg_create_db chip_anchor
    # reWriteBatchedInserts: the driver sends a JDBC batch as multi-row INSERTs (bulk import); the anchor gets the same URL.
    service_settings+=(QUARKUS_DATASOURCE_JDBC_URL="$(pg_jdbc_url chip_bench)?reWriteBatchedInserts=true"
      QUARKUS_DATASOURCE_USERNAME=chip QUARKUS_DATASOURCE_PASSWORD=chip)
    anchor_settings+=(QUARKUS_DATASOURCE_JDBC_URL="$(pg_jdbc_url chip_anchor)?reWriteBatchedInserts=true")
  fi
  phase=$(date +%s)
  service_load "$db"
  anchor_load "$db"
  echo "   (both loaded on $db in $(( $(date +%s) - phase )) s)"
  phase=$(date +%s)
  restart_both "$db"
  paired_reads "$db"
  service_alone "$db"
  paired_cache_off "$db"
  startup_steps "$db"
  echo "   (the scenarios on $db took $(( $(date +%s) - phase )) s)"
  if [ "$db" = postgresql ]; then
    pg_stop
    PG_DATA="" # stopped: nothing left for bench_cleanup's pg_stop
  fi
done

echo "== json-server 0.17 on 100,000 of the same events (the yardstick for list scenarios)"
port=$(pg_free_port)
bench/node_modules/.bin/json-server --quiet --port "$port" "$data/jsonserver-db.json" >"$BENCH_WORK/json-server.log" 2>&1 &
js=$!
BENCH_PIDS+=("$js")
until curl -sf -o /dev/null "http://127.0.0.1:$port/events?_limit=1"; do
  kill -0 "$js" 2>/dev/null || { cat "$BENCH_WORK/json-server.log"; exit 1; }
  sleep 0.2
done
js_base="http://127.0.0.1:$port/events"
run_wrk any json-server first-page "$js_base?_sort=occurredOn&_order=desc&_limit=50"
run_wrk any json-server type-date \
  "$js_base?type=IPO&occurredOn_gte=2000-01-01&occurredOn_lte=2020-12-31&_sort=occurredOn&_order=desc&_limit=50"
run_wrk any json-server full-text "$js_base?q=wafer&_limit=50"
kill "$js"
wait "$js" 2>/dev/null || true

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(java -version 2>&1 | head -1)"
gate=()
[ "$mode" = smoke ] && gate=(--gate)
set +e
node bench/targets.mjs "$BENCH_RESULTS" --sections "$BENCH_WORK" --events "$events" --companies "$companies" \
  --duration "$duration" --pages "$rounds rounds of $slice s (after at least $jit_warm s of load on each page, until the JIT went quiet), each service's slice followed by the anchor's and pgbench's of the same scenario" \
  --connections "$BENCH_CONNECTIONS" --single-writes "$single_writes" --machine "$machine" --command "$command_line" \
  --pg-opts "$BENCH_PG_OPTS" --h2-opts "$BENCH_H2_OPTS" "${gate[@]}" >"$BENCH_WORK/section.md" 2>"$BENCH_WORK/verdict.txt"
verdict=$?
set -e
cat "$BENCH_WORK/section.md"
echo
cat "$BENCH_WORK/verdict.txt"
if [ "$mode" = smoke ]; then
  cp "$BENCH_WORK/section.md" "$BENCH_WORK/benchmarks-smoke.md"
  echo "== Written to $BENCH_WORK/benchmarks-smoke.md"
else
  # One section per database, so that a run of one database (BENCH_DBS) leaves the other's figures in place.
  for db in $dbs; do
    node bench/docs.mjs "$report" "targets-$db" "$BENCH_WORK/targets-$db.md"
  done
  echo "== Written to $report ($dbs)"
fi
echo "== The benchmark took $(( $(date +%s) - started_run )) s"
# targets.mjs: 1 when a scenario answered errors or nothing; 3 when a ratio gated in the smoke run missed.
exit "$verdict"
