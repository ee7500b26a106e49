#!/usr/bin/env bash
# deploy/deploy.sh: puts a new version of NicoReparaciones in production on one server, or (--rolling) on
# several app nodes behind nginx, one at a time, without maintenance mode.
# Guide: docs/OPERACION_PRODUCCION.md §5.2 (one server) and §5.3 (several nodes, rolling).
#
# One server (default):
#   1. down     `nico down --render=errors::503 --retry=60`: visitors get the 503 page from here on
#   2. build    NICO_BUILD_CMD (default `cmake --build build --target nico`: the server runs only `nico`)
#   3. migrate  `nico migrate --force`
#   4. optimize `nico optimize` (validates .env and freezes the configuration)
#   5. restart  restarts the running nicoreparaciones-* systemd services so they load the new binary and
#               configuration (still in maintenance)
#   6. up       `nico up`
#   7. health   `nico ops:health-check --strict`
#
# If a step fails the script stops at once, leaves the site in maintenance (never half-migrated and open) and
# prints one line naming the step and what to do. If only the final health check fails, the site is up but
# unhealthy: it says so and exits 1.
#
# Rolling (--rolling), for nodes sharing one database behind a load balancer that retries another node on
# connect errors (deploy/nginx/nicoreparaciones.conf):
#   1. build    NICO_BUILD_CMD, here
#   2. migrate  `nico migrate --force`, ONCE, here (migrations must be compatible with the version still running
#               on the other nodes until they restart: add columns/tables, never rename or drop in the same deploy)
#   3. optimize `nico optimize`, here
#   4. node N   for each node of NICO_ROLLING_NODES in turn: NICO_NODE_RESTART_CMD (a graceful restart: SIGTERM
#               makes `nico serve` stop accepting and finish its in-flight requests while nginx sends new ones to
#               the other nodes), then wait until the node answers 200 (NICO_NODE_CHECK_CMD, default: its /up)
#               before touching the next one. `nico down` is never called.
#   5. health   `nico ops:health-check --strict`
# A node that does not come back stops the deploy: the nodes before it run the new version, the rest the old one.
#
# Usage: deploy/deploy.sh [--app-dir DIR] [--rolling]   (run from the app directory, or give it; env APP_DIR too)
# Environment:
#   APP_DIR           app directory (default: current directory; --app-dir wins)
#   NICO_BIN          the nico binary, relative to the app directory or absolute (default ./build/nico)
#   NICO_BUILD_CMD    build command, run by bash in the app directory (default `cmake --build build --target nico`:
#                     the binary the server runs, not the test binaries, and no scripts/install-deps.sh)
#   NICO_RESTART_CMD  restart command (default: auto = `systemctl restart <unit>` for each active
#                     nicoreparaciones-* unit, through `sudo -n` when not root; nothing when none is active).
#                     `true` skips the step.
#   NICO_SYSTEMD_UNITS units the auto restart considers (default: nicoreparaciones-web.service
#                     nicoreparaciones-queue.service nicoreparaciones-scheduler.service)
#   NICO_DOWN_RETRY   seconds announced in Retry-After during the deploy (default 60)
#   NICO_HEALTH_STRICT 1 (default): the final health check is --strict; 0: only FAIL rows fail it
# Rolling only:
#   NICO_ROLLING_NODES    the nodes, in order, separated by spaces: NAME or NAME=ADDRESS (ADDRESS = host:port of
#                         its `nico serve`; default NAME), e.g. "web1=10.0.0.11:8000 web2=10.0.0.12:8000"
#   NICO_NODE_RESTART_CMD run by bash for each node with {node} and {addr} replaced, e.g.
#                         'ssh {node} sudo systemctl restart nicoreparaciones-web nicoreparaciones-queue nicoreparaciones-scheduler'
#   NICO_NODE_CHECK_CMD   run by bash until it exits 0 ({node}, {addr} replaced); default: GET http://{addr}/up
#                         answers 200 (curl)
#   NICO_NODE_UP_TIMEOUT  seconds to wait for each node after its restart (default 60)
# Run it as the user that owns storage/ (`sudo -u nico deploy/deploy.sh`). As root it refuses when storage/
# belongs to another user: files root creates there would lock the services out.
# Exit codes: 0 deployed and healthy, 1 a step failed or the site is unhealthy, 2 usage error.
#
# Each step is a function (step_<name>) and the sequence lives in main(), so other strategies (a future
# --rolling across several nodes) can reuse the steps in another order.
set -euo pipefail

APP_DIR=${APP_DIR:-$PWD}
NICO_BIN=${NICO_BIN:-./build/nico}
NICO_BUILD_CMD=${NICO_BUILD_CMD:-cmake --build build --target nico}
NICO_RESTART_CMD=${NICO_RESTART_CMD:-auto}
NICO_DOWN_RETRY=${NICO_DOWN_RETRY:-60}
NICO_SYSTEMD_UNITS=${NICO_SYSTEMD_UNITS:-nicoreparaciones-web.service nicoreparaciones-queue.service nicoreparaciones-scheduler.service}
NICO_HEALTH_STRICT=${NICO_HEALTH_STRICT:-1}
NICO_ROLLING_NODES=${NICO_ROLLING_NODES:-}
NICO_NODE_RESTART_CMD=${NICO_NODE_RESTART_CMD:-}
NICO_NODE_CHECK_CMD=${NICO_NODE_CHECK_CMD:-}
NICO_NODE_UP_TIMEOUT=${NICO_NODE_UP_TIMEOUT:-60}
ROLLING=0

CURRENT_STEP=""
STEP_NUMBER=0
TOTAL_STEPS=7

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

say() { printf '%s\n' "$*"; }
err() { printf '%s\n' "$*" >&2; }

# The binary as the operator should type it in the messages below.
nico_hint() {
  case "$NICO_BIN" in
    /*) printf '%s' "$NICO_BIN" ;;
    *) printf '%s' "${NICO_BIN#./}" ;;
  esac
}

# fd 9 holds the deploy lock: children do not inherit it.
nico() { "$NICO_BIN" "$@" 9>&-; }

# One line naming the failed step and what to do next.
report_failure() {
  local step=$1 bin
  bin=$(nico_hint)
  if [ "$ROLLING" -eq 1 ]; then
    case "$step" in
      build | migrate | optimize)
        err "Deploy detenido en '$step': todavía no se reinició ningún nodo; el sitio sigue en línea con la versión anterior (sin modo mantenimiento). Revisá el error de arriba y corré deploy/deploy.sh --rolling de nuevo."
        return ;;
    esac
  fi
  case "$step" in
    preflight)
      err "Deploy detenido en 'preflight': no se tocó nada, el sitio sigue como estaba. Revisá el error de arriba." ;;
    down)
      err "Deploy detenido en 'down': no se pudo activar el modo mantenimiento y no se cambió nada; el sitio sigue como estaba. Revisá el error de arriba y corré deploy/deploy.sh de nuevo." ;;
    build)
      err "Deploy detenido en 'build': el sitio sigue en mantenimiento y no se migró nada. Corregí la compilación y corré deploy/deploy.sh de nuevo, o reabrí con la versión que está corriendo con \`$bin up\`." ;;
    migrate)
      err "Deploy detenido en 'migrate': el sitio sigue en mantenimiento. Revisá el error (y \`$bin migrate:status\`), corregilo y corré deploy/deploy.sh de nuevo; \`$bin up\` solo si confirmaste que la base quedó como la espera la versión en ejecución." ;;
    optimize)
      err "Deploy detenido en 'optimize': la configuración no es válida (el error nombra la clave) y el sitio sigue en mantenimiento. Corregí .env y corré deploy/deploy.sh de nuevo." ;;
    restart)
      err "Deploy detenido en 'restart': no se pudieron reiniciar los servicios y el sitio sigue en mantenimiento. Mirá \`systemctl status nicoreparaciones-web\` y \`journalctl -u nicoreparaciones-web\`, y corré deploy/deploy.sh de nuevo." ;;
    up)
      err "Deploy detenido en 'up': no se pudo salir del modo mantenimiento. Revisá el error y corré \`$bin up\` a mano." ;;
    node\ *)
      err "Deploy detenido en '$step': ese nodo no volvió sano. Los nodos anteriores ya corren la versión nueva y los siguientes la anterior; el sitio sigue atendiendo con los nodos sanos (no hubo modo mantenimiento). Revisá ese nodo (\`journalctl -u nicoreparaciones-web\`), corregilo y corré deploy/deploy.sh --rolling de nuevo." ;;
    *)
      err "Deploy detenido en '$step': el sitio puede seguir en mantenimiento. Revisá el error y corré deploy/deploy.sh de nuevo o \`$bin up\`." ;;
  esac
}

on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -n "$CURRENT_STEP" ]; then
    report_failure "$CURRENT_STEP"
    exit 1  # whatever the failed command returned, a stopped deploy is exit 1
  fi
}

begin_step() {
  CURRENT_STEP=$1
  STEP_NUMBER=$((STEP_NUMBER + 1))
  say "==> [$STEP_NUMBER/$TOTAL_STEPS] $1: $2"
}

maintenance_flag() {
  printf '%s/storage/framework/down' "${NICO_BASE_PATH:-$APP_DIR}"
}

# ---------------------------------------------------------------------------------------------------------
# Steps. Each one either succeeds or fails the script (set -e); on_exit prints the message for CURRENT_STEP.

step_preflight() {
  CURRENT_STEP=preflight
  if [ ! -x "$NICO_BIN" ]; then
    err "No encuentro el binario ejecutable '$NICO_BIN' en $APP_DIR (NICO_BIN). La primera vez compilá a mano: make build-nico."
    return 1
  fi
  # root would leave root-owned files in storage/ (SQLite journal, logs, frozen configuration) that the
  # services, running as their own user, can no longer write.
  local storage="${NICO_BASE_PATH:-$APP_DIR}/storage" owner
  if [ "$(id -u)" -eq 0 ] && [ -d "$storage" ]; then
    owner=$(stat -c %U "$storage")
    if [ "$owner" != "root" ]; then
      err "No corras el deploy como root: storage/ es de '$owner'. Usá: sudo -u $owner deploy/deploy.sh"
      return 1
    fi
  fi
  # storage/logs is shared by group (deploy/tmpfiles/nicoreparaciones.conf): keep it setgid and group-writable, and
  # say so when someone else's files are in it (the app then logs to journalctl until they are fixed).
  if [ -d "$storage/logs" ] && [ -O "$storage/logs" ]; then chmod 2770 "$storage/logs" 2>/dev/null || true; fi
  local foreign
  foreign=$(find "$storage/logs" -maxdepth 1 -type f ! -user "$(id -un)" ! -perm -g+w 2>/dev/null | head -n 3 | tr '\n' ' ' || true)
  if [ -n "$foreign" ]; then
    say "    Aviso: hay logs de otro usuario que este no puede escribir en storage/logs ($foreign): la app escribe en journalctl hasta que los arregles (chown -R $(id -un): storage/logs; ver docs/OPERACION_PRODUCCION.md §6)."
  fi
  # One deploy at a time.
  mkdir -p "$storage/framework"
  exec 9>"${NICO_BASE_PATH:-$APP_DIR}/storage/framework/deploy.lock"
  if ! flock -n 9; then
    err "Ya hay otro deploy en curso en $APP_DIR."
    return 1
  fi
}

step_down() {
  begin_step down "nico down --render=errors::503 --retry=$NICO_DOWN_RETRY"
  if [ -e "$(maintenance_flag)" ]; then
    say "    El sitio ya estaba en mantenimiento (¿quedó de un deploy anterior?): sigue así, no se vuelve a llamar a nico down."
    return 0
  fi
  nico down --render=errors::503 --retry="$NICO_DOWN_RETRY"
}

step_build() {
  begin_step build "$NICO_BUILD_CMD"
  bash -c "$NICO_BUILD_CMD" 9>&-
}

step_migrate() {
  begin_step migrate "nico migrate --force"
  nico migrate --force
}

step_optimize() {
  begin_step optimize "nico optimize"
  nico optimize
}

# Systemd units of this app that are running now (only those get restarted).
active_units() {
  command -v systemctl >/dev/null 2>&1 || return 0
  local unit
  for unit in $NICO_SYSTEMD_UNITS; do
    if systemctl is-active --quiet "$unit" 2>/dev/null; then printf '%s\n' "$unit"; fi
  done
}

step_restart() {
  begin_step restart "reiniciar los servicios con el binario nuevo"
  if [ "$NICO_RESTART_CMD" != "auto" ]; then
    bash -c "$NICO_RESTART_CMD" 9>&-
    return
  fi
  local units
  units=$(active_units)
  if [ -z "$units" ]; then
    say "    Aviso: no hay servicios nicoreparaciones-* activos. Si corrés \`nico serve\` a mano, reinicialo para usar la versión nueva."
    return 0
  fi
  # One unit per call, so a sudoers rule can list the exact commands (docs/OPERACION_PRODUCCION.md §5).
  local -a systemctl=(systemctl)
  if [ "$(id -u)" -ne 0 ]; then systemctl=(sudo -n systemctl); fi
  local unit
  for unit in $units; do
    "${systemctl[@]}" restart "$unit" 9>&-
    say "    Reiniciado: $unit"
  done
}

step_up() {
  begin_step up "nico up"
  nico up
}

# {node} and {addr} of one NICO_ROLLING_NODES entry substituted into a command template.
node_command() { # $1 template, $2 name, $3 address
  local text=${1//\{node\}/$2}
  printf '%s' "${text//\{addr\}/$3}"
}

step_node() { # $1 = NAME or NAME=ADDRESS
  local name=${1%%=*} addr=${1#*=}
  begin_step "node $name" "reiniciar $name y esperar a que responda sano"
  bash -c "$(node_command "$NICO_NODE_RESTART_CMD" "$name" "$addr")" 9>&-
  local check
  if [ -n "$NICO_NODE_CHECK_CMD" ]; then
    check=$(node_command "$NICO_NODE_CHECK_CMD" "$name" "$addr")
  else
    check="[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 'http://$addr/up')\" = 200 ]"
  fi
  local deadline=$((SECONDS + NICO_NODE_UP_TIMEOUT))
  until bash -c "$check" 9>&- >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      err "El nodo $name no respondió sano en ${NICO_NODE_UP_TIMEOUT} s ($check)."
      return 1
    fi
    sleep 0.5
  done
  say "    $name en línea."
}

step_health() {
  local args=(--strict)
  [ "$NICO_HEALTH_STRICT" = 0 ] && args=()
  begin_step health "nico ops:health-check ${args[*]}"
  CURRENT_STEP=""  # its failure is reported here, not as a stopped deploy
  if ! nico ops:health-check "${args[@]}"; then
    err "Deploy terminado pero el health check estricto falló: el sitio está EN LÍNEA pero no está sano. Revisá las filas WARN/FAIL de arriba, corregí y verificá con \`$(nico_hint) ops:health-check --strict\` (si hace falta, volvé a mantenimiento con \`$(nico_hint) down\`)."
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------------------

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --app-dir) [ $# -ge 2 ] || { err "--app-dir necesita una carpeta"; exit 2; }; APP_DIR=$2; shift 2 ;;
      --app-dir=*) APP_DIR=${1#--app-dir=}; shift ;;
      -h|--help) usage; exit 0 ;;
      --rolling) ROLLING=1; shift ;;
      *) err "Opción desconocida: $1 (ver deploy/deploy.sh --help)"; exit 2 ;;
    esac
  done
}

main() {
  parse_args "$@"
  if [ ! -d "$APP_DIR" ]; then err "La carpeta de la app no existe: $APP_DIR"; exit 2; fi
  cd "$APP_DIR"
  APP_DIR=$PWD
  trap on_exit EXIT

  local started=$SECONDS
  if [ "$ROLLING" -eq 1 ]; then
    main_rolling
    say "Deploy rolling terminado en $((SECONDS - started)) s: todos los nodos con la versión nueva y health check OK."
    return
  fi
  say "Deploy de NicoReparaciones en $APP_DIR"
  step_preflight
  step_down
  step_build
  step_migrate
  step_optimize
  step_restart
  step_up
  CURRENT_STEP=""
  step_health || exit 1
  say "Deploy terminado en $((SECONDS - started)) s: sitio en línea y health check estricto OK."
}

main_rolling() {
  if [ -z "$NICO_ROLLING_NODES" ] || [ -z "$NICO_NODE_RESTART_CMD" ]; then
    err "--rolling necesita NICO_ROLLING_NODES (los nodos, en orden) y NICO_NODE_RESTART_CMD (cómo reiniciar cada uno); ver deploy/deploy.sh --help."
    exit 2
  fi
  local -a nodes
  read -r -a nodes <<<"$NICO_ROLLING_NODES"
  TOTAL_STEPS=$((4 + ${#nodes[@]}))
  say "Deploy rolling de NicoReparaciones desde $APP_DIR: ${#nodes[@]} nodo(s), uno por vez, sin modo mantenimiento"
  step_preflight
  step_build
  step_migrate
  step_optimize
  local node
  for node in "${nodes[@]}"; do step_node "$node"; done
  CURRENT_STEP=""
  step_health || exit 1
}

main "$@"
