#!/usr/bin/env bash
# `make bench`: builds Release, seeds a fresh database with the benchmark data set, starts `nico serve`
# and measures each scenario with wrk, plus a private nginx serving the same bytes as static files (the
# physical limit of this machine). Writes bench/results/latest.json and prints the Markdown table.
# Not part of `make test` (numbers are not assertions). Everything runs on 127.0.0.1 and is stopped at the end.
#
# Knobs (environment): BENCH_PRODUCTS BENCH_REPAIRS BENCH_ORDERS BENCH_USERS (data set), BENCH_DURATION (s per
# scenario, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (default 32), BUILD_DIR (default build).
# BENCH_DB_ENGINE=mariadb runs the same scenarios on a throwaway MariaDB (scripts/with-mariadb.sh).
# BENCH_ACCEPT_ENCODING: the Accept-Encoding header of every request (default a browser's, "gzip, deflate, br, zstd":
# kept guest pages are answered compressed, and nginx gets the same compressed bytes; "" measures plain answers).
# BENCH_QUICK=1: a smaller data set (20,000 repairs) and 4 s per scenario, for iterations (not for the record).
# While optimising: BENCH_ONLY=up,store (comma list of scenarios; no table, only their raw JSON and no cold start)
# and BENCH_DB=/tmp/bench-seeded.sqlite (seed once into that file, then copy and `migrate` it on later runs).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
ENGINE=${BENCH_DB_ENGINE:-sqlite}
case "$ENGINE" in
  sqlite) ;;
  mariadb)
    # Re-run this script inside a throwaway MariaDB server (it exports DB_CONNECTION=mariadb and the credentials).
    if [ "${DB_CONNECTION:-}" != mariadb ]; then exec bash scripts/with-mariadb.sh bash "$0" "$@"; fi ;;
  *) echo "bench: BENCH_DB_ENGINE must be sqlite or mariadb" >&2; exit 2 ;;
esac
if [ -n "${BENCH_QUICK:-}" ]; then
  : "${BENCH_REPAIRS:=20000}" "${BENCH_ORDERS:=5000}" "${BENCH_USERS:=2000}" "${BENCH_DURATION:=4}" "${BENCH_WARMUP:=1}"
fi
BUILD_DIR=${BUILD_DIR:-build}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=2
PRODUCTS=${BENCH_PRODUCTS:-1000}
REPAIRS=${BENCH_REPAIRS:-200000}
ORDERS=${BENCH_ORDERS:-50000}
USERS=${BENCH_USERS:-10000}
ONLY=${BENCH_ONLY:-}
export BENCH_ACCEPT_ENCODING=${BENCH_ACCEPT_ENCODING-gzip, deflate, br, zstd}
SEED_CACHE=${BENCH_DB:-}

for tool in wrk curl sqlite3 node nginx; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
done

echo "==> build (Release)"
[ -f "$BUILD_DIR/build.ninja" ] || cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$BUILD_DIR" nico >/dev/null
NICO=$REPO/$BUILD_DIR/nico

WORK=$(mktemp -d /tmp/nico-bench.XXXXXX)
SERVER_PID=
NGINX_PID=
NGINX_DIR=
cleanup() {
  for pid in $SERVER_PID $NGINX_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
  if [ -n "$NGINX_DIR" ]; then rm -rf "$NGINX_DIR"; fi
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
export NICO_BASE_PATH=$WORK NICO_RESOURCE_PATH=$REPO
export APP_ENV=local APP_DEBUG=false APP_URL=$BASE LOG_LEVEL=warning
if [ "$ENGINE" = sqlite ]; then export DB_CONNECTION=sqlite DB_DATABASE=$WORK/bench.sqlite; else SEED_CACHE=; fi
export SERVER_HOST=127.0.0.1 SERVER_PORT=$PORT
export ADMIN_EMAIL=bench-admin@nico.test ADMIN_PASSWORD=bench-admin-password
# The limiters would (rightly) stop one client hammering the lookup and the admin panel; raise them for the run.
export RATE_LIMIT_REPAIR_LOOKUP_PER_MINUTE=1000000 RATE_LIMIT_ADMIN_REQUESTS_PER_MINUTE=1000000
APP_KEY=$("$NICO" key:generate --show 2>/dev/null || true)
if [ -z "$APP_KEY" ]; then APP_KEY="base64:$(head -c 32 /dev/urandom | base64)"; fi
export APP_KEY

echo "==> database: migrate, default seed, benchmark data ($PRODUCTS products, $REPAIRS repairs, $ORDERS orders, $USERS users)"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
seed_started=$(date +%s%N)
if [ -n "$SEED_CACHE" ] && [ -f "$SEED_CACHE" ]; then
  echo "    (reusing $SEED_CACHE)"
  cp "$SEED_CACHE" "$DB_DATABASE"
  "$NICO" migrate --force >/dev/null
else
  "$NICO" migrate --force >/dev/null
  "$NICO" db:seed >/dev/null
  "$NICO" bench:seed --products="$PRODUCTS" --repairs="$REPAIRS" --orders="$ORDERS" --users="$USERS"
  if [ -n "$SEED_CACHE" ]; then sqlite3 "$DB_DATABASE" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null; cp "$DB_DATABASE" "$SEED_CACHE"; fi
fi
SEED_MS=$(( ($(date +%s%N) - seed_started) / 1000000 ))

if [ -z "$ONLY" ]; then
  echo "==> cold start"
  COLD=$(node bench/cold_start.mjs "$NICO" "$PORT" 5)
fi

echo "==> serve on $BASE"
"$NICO" serve >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 200); do
  curl -fs -o /dev/null "$BASE/up" && break
  sleep 0.05
done
curl -fs -o /dev/null "$BASE/up" || { echo "bench: server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }

if [ "$ENGINE" = sqlite ]; then
  sql() { sqlite3 -noheader "$WORK/bench.sqlite" "$1"; }
else
  sql() { $MARIADB_ROOT_CLI -N -B "$DB_DATABASE" -e "$1"; }
fi
PRODUCT_SLUG=$(sql "SELECT p.slug FROM products p JOIN categories c ON c.id = p.category_id WHERE p.active = 1 AND c.active = 1 AND p.stock > 0 ORDER BY p.id LIMIT 1 OFFSET 17")
CATEGORY_SLUG=$(sql "SELECT slug FROM categories WHERE active = 1 ORDER BY id DESC LIMIT 1")
REPAIR_COUNT=$(sql "SELECT COUNT(*) FROM repairs")
LOOKUP_OFFSET=$((123456 % REPAIR_COUNT))
LOOKUP_CODE=$(sql "SELECT code FROM repairs ORDER BY id LIMIT 1 OFFSET $LOOKUP_OFFSET")
LOOKUP_PHONE=$(sql "SELECT customer_phone FROM repairs ORDER BY id LIMIT 1 OFFSET $LOOKUP_OFFSET")
SEARCH="bateria%20samsung"

# Cookies of a curl jar as one Cookie header value.
cookie_header() { awk -F'\t' 'NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }
token_in() { grep -o 'name="_token" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# Guest CSRF token + cookie for the lookup form.
curl -fs -c "$WORK/guest.jar" -o "$WORK/lookup.html" "$BASE/reparacion"
LOOKUP_TOKEN=$(token_in "$WORK/lookup.html")
GUEST_COOKIE=$(cookie_header "$WORK/guest.jar")
LOOKUP_BODY="_token=$LOOKUP_TOKEN&code=$LOOKUP_CODE&phone=$LOOKUP_PHONE"
lookup_status=$(curl -s -o "$WORK/lookup-result.html" -w '%{http_code}' -H "Cookie: $GUEST_COOKIE" --data "$LOOKUP_BODY" "$BASE/reparacion")
grep -q "$LOOKUP_CODE" "$WORK/lookup-result.html" || echo "bench: warning: the lookup answer ($lookup_status) does not show $LOOKUP_CODE" >&2

# Admin session (no 2FA enrolled for the bench admin).
curl -fs -c "$WORK/admin.jar" -o "$WORK/login.html" "$BASE/login"
curl -s -b "$WORK/admin.jar" -c "$WORK/admin.jar" -o /dev/null \
  --data-urlencode "_token=$(token_in "$WORK/login.html")" --data-urlencode "email=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" "$BASE/login"
ADMIN_COOKIE=$(cookie_header "$WORK/admin.jar")
ADMIN_PATH="/admin/reparaciones?status=repairing"
admin_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $ADMIN_COOKIE" "$BASE$ADMIN_PATH")
[ "$admin_status" = 200 ] || echo "bench: warning: $ADMIN_PATH answered $admin_status with the admin session" >&2

# The physical limit: a private nginx (2 workers, access log off, its own prefix) serving a tiny file
# (the bytes /up answers) and the very /tienda HTML just captured, as static files.
# Its own directory (readable by nginx's unprivileged workers when this runs as root; $WORK stays private).
NGINX_DIR=$(mktemp -d /tmp/nico-bench-nginx.XXXXXX)
chmod 755 "$NGINX_DIR"
mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/tmp"
curl -fs -o "$NGINX_DIR/www/up.txt" "$BASE/up"
curl -fs -o "$NGINX_DIR/www/tienda.html" "$BASE/tienda"
# What a browser gets: the same page gzip-compressed (nginx's gzip_static answers it to a request accepting gzip).
if [ -n "$BENCH_ACCEPT_ENCODING" ]; then
  # Kept pages are the compressed ones from their second keeping on, once the version read ran out (1 s on SQLite,
  # CATALOG_VERSION_REUSE_MS on MariaDB): up to 3 s of tries.
  for _ in $(seq 1 60); do
    curl -fs -H "Accept-Encoding: $BENCH_ACCEPT_ENCODING" -o "$NGINX_DIR/www/tienda.html.gz" "$BASE/tienda"
    gzip -t <"$NGINX_DIR/www/tienda.html.gz" 2>/dev/null && break
    sleep 0.05
  done
  gzip -t <"$NGINX_DIR/www/tienda.html.gz" || { echo "bench: /tienda was not answered gzip-compressed" >&2; exit 1; }
fi
NGINX_PORT=$(free_port)
NGINX_BASE=http://127.0.0.1:$NGINX_PORT
cat >"$NGINX_DIR/nginx.conf" <<NGINX
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; text/plain txt; }
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    # Only for the page: on the tiny file it would cost a stat of a missing up.txt.gz per request.
    location = /tienda.html { gzip_static on; }
  }
}
NGINX
nginx -e "$NGINX_DIR/error.log" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' >"$NGINX_DIR/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$NGINX_BASE/up.txt" && break
  sleep 0.05
done
curl -fs -o /dev/null "$NGINX_BASE/up.txt" || { echo "bench: nginx did not start" >&2; cat "$NGINX_DIR"/*.log >&2; exit 1; }

RAW=$WORK/raw
# CPU ticks (user + system) of a process and its threads, summed over the given pids (nginx: its workers).
cpu_ticks_of() { local pid total=0; for pid in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done; echo "$total"; }
server_cpu_ticks() { cpu_ticks_of "$SERVER_PID"; }
nginx_cpu_ticks() { cpu_ticks_of $(pgrep -P "$NGINX_PID"); }
mkdir -p "$RAW"
# scenario NAME CONNECTIONS [wrk extra args…] — environment BENCH_* configures bench/wrk.lua; TARGET_BASE and
# TARGET_CPU (a function printing CPU ticks) point it at another server than nico.
scenario() {
  local name=$1 connections=$2
  shift 2
  if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]]; then return 0; fi
  local base=${TARGET_BASE:-$BASE} cpu=${TARGET_CPU:-server_cpu_ticks}
  echo "==> $name"
  BENCH_OUT=/dev/null wrk -t"$THREADS" -c"$connections" -d"${WARMUP}s" -s bench/wrk.lua "$@" "$base" >/dev/null
  local cpu_before cpu_after
  cpu_before=$($cpu)
  BENCH_OUT=$RAW/$name.json wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" -s bench/wrk.lua "$@" "$base" >/dev/null
  cpu_after=$($cpu)
  cat "$RAW/$name.json"
  # Server CPU time per request: steadier than req/s when other work shares the machine.
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));const t=(process.argv[3]-process.argv[2])/process.argv[4];console.log(`    server CPU ${(t*1e6/r.requests).toFixed(0)} µs/request`)' \
    "$RAW/$name.json" "$cpu_before" "$cpu_after" "$(getconf CLK_TCK)"
}
# Each nico page next to its nginx counterpart, so both see the same neighbours on a shared machine.
BENCH_PATHS=/up scenario up "$CONNECTIONS"
TARGET_BASE=$NGINX_BASE TARGET_CPU=nginx_cpu_ticks BENCH_PATHS=/up.txt scenario nginx_tiny "$CONNECTIONS"
BENCH_PATHS=/tienda scenario store "$CONNECTIONS"
TARGET_BASE=$NGINX_BASE TARGET_CPU=nginx_cpu_ticks BENCH_PATHS=/tienda.html scenario nginx_store "$CONNECTIONS"
BENCH_PATHS="/tienda?q=$SEARCH" scenario search "$CONNECTIONS"
BENCH_PATHS="/producto/$PRODUCT_SLUG" scenario product "$CONNECTIONS"
BENCH_PATHS=/reparacion BENCH_METHOD=POST BENCH_BODY=$LOOKUP_BODY scenario lookup "$CONNECTIONS" -H "Cookie: $GUEST_COOKIE"
BENCH_PATHS=$ADMIN_PATH scenario admin_repairs 8 -H "Cookie: $ADMIN_COOKIE"
BENCH_PATHS="/tienda|/tienda?q=$SEARCH|/producto/$PRODUCT_SLUG|/tienda/categoria/$CATEGORY_SLUG|/reparacion|/tienda?sort=price_asc&page=2" \
  scenario mixed "$CONNECTIONS"
# Fixed rate: 20 connections, each pausing 20 ms before every request → at most ~1,000 requests/s.
BENCH_PATHS=/tienda BENCH_DELAY_MS=20 scenario paced_store 20
BENCH_PATHS="/producto/$PRODUCT_SLUG" BENCH_DELAY_MS=20 scenario paced_product 20

if [ -n "$ONLY" ]; then
  echo "bench: peak RSS $(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status") KiB (partial run: no table)"
  exit 0
fi
PEAK_RSS=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
cat >"$WORK/meta.json" <<JSON
{
  "started_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "commit": "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)",
  "cpus": $(nproc),
  "engine": "$ENGINE",
  "load_average_at_start": "$LOAD_AT_START",
  "load_average_at_end": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "store_bytes": $(stat -c %s "$NGINX_DIR/www/tienda.html"),
  "store_gzip_bytes": $(stat -c %s "$NGINX_DIR/www/tienda.html.gz" 2>/dev/null || echo 0),
  "accept_encoding": "$BENCH_ACCEPT_ENCODING",
  "data": "$PRODUCTS products, $REPAIRS repairs, $ORDERS orders, $USERS users",
  "seed_seconds": $((SEED_MS / 1000)).$(( (SEED_MS % 1000) / 100 )),
  "wrk_threads": $THREADS,
  "wrk_connections": $CONNECTIONS,
  "duration_seconds": $DURATION,
  "warmup_seconds": $WARMUP,
  "peak_rss_kib": $PEAK_RSS,
  "cold_start_ms": $(echo "$COLD" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).cold_start_ms.toFixed(2)))'),
  "cold_start_samples_ms": $(echo "$COLD" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(s).samples_ms.map(x=>+x.toFixed(2)))))')
}
JSON
echo
mkdir -p bench/results
LATEST=bench/results/latest.json
[ "$ENGINE" = sqlite ] || LATEST=bench/results/latest-$ENGINE.json
node bench/report.mjs "$RAW" "$WORK/meta.json" "$LATEST"
