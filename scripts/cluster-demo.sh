#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are reached through traps
# A throwaway cluster on this machine: one MariaDB, two app nodes, nginx in front (issue #8, item 2).
#
#   scripts/cluster-demo.sh start            start everything, print the URLs, run until Ctrl-C / `stop`
#   scripts/cluster-demo.sh stop             stop a cluster started with `start` (from another terminal)
#   scripts/cluster-demo.sh run CMD [ARGS]   start, run CMD with the variables below, stop; exits with CMD's code
#   scripts/cluster-demo.sh restart-node N   restart node N (a|b) of the running cluster: SIGTERM its serve,
#                                            queue:work and schedule:work, wait for them, start them again
#                                            (what deploy/deploy.sh --rolling calls; needs CLUSTER_DIR)
#
# What runs (all on 127.0.0.1, free ports, everything inside one mktemp dir):
#   - MariaDB through scripts/with-mariadb.sh (same server set-up as the MariaDB test suite); migrated once.
#   - node a and node b: each its OWN app directory (storage/, logs, flag file, backups), so that the database is
#     the only thing they share; each runs `nico serve`, `nico queue:work` and `nico schedule:work`, with
#     NODE_NAME=a|b (X-Node response header) and TRUSTED_PROXIES=127.0.0.1.
#   - nginx (Debian package) as a foreground child with its own config, pid, logs and temp folders, balancing
#     round-robin over both nodes and retrying the other node on connect errors (proxy_next_upstream).
# Everything is stopped and the temp dir removed on exit, Ctrl-C, SIGTERM (and, through a watchdog, when this
# script is SIGKILLed); no server is ever left behind.
#
# Variables CMD (run mode) sees, also written to CLUSTER_DIR/cluster.env:
#   CLUSTER_URL           http://127.0.0.1:<nginx port>
#   CLUSTER_DIR           the temp dir; CLUSTER_DIR/bin/nico-a and nico-b run `nico` as that node
#   NODE_A_URL NODE_B_URL each node directly;  NODE_A_PORT NODE_B_PORT
#   NODE_A_DIR NODE_B_DIR each node's app directory (NICO_BASE_PATH)
#   CLUSTER_SQL           a mariadb client command on the cluster database (`$CLUSTER_SQL -e "SELECT ..."`)
#   plus the DB_* variables of with-mariadb.sh.
# Settings: NICO_BIN (default build/nico), CLUSTER_STATE (where `start` records itself for `stop`; default
# ${TMPDIR:-/tmp}/nico-cluster-demo.state), CLUSTER_ENV_<KEY>=value adds KEY=value to both nodes' environment.
set -uo pipefail

me="cluster-demo"
say() { printf '%s: %s\n' "$me" "$*" >&2; }
die() { say "error: $*"; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
state_file=${CLUSTER_STATE:-${TMPDIR:-/tmp}/nico-cluster-demo.state}

usage() { sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

# A process that exists and is not a zombie.
alive() {
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ "${st#Z}" = "$st" ]
}

# SIGTERM every pid in the given pid files, wait up to $2 seconds for all, then SIGKILL the rest.
stop_pidfiles() { # $1 = glob of pid files, $2 = seconds
  local files f pid i pids=()
  # shellcheck disable=SC2206  # $1 is a glob on purpose
  files=($1)
  for f in "${files[@]}"; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    pids+=("$pid")
    kill -TERM "$pid" 2>/dev/null
  done
  for ((i = 0; i < $2 * 10; i++)); do
    local any=0
    for pid in "${pids[@]}"; do alive "$pid" && any=1; done
    [ "$any" -eq 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if alive "$pid"; then
      say "pid $pid did not stop in $2 s; killing it"
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  for f in "${files[@]}"; do rm -f "$f"; done
}

# Starts one long-running process of node $1 (kind $2: serve|queue|schedule) in the background.
start_node_process() { # $1 node, $2 kind
  local node=$1 kind=$2 args
  case "$kind" in
    serve) args=(serve) ;;
    queue) args=(queue:work --sleep=1) ;;
    schedule) args=(schedule:work) ;;
  esac
  "$CLUSTER_DIR/bin/nico-$node" "${args[@]}" >>"$CLUSTER_DIR/logs/$kind-$node.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/pids/$kind-$node.pid"
}

wait_until_up() { # $1 url, $2 seconds; 0 when /up answers 200
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/up" 2>/dev/null)" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

restart_node() { # $1 node
  local node=$1
  if [ -z "${CLUSTER_DIR:-}" ] || [ ! -f "$CLUSTER_DIR/cluster.env" ]; then
    die "restart-node needs CLUSTER_DIR of a running cluster"
  fi
  [ -x "$CLUSTER_DIR/bin/nico-$node" ] || die "no node '$node' in $CLUSTER_DIR"
  # shellcheck disable=SC1091
  . "$CLUSTER_DIR/cluster.env"
  local url_var="NODE_${node^^}_URL"
  # Graceful: serve stops accepting and finishes in-flight requests; the workers finish their current job.
  stop_pidfiles "$CLUSTER_DIR/pids/*-$node.pid" 20
  local kind
  for kind in serve queue schedule; do start_node_process "$node" "$kind"; done
  wait_until_up "${!url_var}" 30 || die "node $node did not answer /up after the restart (see $CLUSTER_DIR/logs/serve-$node.log)"
  say "node $node restarted"
}

# shellcheck source=scripts/lib/free_port.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/free_port.sh"

# ---------------------------------------------------------------------------------------------------------
# Inside with-mariadb.sh: the DB_* variables are set.

cleanup_done=0
cleanup() {
  [ "$cleanup_done" -eq 1 ] && return 0
  cleanup_done=1
  if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR/pids" ]; then
    # Everything at once (nginx, servers, workers, schedulers, and the command in run mode), then the watchdog.
    stop_pidfiles "$CLUSTER_DIR/pids/*.pid" 8
  fi
  if [ -n "${watchdog_pid:-}" ]; then kill "$watchdog_pid" 2>/dev/null; wait "$watchdog_pid" 2>/dev/null; fi
  [ "$mode" = start ] && [ -f "$state_file" ] && grep -q "CLUSTER_DIR=$CLUSTER_DIR\$" "$state_file" && rm -f "$state_file"
  if [ -n "${CLUSTER_DIR:-}" ] && [ -d "$CLUSTER_DIR" ]; then rm -rf -- "$CLUSTER_DIR"; fi
}

inner() {
  mode=$1
  shift
  trap 'rc=$?; trap - EXIT INT TERM HUP; cleanup; exit $rc' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  local nico=${NICO_BIN:-$root/build/nico}
  [ "${nico#/}" != "$nico" ] || nico="$root/$nico"
  [ -x "$nico" ] || die "nico binary not found at $nico (build first, or set NICO_BIN)"
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx" ] || die "nginx not found (Debian package nginx; scripts/install-deps.sh installs it)"

  CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/nico-cluster.XXXXXX") || die "mktemp failed"
  export CLUSTER_DIR
  mkdir -p "$CLUSTER_DIR"/{bin,pids,logs,nginx/tmp}

  # Watchdog: if this script dies without running its traps, stop whatever the pid files name.
  (
    trap '' INT HUP
    trap 'exit 0' TERM
    parent=$$
    while kill -0 "$parent" 2>/dev/null; do sleep 1; done
    for f in "$CLUSTER_DIR"/pids/*.pid; do [ -s "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null; done
    rm -rf -- "$CLUSTER_DIR"
  ) </dev/null >/dev/null 2>&1 &
  watchdog_pid=$!

  local port_a port_b port_nginx app_key
  port_a=$(free_port) || die "no free port"
  port_b=$(free_port) || die "no free port"
  port_nginx=$(free_port) || die "no free port"
  while [ "$port_b" = "$port_a" ]; do port_b=$(free_port) || die "no free port"; done
  while [ "$port_nginx" = "$port_a" ] || [ "$port_nginx" = "$port_b" ]; do port_nginx=$(free_port) || die "no free port"; done
  app_key="base64:$(head -c 32 /dev/urandom | base64 -w0)"

  # One environment file and one `nico` wrapper per node.
  local node port
  for node in a b; do
    port=$port_a
    [ "$node" = b ] && port=$port_b
    local dir="$CLUSTER_DIR/node-$node"
    mkdir -p "$dir/storage/framework" "$dir/storage/logs" "$dir/storage/app/public" "$dir/storage/app/backups"
    {
      printf 'export %s=%q\n' \
        NICO_BASE_PATH "$dir" NICO_RESOURCE_PATH "$root" APP_ENV local APP_DEBUG false APP_KEY "$app_key" \
        APP_URL "http://127.0.0.1:$port_nginx" LOG_CHANNEL single APP_LOG_PATH "$dir/storage/logs/nico.log" \
        DB_CONNECTION "$DB_CONNECTION" DB_HOST "$DB_HOST" DB_PORT "$DB_PORT" DB_DATABASE "$DB_DATABASE" \
        DB_USERNAME "$DB_USERNAME" DB_PASSWORD "$DB_PASSWORD" \
        SERVER_HOST 127.0.0.1 SERVER_PORT "$port" SERVER_WORKERS 4 HTTP_SHUTDOWN_GRACE_SECONDS 5 \
        TRUSTED_PROXIES 127.0.0.1 NODE_NAME "$node" \
        PASSWORD_HASH_OPSLIMIT 1 PASSWORD_HASH_MEMLIMIT_KIB 8192 \
        RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE 10 OPS_BACKUP_TIME 03:30 OPS_HEALTH_CHECK_TIME 03:30
      local var
      for var in $(compgen -v CLUSTER_ENV_); do printf 'export %s=%q\n' "${var#CLUSTER_ENV_}" "${!var}"; done
    } >"$dir/env.sh"
    printf '#!/usr/bin/env bash\n. %q\nexec %q "$@"\n' "$dir/env.sh" "$nico" >"$CLUSTER_DIR/bin/nico-$node"
    chmod +x "$CLUSTER_DIR/bin/nico-$node"
  done

  "$CLUSTER_DIR/bin/nico-a" migrate --force >"$CLUSTER_DIR/logs/migrate.log" 2>&1 ||
    { cat "$CLUSTER_DIR/logs/migrate.log" >&2; die "migrate failed"; }

  for node in a b; do
    for kind in serve queue schedule; do start_node_process "$node" "$kind"; done
  done

  # nginx: a private instance (prefix, pid, logs and temp folders in the temp dir), in the foreground.
  local user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat >"$CLUSTER_DIR/nginx/nginx.conf" <<EOF
# Written by scripts/cluster-demo.sh; the production example is deploy/nginx/nicoreparaciones.conf.
$user_line
worker_processes 1;
daemon off;
pid $CLUSTER_DIR/nginx/nginx.pid;
error_log $CLUSTER_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr upstream_status=\$upstream_status';
  access_log $CLUSTER_DIR/nginx/access.log upstream;
  client_body_temp_path $CLUSTER_DIR/nginx/tmp/body;
  proxy_temp_path $CLUSTER_DIR/nginx/tmp/proxy;
  fastcgi_temp_path $CLUSTER_DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $CLUSTER_DIR/nginx/tmp/uwsgi;
  scgi_temp_path $CLUSTER_DIR/nginx/tmp/scgi;
  upstream nico_nodes {
    # max_fails=0: a node being restarted is retried on every request (a refused connect costs nothing
    # locally) instead of being shunned for fail_timeout while the other node restarts in turn.
    server 127.0.0.1:$port_a max_fails=0;
    server 127.0.0.1:$port_b max_fails=0;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$port_nginx;
    client_max_body_size 12m;
    location / {
      proxy_pass http://nico_nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_504;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
    }
  }
}
EOF
  "$nginx" -p "$CLUSTER_DIR/nginx" -e "$CLUSTER_DIR/nginx/error.log" -c "$CLUSTER_DIR/nginx/nginx.conf" \
    >"$CLUSTER_DIR/logs/nginx.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/pids/nginx.pid"

  {
    printf 'export %s=%q\n' CLUSTER_DIR "$CLUSTER_DIR" CLUSTER_URL "http://127.0.0.1:$port_nginx" \
      NODE_A_URL "http://127.0.0.1:$port_a" NODE_B_URL "http://127.0.0.1:$port_b" \
      NODE_A_PORT "$port_a" NODE_B_PORT "$port_b" \
      NODE_A_DIR "$CLUSTER_DIR/node-a" NODE_B_DIR "$CLUSTER_DIR/node-b" \
      CLUSTER_SQL "$MARIADB_ROOT_CLI $DB_DATABASE --batch --skip-column-names"
  } >"$CLUSTER_DIR/cluster.env"
  # shellcheck disable=SC1091
  . "$CLUSTER_DIR/cluster.env"

  wait_until_up "$NODE_A_URL" 30 || { tail -n 20 "$CLUSTER_DIR/logs/serve-a.log" >&2; die "node a did not start"; }
  wait_until_up "$NODE_B_URL" 30 || { tail -n 20 "$CLUSTER_DIR/logs/serve-b.log" >&2; die "node b did not start"; }
  wait_until_up "$CLUSTER_URL" 10 || { cat "$CLUSTER_DIR/nginx/error.log" >&2; die "nginx did not start"; }
  say "cluster up: nginx $CLUSTER_URL -> node a $NODE_A_URL, node b $NODE_B_URL (logs in $CLUSTER_DIR/logs)"

  case "$mode" in
    start)
      printf 'CLUSTER_MAIN_PID=%s\nCLUSTER_DIR=%s\n' "$PPID" "$CLUSTER_DIR" >"$state_file"
      say "run a command as a node with $CLUSTER_DIR/bin/nico-a (or nico-b); stop with Ctrl-C or '$0 stop'"
      while alive "$(cat "$CLUSTER_DIR/pids/nginx.pid")"; do sleep 1; done
      die "nginx exited (see $CLUSTER_DIR/nginx/error.log)"
      ;;
    run)
      "$@" &
      local child=$!
      echo "$child" >"$CLUSTER_DIR/pids/zz-command.pid"
      wait "$child"
      local rc=$?
      rm -f "$CLUSTER_DIR/pids/zz-command.pid"
      return "$rc"
      ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------

case "${1:-}" in
  start)
    [ -f "$state_file" ] && alive "$(sed -n 's/^CLUSTER_MAIN_PID=//p' "$state_file")" &&
      die "a cluster is already running (see $state_file); '$0 stop' first"
    exec "$root/scripts/with-mariadb.sh" "$0" __inner start
    ;;
  run)
    shift
    [ "$#" -gt 0 ] || die "usage: $0 run CMD [ARGS...]"
    exec "$root/scripts/with-mariadb.sh" "$0" __inner run "$@"
    ;;
  stop)
    [ -f "$state_file" ] || die "no running cluster recorded in $state_file"
    pid=$(sed -n 's/^CLUSTER_MAIN_PID=//p' "$state_file")
    alive "$pid" || { rm -f "$state_file"; die "the recorded cluster (pid $pid) is not running"; }
    kill -TERM "$pid"
    for ((i = 0; i < 300; i++)); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && die "cluster (pid $pid) still running after 30 s"
    say "cluster stopped"
    ;;
  restart-node)
    [ "$#" -eq 2 ] || die "usage: $0 restart-node a|b"
    restart_node "$2"
    ;;
  __inner)
    shift
    inner "$@"
    ;;
  -h | --help | "") usage ;;
  *) die "unknown mode '$1' (start | stop | run CMD | restart-node N)" ;;
esac
