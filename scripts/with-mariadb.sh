#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are reached through traps
# Runs a command against a throwaway MariaDB server.
#
#   scripts/with-mariadb.sh COMMAND [ARGS...]
#
# Starts a private mariadbd (datadir + unix socket in a fresh mktemp dir, TCP on 127.0.0.1 only, on a free
# port), creates database `nico_test` and user 'nico'@'127.0.0.1' with a random password (ALL on `nico\_test%`.*),
# (underscores escaped: in GRANT a bare _ is a wildcard), then runs COMMAND with these variables exported:
#
#   DB_CONNECTION=mariadb DB_HOST=127.0.0.1 DB_PORT=<port> DB_DATABASE=nico_test
#   DB_USERNAME=nico DB_PASSWORD=<random> MARIADB_SOCKET=<socket>
#   MARIADB_ROOT_CLI="mariadb --no-defaults --socket=<socket> -uroot"
#
# The server is always shut down and the temp dir removed afterwards (also on Ctrl-C / SIGTERM, and via a
# watchdog if this script itself is killed with SIGKILL). Exits with COMMAND's exit code; exits 1 (never 0)
# when the server cannot be provided.
set -uo pipefail

me="with-mariadb"
say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { say "error: $*"; exit 1; }

if [ "$#" -eq 0 ]; then
  printf 'usage: %s COMMAND [ARGS...]\n' "$0" >&2
  exit 2
fi

# ---------------------------------------------------------------- locate binaries
find_bin() { # first of the given names that exists (PATH, /usr/sbin, /usr/bin)
  local n p d
  for n in "$@"; do
    p=$(command -v "$n" 2>/dev/null)
    if [ -n "$p" ] && [ -f "$p" ] && [ -x "$p" ]; then echo "$p"; return 0; fi
    for d in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
      if [ -f "$d/$n" ] && [ -x "$d/$n" ]; then echo "$d/$n"; return 0; fi
    done
  done
  return 1
}
MARIADBD=$(find_bin mariadbd mysqld) ||
  die "mariadbd not found (install the Debian package mariadb-server); no database server was started"
INSTALL_DB=$(find_bin mariadb-install-db mysql_install_db) ||
  die "mariadb-install-db not found (install mariadb-server)"
ADMIN=$(find_bin mariadb-admin mysqladmin) || die "mariadb-admin not found (install mariadb-client)"
CLIENT=$(find_bin mariadb mysql) || die "mariadb client not found (install mariadb-client)"

# ---------------------------------------------------------------- state + cleanup
tmp=""
server_pid=""
watchdog_pid=""
child_pid=""
cleaned=0

stop_server() {
  # The fault suite may have restarted the server through server-ctl: the pid file names the live one.
  if [ -s "$tmp/mariadbd.pid" ]; then server_pid=$(cat "$tmp/mariadbd.pid"); fi
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    # Polite shutdown first (flushes InnoDB quickly), then SIGTERM, then SIGKILL after 20 s.
    "$ADMIN" --no-defaults --socket="$tmp/mysqld.sock" -uroot --connect-timeout=2 shutdown >/dev/null 2>&1 ||
      kill -TERM "$server_pid" 2>/dev/null
    local i
    for ((i = 0; i < 200; i++)); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
      say "mariadbd (pid $server_pid) did not stop within 20 s; killing it"
      kill -KILL "$server_pid" 2>/dev/null
    fi
  fi
  wait "$server_pid" 2>/dev/null
  server_pid=""
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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nico-mariadb.XXXXXX") || die "mktemp failed"
chmod 700 "$tmp"
mkdir -p "$tmp/data" "$tmp/tmp"
sock="$tmp/mysqld.sock"
# A unix socket path is limited to ~107 bytes.
[ "${#sock}" -lt 100 ] || die "socket path too long: $sock (set TMPDIR to a shorter directory)"

# shellcheck source=scripts/lib/free_port.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/free_port.sh"

# ---------------------------------------------------------------- initialise datadir
is_root=0
[ "$(id -u)" -eq 0 ] && is_root=1
user_opt=()
[ "$is_root" -eq 1 ] && user_opt=(--user=root)

# 'normal' root auth = root without password; only reachable through the socket in our 0700 temp dir, because
# the root@127.0.0.1 / root@::1 accounts are dropped below.
if ! "$INSTALL_DB" --no-defaults "${user_opt[@]}" --datadir="$tmp/data" \
  --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
  --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
  >"$tmp/install-db.log" 2>&1; then
  tail -n 30 "$tmp/install-db.log" >&2
  die "mariadb-install-db failed"
fi

# ---------------------------------------------------------------- start server (retry if the port got taken)
server_args() { # $1 = port: the mariadbd command line
  server_cmd=("$MARIADBD" --no-defaults "${user_opt[@]}"
    --datadir="$tmp/data" --tmpdir="$tmp/tmp"
    --socket="$sock" --pid-file="$tmp/mariadbd.pid" --log-error="$tmp/mariadbd.err"
    --bind-address=127.0.0.1 --port="$1" --skip-name-resolve
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M
    --innodb-flush-log-at-trx-commit=2 --skip-log-bin --max-connections=200)
}

start_server() { # $1 = port; returns 0 once the server answers ping
  local port=$1 i
  : >"$tmp/mariadbd.err"
  server_args "$port"
  "${server_cmd[@]}" </dev/null >/dev/null 2>&1 &
  server_pid=$!
  for ((i = 0; i < 300; i++)); do # ~30 s
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null
      server_pid=""
      return 1
    fi
    if "$ADMIN" --no-defaults --socket="$sock" -uroot --connect-timeout=1 ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  say "mariadbd did not answer ping within 30 s"
  stop_server
  return 1
}

port=""
for _ in 1 2 3; do
  port=$(free_port) || die "could not find a free TCP port"
  if start_server "$port"; then break; fi
  if grep -qi "address already in use\|Do you already have another" "$tmp/mariadbd.err" 2>/dev/null; then
    say "port $port was taken meanwhile; retrying"
    port=""
    continue
  fi
  tail -n 30 "$tmp/mariadbd.err" >&2
  die "mariadbd failed to start"
done
if [ -z "$port" ] || [ -z "$server_pid" ]; then die "mariadbd failed to start (no free port)"; fi

# Watchdog: if this script is SIGKILLed (no traps run), kill the server and remove the temp dir anyway.
(
  trap '' INT HUP
  trap 'exit 0' TERM
  parent=$$
  while kill -0 "$parent" 2>/dev/null; do sleep 1; done
  if [ -s "$tmp/command.pid" ]; then kill -TERM "$(cat "$tmp/command.pid")" 2>/dev/null; fi
  kill -KILL "$server_pid" 2>/dev/null
  [ -s "$tmp/mariadbd.pid" ] && kill -KILL "$(cat "$tmp/mariadbd.pid")" 2>/dev/null
  sleep 0.5
  rm -rf -- "$tmp"
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

# ---------------------------------------------------------------- database + user
password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
[ "${#password}" -eq 36 ] || die "could not generate a password"

root_cli=("$CLIENT" --no-defaults --socket="$sock" -uroot)
sql="DELETE FROM mysql.global_priv WHERE User='root' AND Host<>'localhost';
DELETE FROM mysql.global_priv WHERE User='';
FLUSH PRIVILEGES;
CREATE DATABASE nico_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'nico'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`nico\\_test\`.* TO 'nico'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`nico\\_test%\`.* TO 'nico'@'127.0.0.1';
FLUSH PRIVILEGES;"
if ! "${root_cli[@]}" -e "$sql" >"$tmp/setup.log" 2>&1; then
  cat "$tmp/setup.log" >&2
  die "could not create database/user"
fi

# ---------------------------------------------------------------- server control for the fault suite
# `$DB_SERVER_CTL stop` shuts the server down (clients see their connections drop), `$DB_SERVER_CTL start` starts it
# again on the same port and data and returns once it answers. The cleanup above finds a restarted server through
# its pid file.
server_args "$port"
{
  echo '#!/usr/bin/env bash'
  echo 'set -u'
  printf 'case "${1:-}" in
'
  printf '  stop)
'
  printf '    %q --no-defaults --socket=%q -uroot --connect-timeout=2 shutdown >/dev/null 2>&1
' "$ADMIN" "$sock"
  printf '    for i in $(seq 200); do [ -e %q ] || exit 0; sleep 0.1; done; exit 1 ;;
' "$tmp/mariadbd.pid"
  printf '  start)
'
  printf '    setsid'; printf ' %q' "${server_cmd[@]}"; printf ' </dev/null >/dev/null 2>&1 &
'
  printf '    for i in $(seq 300); do %q --no-defaults --socket=%q -uroot --connect-timeout=1 ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; exit 1 ;;
' "$ADMIN" "$sock"
  printf '  *) echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
'
} >"$tmp/server-ctl"
chmod 700 "$tmp/server-ctl"

# ---------------------------------------------------------------- run the command
export DB_SERVER_CTL="$tmp/server-ctl"
export DB_CONNECTION=mariadb
export DB_HOST=127.0.0.1
export DB_PORT="$port"
export DB_DATABASE=nico_test
export DB_USERNAME=nico
export DB_PASSWORD="$password"
export MARIADB_SOCKET="$sock"
export MARIADB_ROOT_CLI="$CLIENT --no-defaults --socket=$sock -uroot"

say "MariaDB $("$MARIADBD" --version 2>/dev/null | awk '{print $3}') on 127.0.0.1:$port (socket $sock)"

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
