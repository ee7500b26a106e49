#!/usr/bin/env bash
# `make bench-restore`: recovery time on a big SQLite database (issue 17 item 10). Seeds a database with
# `nico bench:seed` (~1 GB with the default counts), takes a database snapshot with `nico ops:backup --only=db`, then
# times `ops:backup:verify`, the restore drill (`ops:restore <snap> --drill`) and a live restore over the database
# while in maintenance (`nico down`), and prints one line per step with its wall time.
# Not part of `make test` (numbers are not assertions). Nothing listens on the network.
#
# Knobs (environment):
#   BENCH_RESTORE_REPAIRS / _ORDERS / _USERS / _PRODUCTS  data set (default 800000 / 200000 / 40000 / 4000 ≈ 1 GB)
#   BENCH_RESTORE_DB      seed cache: seeded once into this file, copied on later runs
#                         (default /tmp/nico-bench-restore-seed.sqlite; remove it to reseed)
#   BENCH_RESTORE_ENCRYPT 1 = set OPS_BACKUP_ENCRYPTION_KEY, so the snapshot is encrypted (default 0)
#   BENCH_RESTORE_WORK    folder for the run (default a fresh /tmp/nico-bench-restore.XXXXXX, removed at the end)
#   BENCH_RESTORE_NICO    a nico binary to measure instead of building this tree's (e.g. a copy of an older build)
#   BUILD_DIR             default build
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
BUILD_DIR=${BUILD_DIR:-build}
REPAIRS=${BENCH_RESTORE_REPAIRS:-800000}
ORDERS=${BENCH_RESTORE_ORDERS:-200000}
USERS=${BENCH_RESTORE_USERS:-40000}
PRODUCTS=${BENCH_RESTORE_PRODUCTS:-4000}
SEED_CACHE=${BENCH_RESTORE_DB:-/tmp/nico-bench-restore-seed.sqlite}
ENCRYPT=${BENCH_RESTORE_ENCRYPT:-0}

command -v sqlite3 >/dev/null || { echo "bench-restore: sqlite3 is missing (run scripts/install-deps.sh)" >&2; exit 1; }

if [ -n "${BENCH_RESTORE_NICO:-}" ]; then
  NICO=$(realpath "$BENCH_RESTORE_NICO")
else
  echo "==> build (Release)"
  [ -f "$BUILD_DIR/build.ninja" ] || cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  ninja -C "$BUILD_DIR" nico >/dev/null
  NICO=$REPO/$BUILD_DIR/nico
fi

if [ -n "${BENCH_RESTORE_WORK:-}" ]; then
  WORK=$BENCH_RESTORE_WORK
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/nico-bench-restore.XXXXXX)
fi
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

export NICO_BASE_PATH=$WORK NICO_RESOURCE_PATH=$REPO
export APP_ENV=local APP_DEBUG=false LOG_LEVEL=warning
export DB_CONNECTION=sqlite DB_DATABASE=$WORK/database.sqlite
export OPS_BACKUP_PATH=$WORK/backups OPS_BACKUP_RETENTION_DAYS=0
APP_KEY=$("$NICO" key:generate --show 2>/dev/null || true)
if [ -z "$APP_KEY" ]; then APP_KEY="base64:$(head -c 32 /dev/urandom | base64)"; fi
export APP_KEY
if [ "$ENCRYPT" = 1 ]; then export OPS_BACKUP_ENCRYPTION_KEY="base64:$(head -c 32 /dev/urandom | base64)"; fi

echo "==> database ($REPAIRS repairs, $ORDERS orders, $USERS users, $PRODUCTS products)"
if [ -f "$SEED_CACHE" ]; then
  echo "    (reusing $SEED_CACHE)"
  cp "$SEED_CACHE" "$DB_DATABASE"
  "$NICO" migrate --force >/dev/null
else
  "$NICO" migrate --force >/dev/null
  "$NICO" db:seed >/dev/null
  "$NICO" bench:seed --products="$PRODUCTS" --repairs="$REPAIRS" --orders="$ORDERS" --users="$USERS" | tail -1
  sqlite3 "$DB_DATABASE" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  cp "$DB_DATABASE" "$SEED_CACHE"
fi
SIZE=$(stat -c %s "$DB_DATABASE")
echo "    $(( SIZE / 1048576 )) MiB"

# step NAME COMMAND…: runs the command (output in $WORK/NAME.log), prints its wall time, stops the bench on failure.
RESULTS=()
step() {
  local name=$1
  shift
  local started ended
  started=$(date +%s%N)
  if ! "$@" >"$WORK/$name.log" 2>&1; then
    echo "bench-restore: $name failed:" >&2
    cat "$WORK/$name.log" >&2
    exit 1
  fi
  ended=$(date +%s%N)
  local ms=$(( (ended - started) / 1000000 ))
  RESULTS+=("$name $ms")
  printf '    %-14s %7.1f s\n' "$name" "$(echo "$ms / 1000" | bc -l)"
  # The command's own per-step lines ("Database: … (3.2 s)"): where the time went.
  grep -E '\([0-9.]+ s\)$' "$WORK/$name.log" | sed 's/^/        /' || true
}

# The page cache is shared by every step: drop what it can (needs root; a no-op otherwise) so each step reads from
# the disk like after a night of other work. Without root the numbers are warm-cache numbers.
drop_caches() { sync; echo 1 >/proc/sys/vm/drop_caches 2>/dev/null || true; }

echo "==> steps"
drop_caches
step backup "$NICO" ops:backup --only=db
SNAPSHOT=$(ls -1 "$OPS_BACKUP_PATH" | grep '^backup_' | sort | tail -1)
drop_caches
step verify "$NICO" ops:backup:verify "$SNAPSHOT"
drop_caches
step drill "$NICO" ops:restore "$SNAPSHOT" --drill
"$NICO" down >/dev/null
drop_caches
# `--into=<live file> --force` restores over the live database on every version (`--force` alone does too after
# issue 17 item 1); the command refuses unless the app is in maintenance.
step live-restore "$NICO" ops:restore "$SNAPSHOT" --into="$DB_DATABASE" --force
"$NICO" up >/dev/null
grep -q "Database restored into SQLite file" "$WORK/live-restore.log" || { echo "bench-restore: the live restore did not restore" >&2; cat "$WORK/live-restore.log" >&2; exit 1; }

verify_ms=0 restore_ms=0
for result in "${RESULTS[@]}"; do
  set -- $result
  [ "$1" = verify ] && verify_ms=$2
  [ "$1" = live-restore ] && restore_ms=$2
done
printf '==> verify + live restore of %d MiB: %.1f s (encrypted: %s)\n' "$(( SIZE / 1048576 ))" \
  "$(echo "($verify_ms + $restore_ms) / 1000" | bc -l)" "$([ "$ENCRYPT" = 1 ] && echo yes || echo no)"
