#!/usr/bin/env bash
# Installs the Debian and npm packages the project needs. Idempotent: when everything is already present it does
# nothing (no apt-get update, no network).
#   scripts/install-deps.sh          everything: build, run, test and benchmark (`make test`, `make bench`)
#   scripts/install-deps.sh --run    only what building and running `nico` needs (`make run`): compiler,
#                                    libraries, CA certificates and the sqlite3 shell; no GoogleTest, database
#                                    servers, browser, npm, nginx or benchmark tools
set -euo pipefail

mode=full
case "${1:-}" in
  "") ;;
  --run) mode=run ;;
  *) echo "usage: $0 [--run]" >&2; exit 2 ;;
esac

# What `make run` needs: the toolchain and every library `nico` links (CMakeLists.txt's pkg_check_modules,
# find_package, find_library and nico_core's link list; SQLite is the default database, the MariaDB and PostgreSQL
# client libraries are linked into `nico` whatever the engine), plus what it reads at run time.
packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # libraries (DESIGN.md §3). Never libboost-dev / libboost-all-dev: they conflict with Boost 1.81.
  libboost1.81-dev libboost-url1.81-dev libboost-context1.81-dev
  libsoci-dev libsqlite3-dev libmariadb-dev libpq-dev
  libctemplate-dev libsodium-dev libssl-dev libcurl4-openssl-dev
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev libhowardhinnant-date-dev
  libqrencode-dev
  # Redis client for the limiter, cache and lock stores of a cluster (RATE_LIMIT_STORE / CACHE_STORE=redis)
  libhiredis-dev
  # password quality: libpwquality and the cracklib dictionary it checks against
  libpwquality-dev cracklib-runtime
  # phone numbers (src/core/phone.cpp); see the Boost note below the list
  libphonenumber-dev
  # Spanish stemming of store search words (src/domain/store/search.cpp)
  libstemmer-dev
  # /metrics in the Prometheus text format (src/web/metrics.cpp: the core library only, no civetweb server)
  prometheus-cpp-dev
  # barcodes on product labels (src/domain/inventory/barcode/encoder.cpp: EAN-13, Code 128)
  libzint-dev
  # gzip answers for kept guest pages (src/http/gzip_template.cpp: deflate and the CRC-32 combination)
  zlib1g-dev
  # the allocator `nico` links instead of glibc's malloc (CMakeLists.txt: 15-25 % less CPU per request)
  libmimalloc-dev
  # the database shell, for looking at the SQLite file
  sqlite3
  # outbound TLS (webhooks, Sentry, SMTP with STARTTLS): libcurl only recommends the CA bundle, and recommends are
  # not installed here
  ca-certificates
)
# What only the tests and benchmarks need (`make test`, `make bench`, `make fuzz`).
if [ "$mode" = full ]; then
  packages+=(
    # GoogleTest/GMock: the test binaries (CMakeLists.txt configures without them when absent: `nico` alone)
    libgtest-dev libgmock-dev
    # libFuzzer targets (tests/fuzz, `make fuzz`)
    clang-14 libclang-rt-14-dev
    # servers and tools used by tests and benchmarks
    mariadb-server mariadb-client redis-server postgresql-15 postgresql-client-15 chromium wrk hyperfine curl
    # bench/restore.sh's arithmetic
    bc
    # the cluster demo and test (scripts/cluster-demo.sh) run their own nginx
    nginx
  )
  # Node.js and npm (for the browser tests) come with the machine image; Debian's nodejs is used only where
  # no node is on PATH (Debian's npm conflicts with a newer nodejs already installed).
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # libphonenumber-dev depends on libboost-thread-dev, i.e. Boost 1.74, which conflicts with Boost 1.81. Debian
  # builds libphonenumber without Boost (its library links no Boost and our build leaves
  # I18N_PHONENUMBERS_USE_BOOST undefined), so a one-line local package that provides libboost-thread-dev on top
  # of libboost-thread1.81-dev lets apt install it without touching Boost 1.81.
  extra=()
  if [[ " ${missing[*]} " == *" libphonenumber-dev "* ]] &&
     ! dpkg-query -W -f='${Status}' nico-boost-thread-dev-shim 2>/dev/null | grep -q "install ok installed"; then
    shim="$(mktemp -d)"
    mkdir -p "$shim/pkg/DEBIAN"
    printf '%s\n' "Package: nico-boost-thread-dev-shim" "Version: 1.81.0" "Architecture: all" \
      "Maintainer: NicoReparaciones <ops@localhost>" "Depends: libboost-thread1.81-dev" \
      "Provides: libboost-thread-dev" \
      "Description: lets libphonenumber-dev install next to Boost 1.81" > "$shim/pkg/DEBIAN/control"
    dpkg-deb --build "$shim/pkg" "$shim/nico-boost-thread-dev-shim.deb" >/dev/null
    extra+=("$shim/nico-boost-thread-dev-shim.deb")
  fi
  apt-get install -y -qq --no-install-recommends "${extra[@]}" "${missing[@]}"
  # MariaDB's package starts a server when it is first installed; this project's tests start their own, so the
  # one the install just started is stopped. An already-installed server (production!) is never touched.
  if [[ " ${missing[*]} " == *" mariadb-server "* ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now mariadb >/dev/null 2>&1 || true
  fi
  # The same for nginx: scripts/cluster-demo.sh starts a private one on a free port.
  if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
  # Same for PostgreSQL's packaged cluster (scripts/with-postgres.sh starts a private one).
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now postgresql >/dev/null 2>&1 || true
  fi
fi


# Browser tests: playwright-core drives Debian's chromium (npm's browser downloads are not used).
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$mode" = full ] && [ -f "$here/tests/e2e/package.json" ] && [ ! -d "$here/tests/e2e/node_modules/playwright-core" ]; then
  # `npm ci`, not `npm install`: it installs exactly package-lock.json and never rewrites it (a newer npm's
  # `npm install` would, and `make test` must leave the tree clean).
  echo "install-deps: npm ci in tests/e2e"
  (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --silent)
fi
exit 0
