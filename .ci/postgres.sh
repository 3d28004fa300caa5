#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite: installed from Debian's packages when missing,
# its data folder under target/, on loopback and a free port, run as the postgres user (PostgreSQL
# refuses to run as root). Source this file, then call pg_start; pg_stop runs on exit.
set -euo pipefail

PG_BIN=""
PG_DATA=""
PG_PORT=""
PG_LOG=""

pg_find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      PG_BIN="$dir"
    fi
  done
  [ -n "$PG_BIN" ]
}

pg_install() {
  if pg_find_bin; then
    return
  fi
  echo "== Installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  pg_find_bin
}

# A port below the kernel's ephemeral range (32768 and up), where outgoing connections take theirs: a port
# that answers no connection there may still be bound by a client socket, and the server's bind then fails.
pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

pg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$1"
  else
    bash -c "$1"
  fi
}

pg_start() {
  pg_install
  local root
  root="$(pwd)/target/postgres"
  rm -rf "$root"
  mkdir -p "$root"
  # The postgres user needs to reach the folder; fall back to /tmp when a parent is closed to it.
  if [ "$(id -u)" = 0 ] && ! su postgres -s /bin/bash -c "test -x '$root'"; then
    root="$(mktemp -d /tmp/chip-events-pg.XXXXXX)"
    PG_TEMP_ROOT="$root"
  fi
  PG_DATA="$root/data"
  PG_LOG="$root/postgres.log"
  PG_PORT="$(pg_free_port)"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$root"
  fi
  pg_as_postgres "'$PG_BIN/initdb' -D '$PG_DATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$root/initdb.log'"
  pg_as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_LOG' -w -t 60 -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200 -c fsync=off\" start >/dev/null"
  trap pg_stop EXIT
  pg_psql "CREATE ROLE chip LOGIN PASSWORD 'chip'"
  echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $PG_DATA"
}

pg_psql() {
  psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$1"
}

pg_create_db() {
  pg_psql "DROP DATABASE IF EXISTS $1"
  pg_psql "CREATE DATABASE $1 OWNER chip"
}

pg_jdbc_url() {
  echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1"
}

pg_stop() {
  if [ -n "$PG_DATA" ] && [ -d "$PG_DATA" ]; then
    pg_as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop >/dev/null" || true
    echo "== PostgreSQL stopped"
  fi
  # A folder of our own under /tmp goes with the server: each run would otherwise leave its data behind.
  if [ -n "${PG_TEMP_ROOT:-}" ] && [ -d "$PG_TEMP_ROOT" ]; then
    rm -rf "$PG_TEMP_ROOT"
  fi
}
