#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are reached through traps
# Runs a command against a throwaway Redis server.
#
#   scripts/with-redis.sh COMMAND [ARGS...]
#
# Starts a private redis-server (no persistence: --save '' --appendonly no; its dir, pid file, log and unix socket
# in a fresh mktemp dir; TCP on 127.0.0.1 only, on a free port), then runs COMMAND with these variables exported:
#
#   REDIS_URL=redis://127.0.0.1:<port>/0   REDIS_PORT=<port>   REDIS_SOCKET=<dir>/redis.sock
#   REDIS_SERVER_CTL=<dir>/server-ctl      `$REDIS_SERVER_CTL stop` stops the server (clients see their
#                                          connections drop), `$REDIS_SERVER_CTL start` starts it again on the same
#                                          port and returns once it answers PING (the fault suite's Redis outage)
#
# The server is always stopped and the temp dir removed afterwards (also on Ctrl-C / SIGTERM, and via a watchdog
# if this script itself is killed with SIGKILL). Exits with COMMAND's exit code; exits 1 (never 0) when the server
# cannot be provided.
set -uo pipefail

me="with-redis"
say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [ "$#" -eq 0 ]; then
  printf 'usage: %s COMMAND [ARGS...]\n' "$0" >&2
  exit 2
fi

find_bin() { # first of the given names that exists (PATH, /usr/bin, /usr/sbin)
  local n p d
  for n in "$@"; do
    p=$(command -v "$n" 2>/dev/null)
    if [ -n "$p" ] && [ -x "$p" ]; then echo "$p"; return 0; fi
    for d in /usr/bin /usr/sbin /usr/local/bin; do
      if [ -x "$d/$n" ]; then echo "$d/$n"; return 0; fi
    done
  done
  return 1
}
SERVER=$(find_bin redis-server) || die "redis-server not found (install the Debian package redis-server); no server was started"
CLI=$(find_bin redis-cli) || die "redis-cli not found (install redis-tools)"

tmp=""
watchdog_pid=""
child_pid=""
cleaned=0

server_pid() { [ -s "$tmp/redis.pid" ] && cat "$tmp/redis.pid"; }

stop_server() {
  local pid i
  pid=$(server_pid) || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  say "redis-server (pid $pid) did not stop within 10 s; killing it"
  kill -KILL "$pid" 2>/dev/null
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
  exit "$1"
}
trap on_exit EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nico-redis.XXXXXX") || die "mktemp failed"
chmod 700 "$tmp"
sock="$tmp/redis.sock"
[ "${#sock}" -lt 100 ] || die "socket path too long: $sock (set TMPDIR to a shorter directory)"

# shellcheck source=scripts/lib/free_port.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/free_port.sh"

server_args() { # $1 = port
  server_cmd=("$SERVER" --port "$1" --bind 127.0.0.1 --protected-mode yes
    --unixsocket "$sock" --unixsocketperm 700
    --dir "$tmp" --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log"
    --save '' --appendonly no --daemonize yes --databases 4)
}

start_server() { # $1 = port; 0 once it answers PING
  local i
  rm -f "$tmp/redis.pid"
  server_args "$1"
  "${server_cmd[@]}" </dev/null >/dev/null 2>&1 || return 1
  for ((i = 0; i < 100; i++)); do
    [ "$("$CLI" -s "$sock" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.05
  done
  return 1
}

port=""
for _ in 1 2 3; do
  port=$(free_port) || die "could not find a free TCP port"
  if start_server "$port"; then break; fi
  stop_server
  if grep -qi "address already in use" "$tmp/redis.log" 2>/dev/null; then
    say "port $port was taken meanwhile; retrying"
    port=""
    continue
  fi
  tail -n 20 "$tmp/redis.log" >&2 2>/dev/null
  die "redis-server failed to start"
done
[ -n "$port" ] || die "redis-server failed to start (no free port)"

# Watchdog: if this script is SIGKILLed (no traps run), stop the server and remove the temp dir anyway.
(
  trap '' INT HUP
  trap 'exit 0' TERM
  parent=$$
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  [ -s "$tmp/redis.pid" ] && kill -KILL "$(cat "$tmp/redis.pid")" 2>/dev/null
  sleep 0.2
  rm -rf -- "$tmp"
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

# Server control for the fault suite: stop = the process ends (SIGTERM, no save); start = same port and socket.
server_args "$port"
# shellcheck disable=SC2016  # the script written here expands its own variables when it runs
{
  echo '#!/usr/bin/env bash'
  echo 'set -u'
  printf 'pidfile=%q\n' "$tmp/redis.pid"
  echo 'case "${1:-}" in'
  echo '  stop)'
  echo '    [ -s "$pidfile" ] || exit 0'
  echo '    pid=$(cat "$pidfile"); kill -TERM "$pid" 2>/dev/null'
  echo '    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL "$pid"; exit 0 ;;'
  echo '  start)'
  printf '    rm -f "$pidfile";'; printf ' %q' "${server_cmd[@]}"; printf ' </dev/null >/dev/null 2>&1 || exit 1\n'
  printf '    for i in $(seq 100); do [ "$(%q -s %q ping 2>/dev/null)" = PONG ] && exit 0; sleep 0.05; done; exit 1 ;;\n' "$CLI" "$sock"
  echo '  *) echo "usage: $0 stop|start" >&2; exit 2 ;;'
  echo 'esac'
} >"$tmp/server-ctl"
chmod 700 "$tmp/server-ctl"

export REDIS_URL="redis://127.0.0.1:$port/0"
export REDIS_PORT="$port"
export REDIS_SOCKET="$sock"
export REDIS_SERVER_CTL="$tmp/server-ctl"

say "redis-server $("$SERVER" --version 2>/dev/null | awk '{print $3}' | sed 's/^v=//') on 127.0.0.1:$port (socket $sock)"

# In the background and waited for, so INT/TERM sent to this script are handled at once (and forwarded to the
# command by cleanup); the caller's stdin is passed on explicitly (async commands get /dev/null).
exec 3<&0
"$@" <&3 3<&- &
child_pid=$!
echo "$child_pid" >"$tmp/command.pid"
exec 3<&-
wait "$child_pid"
rc=$?
child_pid=""
exit "$rc"
