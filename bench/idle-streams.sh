#!/usr/bin/env bash
# What idle change streams cost: the packaged app (H2 build, the Dockerfile's JVM flags sized for a 512 MiB
# pod) before and after 500 Server-Sent Events streams are opened and left idle past a keep-alive; its
# threads, resident memory and heap after a full GC; then one write, which every stream must receive.
# Writes the section "Idle change streams" of docs/benchmarks.md (BENCH_STREAMS and BENCH_IDLE_SECONDS change
# the numbers; BENCH_REPORT another file). Needs target/quarkus-app (./mvnw package -DskipTests), node, jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
streams=${BENCH_STREAMS:-500}
idle=${BENCH_IDLE_SECONDS:-45}
report=${BENCH_REPORT:-docs/benchmarks.md}
java_opts=${BENCH_JAVA_OPTS:-"-XX:MaxRAM=512m $(sed -n 's/^ *JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)"}
work=$(mktemp -d /tmp/chip-events-idle.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
key="bench-$(date +%s%N)"

app=""
feeder=""
cleanup() {
  if [ -n "$feeder" ]; then kill "$feeder" 2>/dev/null || true; fi
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$port CHIP_EVENTS_DATA_DIR="$work/data" CHIP_EVENTS_ADMIN_KEY=$key \
CHIP_EVENTS_CHANGES_MAX_STREAMS_PER_CLIENT=$((streams + 10)) CHIP_EVENTS_CHANGES_HEARTBEAT=PT15S \
  java $java_opts -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break
  sleep 0.5
done
base="http://127.0.0.1:$port"

measure() { # label -> "threads rss_mb heap_mb"
  jcmd "$app" GC.run >/dev/null
  sleep 1
  local threads rss heap
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$app/status")
  rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$app/status")
  heap=$(jcmd "$app" GC.heap_info | awk '/generation/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); s += v}} END {printf "%.1f", s / 1024}')
  echo "$threads $rss $heap"
}

# Warm up: a few reads, a write and a short-lived stream, so that what follows measures streams, not first use.
for _ in $(seq 1 20); do curl -s "$base/api/v1/events?limit=5" >/dev/null; done
curl -s -o /dev/null -X POST "$base/api/v1/events" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"type": "OTHER", "occurredOn": "2025-01-27", "title": "warm-up"}'
timeout 2 curl -sN "$base/api/v1/changes" >/dev/null || true
sleep 2
jcmd "$app" Thread.print | grep '^"' | sed -E 's/^"([^"]*)".*/\1/; s/[-#]?[0-9]+$//' | sort | uniq -c >"$work/threads0"
read -r threads0 rss0 heap0 < <(measure)
echo "== before: $threads0 threads, RSS $rss0 MB, heap after GC $heap0 MB"

mkfifo "$work/in"
node bench/idle-streams.mjs "$base" "$streams" <"$work/in" >"$work/node.out" 2>&1 &
feeder=$!
exec 3>"$work/in"
for _ in $(seq 1 240); do grep -q '^open' "$work/node.out" && break; sleep 0.5; done
grep '^open' "$work/node.out"
sleep "$idle"
jcmd "$app" Thread.print | grep '^"' | sed -E 's/^"([^"]*)".*/\1/; s/[-#]?[0-9]+$//' | sort | uniq -c >"$work/threads1"
read -r threads1 rss1 heap1 < <(measure)
new_threads=$( { diff "$work/threads0" "$work/threads1" || true; } | awk '/^>/ {$1 = ""; print}' | sed 's/^ *//' | paste -sd ';' | sed 's/;/; /g')
echo "== threads by name, after minus before: $new_threads"
echo "== with $streams idle streams: $threads1 threads, RSS $rss1 MB, heap after GC $heap1 MB"

start=$(date +%s%N)
curl -s -o /dev/null -X POST "$base/api/v1/events" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"type": "OTHER", "occurredOn": "2025-01-27", "title": "to every stream"}'
received=0
for _ in $(seq 1 100); do
  echo 1 >&3
  sleep 0.1
  received=$(grep '^events' "$work/node.out" | tail -1 | awk '{print $2}')
  [ "${received:-0}" -ge "$streams" ] && break
done
fanout_ms=$(( ($(date +%s%N) - start) / 1000000 ))
beats=$(grep '^events' "$work/node.out" | tail -1 | awk '{print $4}')
echo "== one write reached $received of $streams streams within $fanout_ms ms; $beats had a keep-alive"
exec 3>&-
wait "$feeder" || true
feeder=""

per_stream_kb=$(awk -v a="$heap0" -v b="$heap1" -v n="$streams" 'BEGIN {printf "%.1f", (b - a) * 1024 / n}')
section=$(cat <<MD
## Idle change streams

Measured $(date -u +%Y-%m-%d) with \`bash bench/idle-streams.sh\` ($(nproc) cores, $(java -version 2>&1 | head -1)): the packaged
H2 build with the JVM flags \`$java_opts\`, $streams Server-Sent Events streams on \`/api/v1/changes\` opened by one
Node.js client and left idle for $idle s (past a keep-alive), measured after a full GC.

| | threads | resident memory | heap used |
|---|---|---|---|
| before | $threads0 | $rss0 MB | $heap0 MB |
| $streams idle streams | $threads1 | $rss1 MB | $heap1 MB |
| difference | $((threads1 - threads0)) | $(awk -v a="$rss0" -v b="$rss1" 'BEGIN {printf "%.1f", b - a}') MB | $(awk -v a="$heap0" -v b="$heap1" 'BEGIN {printf "%.1f", b - a}') MB ($per_stream_kb KB a stream) |

Threads by name that differ, after: $new_threads (pools that served the $streams opening requests, not one a stream).

One write then reached $received of the $streams streams within $fanout_ms ms (the time includes the client's polling
every 100 ms); $beats streams had received a keep-alive comment. Streams hold no thread: one dispatcher
thread per replica reads the log and writes to every stream without blocking.
MD
)
python3 - "$report" "$section" <<'PY'
import sys, re
path, section = sys.argv[1], sys.argv[2]
text = open(path).read() if __import__('os').path.exists(path) else "# Benchmarks\n"
pattern = re.compile(r"\n## Idle change streams\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub("", text).rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "== Written to $report"
