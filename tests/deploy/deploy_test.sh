#!/usr/bin/env bash
# Tests for deploy/deploy.sh against a fake `nico` (no build, no database, no systemd).
# The fake records every call in a log, implements `down`/`up` with the real flag file
# (storage/framework/down) and fails the command named in FAKE_NICO_FAIL_AT.
# Run: bash tests/deploy/deploy_test.sh   (last line: "N passed, N failed"; exit 1 when something failed)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
deploy_script=$(cd "$here/../.." && pwd)/deploy/deploy.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/nico-deploy-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
current=""

pass() { passed=$((passed + 1)); printf '  ok    %s: %s\n' "$current" "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s: %s\n' "$current" "$1"; }
check() {  # check "description" command...
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

# ---------------------------------------------------------------------------------------------------------
# Fixture: a fresh app directory with the fake nico in build/nico.

fake_nico() {
  cat <<'EOF'
#!/usr/bin/env bash
# Fake nico for tests/deploy: logs the call, then behaves like the real command as far as deploy.sh cares.
printf '%s\n' "$*" >>"$FAKE_NICO_LOG"
cmd=${1:-}
if [ -n "${FAKE_NICO_FAIL_AT:-}" ] && [ "$cmd" = "$FAKE_NICO_FAIL_AT" ]; then
  echo "fake nico: $cmd failed on purpose" >&2
  exit 1
fi
case "$cmd" in
  down) mkdir -p storage/framework && printf 'retry=60\n' >storage/framework/down ;;
  up) rm -f storage/framework/down ;;
  ops:health-check) echo "Summary: 25 OK, 0 WARN, 0 FAIL" ;;
esac
exit 0
EOF
}

new_app() {
  app=$(mktemp -d "$work/app.XXXXXX")
  mkdir -p "$app/build"
  fake_nico >"$app/build/nico"
  chmod +x "$app/build/nico"
  log="$app/calls.log"
  : >"$log"
  out="$app/out.txt"
}

# Runs deploy.sh in $app with the given extra environment; sets $rc, output in $out (stdout+stderr).
run_deploy() {
  (
    cd "$app" || exit 99
    env -u APP_DIR -u NICO_BIN FAKE_NICO_LOG="$log" NICO_BUILD_CMD=true NICO_RESTART_CMD=true "$@" \
      bash "$deploy_script"
  ) >"$out" 2>&1
  rc=$?
}

calls() { cat "$log"; }
flag_present() { [ -e "$app/storage/framework/down" ]; }
flag_absent() { [ ! -e "$app/storage/framework/down" ]; }
output_has() { grep -qF -- "$1" "$out"; }
output_lacks() { ! grep -qF -- "$1" "$out"; }
log_has_no() { ! grep -q -- "$1" "$log"; }
log_equals() { [ "$(calls)" = "$1" ]; }

show_on_failure() {
  if [ "$failed" -gt "$1" ]; then
    echo "    --- calls:"; sed 's/^/    | /' "$log"
    echo "    --- output:"; sed 's/^/    | /' "$out"
  fi
}

# ---------------------------------------------------------------------------------------------------------

test_success_path() {
  current="success"; local before=$failed
  new_app
  run_deploy NICO_BUILD_CMD="echo build >>'$log'" NICO_RESTART_CMD="echo restart >>'$log'"
  check "exit 0" [ "$rc" -eq 0 ]
  check "steps in order: down, build, migrate --force, optimize, restart, up, ops:health-check --strict" \
    log_equals "$(printf '%s\n' 'down --render=errors::503 --retry=60' build 'migrate --force' optimize restart up \
      'ops:health-check --strict')"
  check "maintenance flag removed at the end" flag_absent
  check "says the deploy finished" output_has "Deploy terminado"
  show_on_failure "$before"
}

test_build_command_default_quiet() {
  current="NICO_BUILD_CMD=true"; local before=$failed
  new_app
  run_deploy
  check "exit 0" [ "$rc" -eq 0 ]
  check "nico called: down, migrate --force, optimize, up, ops:health-check --strict" \
    log_equals "$(printf '%s\n' 'down --render=errors::503 --retry=60' 'migrate --force' optimize up 'ops:health-check --strict')"
  check "flag removed" flag_absent
  show_on_failure "$before"
}

test_migrate_fails() {
  current="migrate fails"; local before=$failed
  new_app
  run_deploy FAKE_NICO_FAIL_AT=migrate
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "site stays in maintenance (flag present)" flag_present
  check "optimize never called" log_has_no '^optimize'
  check "up never called" log_has_no '^up'
  check "health check never called" log_has_no '^ops:health-check'
  check "message names 'migrate'" output_has "Deploy detenido en 'migrate'"
  check "message says the site is still in maintenance" output_has "sigue en mantenimiento"
  check "exactly one 'Deploy detenido' line" [ "$(grep -c 'Deploy detenido' "$out")" -eq 1 ]
  show_on_failure "$before"

  current="re-run after the failure"; before=$failed
  : >"$log"
  run_deploy
  check "exit 0" [ "$rc" -eq 0 ]
  check "down not called again (already in maintenance)" log_has_no '^down'
  check "says it was already in maintenance" output_has "ya estaba en mantenimiento"
  check "migrate, optimize, up, health check called" \
    log_equals "$(printf '%s\n' 'migrate --force' optimize up 'ops:health-check --strict')"
  check "flag removed" flag_absent
  show_on_failure "$before"
}

test_health_check_fails() {
  current="health check fails"; local before=$failed
  new_app
  run_deploy FAKE_NICO_FAIL_AT=ops:health-check
  check "exit 1" [ "$rc" -eq 1 ]
  check "says the site is up but unhealthy" output_has "EN LÍNEA pero no está sano"
  check "flag removed (site is up)" flag_absent
  check "every step ran" \
    log_equals "$(printf '%s\n' 'down --render=errors::503 --retry=60' 'migrate --force' optimize up 'ops:health-check --strict')"
  check "no 'Deploy detenido' line (the deploy itself completed)" output_lacks "Deploy detenido"
  show_on_failure "$before"
}

test_build_fails() {
  current="build fails"; local before=$failed
  new_app
  run_deploy NICO_BUILD_CMD="exit 3"
  check "exit 1 (whatever the build returned)" [ "$rc" -eq 1 ]
  check "flag present" flag_present
  check "migrate never called" log_has_no '^migrate'
  check "message names 'build'" output_has "Deploy detenido en 'build'"
  show_on_failure "$before"
}

test_optimize_fails() {
  current="optimize fails"; local before=$failed
  new_app
  run_deploy FAKE_NICO_FAIL_AT=optimize
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "flag present" flag_present
  check "up never called" log_has_no '^up'
  check "message names 'optimize'" output_has "Deploy detenido en 'optimize'"
  show_on_failure "$before"
}

test_restart_fails() {
  current="restart fails"; local before=$failed
  new_app
  run_deploy NICO_RESTART_CMD=false
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "flag present" flag_present
  check "up never called" log_has_no '^up'
  check "message names 'restart'" output_has "Deploy detenido en 'restart'"
  show_on_failure "$before"
}

test_down_fails() {
  current="down fails"; local before=$failed
  new_app
  run_deploy FAKE_NICO_FAIL_AT=down
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "site not put in maintenance" flag_absent
  check "build/migrate never ran" log_equals "down --render=errors::503 --retry=60"
  check "message names 'down'" output_has "Deploy detenido en 'down'"
  show_on_failure "$before"
}

test_up_fails() {
  current="up fails"; local before=$failed
  new_app
  run_deploy FAKE_NICO_FAIL_AT=up
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "health check never called" log_has_no '^ops:health-check'
  check "message names 'up'" output_has "Deploy detenido en 'up'"
  show_on_failure "$before"
}

test_app_dir_option_and_env() {
  current="--app-dir"; local before=$failed
  new_app
  (cd "$work" && env -u APP_DIR -u NICO_BIN FAKE_NICO_LOG="$log" NICO_BUILD_CMD=true NICO_RESTART_CMD=true \
    bash "$deploy_script" --app-dir "$app") >"$out" 2>&1
  rc=$?
  check "exit 0 when run from elsewhere with --app-dir" [ "$rc" -eq 0 ]
  check "flag handled inside the app dir" flag_absent
  check "nico ran in the app dir (no stray flag in cwd)" [ ! -e "$work/storage/framework/down" ]
  show_on_failure "$before"

  current="APP_DIR + NICO_BIN"; before=$failed
  new_app
  mv "$app/build/nico" "$app/other-nico"
  (cd "$work" && FAKE_NICO_LOG="$log" APP_DIR="$app" NICO_BIN="$app/other-nico" NICO_BUILD_CMD=true \
    NICO_RESTART_CMD=true bash "$deploy_script") >"$out" 2>&1
  rc=$?
  check "exit 0 with APP_DIR and an absolute NICO_BIN" [ "$rc" -eq 0 ]
  check "the fake was used" [ "$(wc -l <"$log")" -eq 5 ]
  show_on_failure "$before"
}

test_missing_binary() {
  current="missing binary"; local before=$failed
  new_app
  rm "$app/build/nico"
  run_deploy
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "site not put in maintenance" flag_absent
  check "names the binary" output_has "build/nico"
  show_on_failure "$before"
}

test_usage_errors() {
  current="usage"; local before=$failed
  new_app
  (cd "$app" && FAKE_NICO_LOG="$log" NICO_BUILD_CMD=true NICO_RESTART_CMD=true bash "$deploy_script" --rolling) \
    >"$out" 2>&1
  rc=$?
  check "--rolling without NICO_ROLLING_NODES is refused with exit 2" [ "$rc" -eq 2 ]
  check "--rolling without nodes touched nothing" [ ! -s "$log" ]
  (cd "$app" && bash "$deploy_script" --bogus) >"$out" 2>&1
  rc=$?
  check "unknown option exits 2" [ "$rc" -eq 2 ]
  (cd "$app" && bash "$deploy_script" --help) >"$out" 2>&1
  rc=$?
  check "--help exits 0 and lists the steps" [ "$rc" -eq 0 ]
  check "--help mentions NICO_BUILD_CMD" output_has "NICO_BUILD_CMD"
  show_on_failure "$before"
}

test_concurrent_deploy_refused() {
  current="lock"; local before=$failed
  new_app
  mkdir -p "$app/storage/framework"
  (
    exec 8>"$app/storage/framework/deploy.lock"
    flock 8
    run_deploy
    echo "$rc" >"$app/rc"
  )
  rc=$(cat "$app/rc")
  check "a second deploy while one runs exits non-zero" [ "$rc" -ne 0 ]
  check "it called nothing" [ ! -s "$log" ]
  check "it says another deploy is running" output_has "otro deploy en curso"
  show_on_failure "$before"
}

fake_systemd_tools() {  # fake systemctl and sudo in $1; restarts are logged to $FAKE_NICO_LOG
  local dir=$1
  mkdir -p "$dir"
  cat >"$dir/systemctl" <<'EOF'
#!/usr/bin/env bash
# Fake systemctl: units in FAKE_ACTIVE_UNITS are active; restart is logged.
case "$1" in
  is-active) for u in $FAKE_ACTIVE_UNITS; do [ "$u" = "${*: -1}" ] && exit 0; done; exit 3 ;;
  restart) printf 'systemctl %s\n' "$*" >>"$FAKE_NICO_LOG"; exit "${FAKE_SYSTEMCTL_RC:-0}" ;;
  *) exit 1 ;;
esac
EOF
  cat >"$dir/sudo" <<'EOF'
#!/usr/bin/env bash
[ "$1" = "-n" ] && shift
exec "$@"
EOF
  chmod +x "$dir/systemctl" "$dir/sudo"
}

test_auto_restart() {
  current="auto restart"; local before=$failed
  new_app
  fake_systemd_tools "$app/bin"
  run_deploy NICO_RESTART_CMD=auto PATH="$app/bin:$PATH" \
    FAKE_ACTIVE_UNITS="nicoreparaciones-web.service nicoreparaciones-queue.service"
  check "exit 0" [ "$rc" -eq 0 ]
  check "restarts each active unit, after optimize and before up" \
    log_equals "$(printf '%s\n' 'down --render=errors::503 --retry=60' 'migrate --force' optimize \
      'systemctl restart nicoreparaciones-web.service' 'systemctl restart nicoreparaciones-queue.service' up \
      'ops:health-check --strict')"
  show_on_failure "$before"

  current="auto restart, no units"; before=$failed
  new_app
  fake_systemd_tools "$app/bin"
  run_deploy NICO_RESTART_CMD=auto PATH="$app/bin:$PATH" FAKE_ACTIVE_UNITS=""
  check "exit 0" [ "$rc" -eq 0 ]
  check "restarts nothing" log_has_no '^systemctl'
  check "warns that nothing was restarted" output_has "no hay servicios nicoreparaciones-* activos"
  show_on_failure "$before"

  current="auto restart fails"; before=$failed
  new_app
  fake_systemd_tools "$app/bin"
  run_deploy NICO_RESTART_CMD=auto PATH="$app/bin:$PATH" FAKE_ACTIVE_UNITS="nicoreparaciones-web.service" \
    FAKE_SYSTEMCTL_RC=1
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "flag present" flag_present
  check "up never called" log_has_no '^up'
  check "message names 'restart'" output_has "Deploy detenido en 'restart'"
  show_on_failure "$before"
}

test_root_with_foreign_storage() {
  current="root refused"; local before=$failed
  if [ "$(id -u)" -ne 0 ] || ! id nobody >/dev/null 2>&1; then
    echo "  skip  $current: needs root and the user nobody"
    return
  fi
  new_app
  mkdir -p "$app/storage"
  chown nobody "$app/storage"
  run_deploy
  check "exit non-zero" [ "$rc" -ne 0 ]
  check "called nothing" [ ! -s "$log" ]
  check "tells to run it as the owner of storage/" output_has "sudo -u nobody deploy/deploy.sh"
  show_on_failure "$before"
}

# Rolling: two nodes; restart and health check of each node are logged by the commands themselves.
rolling_env() {
  printf '%s\n' NICO_ROLLING_NODES="web1=10.0.0.11:8000 web2=10.0.0.12:8000" \
    NICO_NODE_RESTART_CMD="echo restart {node} {addr} >>'$log'" \
    NICO_NODE_CHECK_CMD="echo check {node} >>'$log'"
}

run_rolling() {
  (
    cd "$app" || exit 99
    mapfile -t extra < <(rolling_env)
    env -u APP_DIR -u NICO_BIN FAKE_NICO_LOG="$log" NICO_BUILD_CMD="echo build >>'$log'" "${extra[@]}" "$@" \
      bash "$deploy_script" --rolling
  ) >"$out" 2>&1
  rc=$?
}

test_rolling_success() {
  current="rolling"; local before=$failed
  new_app
  run_rolling
  check "exit 0" [ "$rc" -eq 0 ]
  check "build, migrate once, optimize, then each node restarted and checked before the next, then health" \
    log_equals "$(printf '%s\n' build 'migrate --force' optimize 'restart web1 10.0.0.11:8000' 'check web1' \
      'restart web2 10.0.0.12:8000' 'check web2' 'ops:health-check --strict')"
  check "never calls nico down or up" log_has_no '^down\|^up'
  check "maintenance flag never written" flag_absent
  check "says the rolling deploy finished" output_has "Deploy rolling terminado"
  show_on_failure "$before"

  current="rolling, NICO_HEALTH_STRICT=0"; before=$failed
  new_app
  run_rolling NICO_HEALTH_STRICT=0
  check "exit 0" [ "$rc" -eq 0 ]
  check "health check without --strict" [ "$(tail -n 1 "$log")" = "ops:health-check" ]
  show_on_failure "$before"
}

test_rolling_node_never_healthy() {
  current="rolling, second node never healthy"; local before=$failed
  new_app
  run_rolling NICO_NODE_CHECK_CMD="echo check {node} >>'$log'; [ {node} != web2 ]" NICO_NODE_UP_TIMEOUT=1
  check "exit 1" [ "$rc" -eq 1 ]
  check "first node restarted and checked" grep -qx 'check web1' "$log"
  check "second node restarted" grep -qx 'restart web2 10.0.0.12:8000' "$log"
  check "health check never called" log_has_no '^ops:health-check'
  check "never calls nico down" log_has_no '^down'
  check "message names the node" output_has "Deploy detenido en 'node web2'"
  check "message says the other nodes keep serving" output_has "sigue atendiendo con los nodos sanos"
  show_on_failure "$before"
}

test_rolling_migrate_fails() {
  current="rolling, migrate fails"; local before=$failed
  new_app
  run_rolling FAKE_NICO_FAIL_AT=migrate
  check "exit 1" [ "$rc" -eq 1 ]
  check "no node restarted" log_has_no '^restart'
  check "message says no node was restarted" output_has "todavía no se reinició ningún nodo"
  check "site never put in maintenance" flag_absent
  show_on_failure "$before"
}

echo "deploy/deploy.sh tests"
test_success_path
test_build_command_default_quiet
test_migrate_fails
test_health_check_fails
test_build_fails
test_optimize_fails
test_restart_fails
test_down_fails
test_up_fails
test_app_dir_option_and_env
test_missing_binary
test_usage_errors
test_concurrent_deploy_refused
test_auto_restart
test_root_with_foreign_storage
test_rolling_success
test_rolling_node_never_healthy
test_rolling_migrate_fails

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
