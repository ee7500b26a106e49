#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are reached through traps
# Runs a command against a throwaway PostgreSQL server (the PostgreSQL twin of scripts/with-mariadb.sh).
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# Creates a cluster with initdb in a fresh mktemp dir and starts it with pg_ctl (TCP on 127.0.0.1 only, on a free
# port; the unix socket in the same 0700 dir). PostgreSQL refuses to run as root, so when this script runs as root
# the cluster belongs to the unprivileged `postgres` user (runuser). Loopback TCP logins need a password
# (scram-sha-256); the superuser `postgres` logs in through the private socket only. Creates role `nico` (random
# password, CREATEDB so tests may make scratch databases) owning database `nico_test`, then runs COMMAND with:
#
#   DB_CONNECTION=pgsql DB_HOST=127.0.0.1 DB_PORT=<port> DB_DATABASE=nico_test
#   DB_USERNAME=nico DB_PASSWORD=<random> POSTGRES_SOCKET_DIR=<dir>
#   POSTGRES_BIN_DIR=<dir of initdb, pg_dump, psql...>
#
# The server is always stopped and the temp dir removed afterwards (also on Ctrl-C / SIGTERM, and via a watchdog if
# this script itself is killed with SIGKILL). Exits with COMMAND's exit code; exits 1 (never 0) when the server
# cannot be provided. fsync is off: the data is thrown away anyway.
set -uo pipefail

me="with-postgres"
say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [ "$#" -eq 0 ]; then
  printf 'usage: %s COMMAND [ARGS...]\n' "$0" >&2
  exit 2
fi

# ---------------------------------------------------------------- locate binaries
# Debian keeps the server tools in /usr/lib/postgresql/<major>/bin (not on PATH); the newest major wins.
bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/psql" ]; then bindir=$d; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir=$(dirname "$(command -v initdb)"); fi
[ -n "$bindir" ] || die "initdb not found (install the Debian package postgresql-15); no database server was started"
INITDB="$bindir/initdb"
PG_CTL="$bindir/pg_ctl"
PSQL="$bindir/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql) || die "psql not found (install postgresql-client-15)"

# ---------------------------------------------------------------- run-as (root → postgres)
as_owner=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the system user 'postgres' (created by the postgresql package)"
  command -v runuser >/dev/null 2>&1 || die "runuser not found (util-linux)"
  as_owner=(runuser -u postgres --)
  owner=postgres
fi

# ---------------------------------------------------------------- state + cleanup
tmp=""
server_started=0
watchdog_pid=""
child_pid=""
cleaned=0

postmaster_pid() { head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null; }

stop_server() {
  [ "$server_started" -eq 1 ] || return 0
  local pid
  pid=$(postmaster_pid)
  # Fast shutdown (disconnects clients); SIGKILL if pg_ctl could not stop it within 20 s. (pg_ctl's word is
  # trusted: the stopped postmaster may linger as a zombie of whatever reaps orphans here, so kill -0 would lie.)
  if ! "${as_owner[@]}" "$PG_CTL" -D "$tmp/data" -m fast -t 20 -w stop >"$tmp/stop.log" 2>&1; then
    cat "$tmp/stop.log" >&2
    if [ -n "$pid" ]; then
      say "postgres (pid $pid) did not stop within 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null
      sleep 0.5
    fi
  fi
  server_started=0
}

cleanup() {
  [ "$cleaned" -eq 1 ] && return 0
  cleaned=1
  if [ -n "$child_pid" ] && kill -0 "$child_pid" 2>/dev/null; then
    kill -TERM "$child_pid" 2>/dev/null
    local i
    for ((i = 0; i < 100; i++)); do kill -0 "$child_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$child_pid" 2>/dev/null && kill -KILL "$child_pid" 2>/dev/null
    wait "$child_pid" 2>/dev/null
  fi
  stop_server
  if [ -n "$watchdog_pid" ]; then
    kill "$watchdog_pid" 2>/dev/null
    wait "$watchdog_pid" 2>/dev/null
  fi
  if [ -n "$tmp" ] && [ -d "$tmp" ]; then rm -rf -- "$tmp"; fi
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM HUP
  cleanup
  exit "$rc"
}
on_signal() { # $1 = exit status to use (128 + signal number)
  trap - INT TERM HUP
  say "interrupted; shutting down"
  exit "$1" # runs on_exit -> cleanup
}
trap on_exit EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# ---------------------------------------------------------------- temp dir + free port
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nico-postgres.XXXXXX") || die "mktemp failed"
chmod 700 "$tmp"
[ "$owner" = "postgres" ] && chown postgres: "$tmp"
# A unix socket path (dir + /.s.PGSQL.<port>) is limited to ~107 bytes.
[ "${#tmp}" -lt 80 ] || die "temp dir path too long: $tmp (set TMPDIR to a shorter directory)"

# shellcheck source=scripts/lib/free_port.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/free_port.sh"

# ---------------------------------------------------------------- initialise the cluster
if ! "${as_owner[@]}" "$INITDB" -D "$tmp/data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$tmp/initdb.log" 2>&1; then
  tail -n 30 "$tmp/initdb.log" >&2
  die "initdb failed"
fi

# ---------------------------------------------------------------- start server (retry if the port got taken)
start_server() { # $1 = port; returns 0 once the server accepts connections
  local port=$1
  : >"$tmp/postgres.log" && [ "$owner" = "postgres" ] && chown postgres: "$tmp/postgres.log"
  server_started=1
  if "${as_owner[@]}" "$PG_CTL" -D "$tmp/data" -l "$tmp/postgres.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$tmp -c max_connections=200 -c shared_buffers=64MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC" \
    start </dev/null >/dev/null 2>&1; then
    return 0
  fi
  stop_server
  return 1
}

port=""
for _ in 1 2 3; do
  port=$(free_port) || die "could not find a free TCP port"
  if start_server "$port"; then break; fi
  if grep -qi "address already in use" "$tmp/postgres.log" 2>/dev/null; then
    say "port $port was taken meanwhile; retrying"
    port=""
    continue
  fi
  tail -n 30 "$tmp/postgres.log" >&2
  die "postgres failed to start"
done
[ -n "$port" ] && [ "$server_started" -eq 1 ] || die "postgres failed to start (no free port)"

# Watchdog: if this script is SIGKILLed (no traps run), kill the server and remove the temp dir anyway.
server_pid=$(postmaster_pid)
(
  trap '' INT HUP
  trap 'exit 0' TERM
  parent=$$
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  if [ -s "$tmp/command.pid" ]; then kill -TERM "$(cat "$tmp/command.pid")" 2>/dev/null; fi
  [ -n "$server_pid" ] && kill -QUIT "$server_pid" 2>/dev/null
  sleep 1
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
  sleep 0.5
  rm -rf -- "$tmp"
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

# ---------------------------------------------------------------- database + user
password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
[ "${#password}" -eq 36 ] || die "could not generate a password"

psql_super() { "${as_owner[@]}" "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U postgres -d postgres "$@"; }
# Two calls: CREATE DATABASE cannot run inside the implicit transaction of a multi-statement -c.
if ! { psql_super -c "CREATE ROLE nico LOGIN CREATEDB PASSWORD '$password'" &&
  psql_super -c "CREATE DATABASE nico_test OWNER nico ENCODING 'UTF8' TEMPLATE template0"; } >"$tmp/setup.log" 2>&1; then
  cat "$tmp/setup.log" >&2
  die "could not create database/user"
fi

# ---------------------------------------------------------------- server control for the fault suite
# `$DB_SERVER_CTL stop` shuts the server down fast (clients see their connections drop), `$DB_SERVER_CTL start`
# starts it again with the same options (pg_ctl keeps them in postmaster.opts) and returns once it accepts.
{
  echo '#!/usr/bin/env bash'
  echo 'set -u'
  printf 'case "${1:-}" in
'
  printf '  stop) exec'; printf ' %q' "${as_owner[@]}" "$PG_CTL" -D "$tmp/data" -m fast -t 20 -w stop; printf ' >/dev/null ;;
'
  printf '  start) exec'; printf ' %q' "${as_owner[@]}" "$PG_CTL" -D "$tmp/data" -l "$tmp/postgres.log" -t 30 -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$tmp -c max_connections=200 -c shared_buffers=64MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC" start
  printf ' </dev/null >/dev/null 2>&1 ;;
'
  printf '  *) echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
'
} >"$tmp/server-ctl"
chmod 755 "$tmp/server-ctl"

# ---------------------------------------------------------------- run the command
export DB_SERVER_CTL="$tmp/server-ctl"
export DB_CONNECTION=pgsql
export DB_HOST=127.0.0.1
export DB_PORT="$port"
export DB_DATABASE=nico_test
export DB_USERNAME=nico
export DB_PASSWORD="$password"
export POSTGRES_SOCKET_DIR="$tmp"
export POSTGRES_BIN_DIR="$bindir"

say "PostgreSQL $("$PSQL" --version 2>/dev/null | awk '{print $3}') on 127.0.0.1:$port (socket dir $tmp)"

# Run in the background and wait, so INT/TERM sent to this script are handled at once (and forwarded to the
# command by cleanup). Explicit stdin redirection keeps the caller's stdin (async commands get /dev/null).
exec 3<&0
"$@" <&3 3<&- &
child_pid=$!
echo "$child_pid" >"$tmp/command.pid"
exec 3<&-
wait "$child_pid"
rc=$?
child_pid=""
exit "$rc"
