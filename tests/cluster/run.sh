#!/usr/bin/env bash
# The cluster suite (scripts/run-tests.sh "cluster"): starts the throwaway cluster of scripts/cluster-demo.sh
# (MariaDB, two nodes, nginx) and runs tests/cluster/cluster_test.mjs against it; everything is stopped after.
# It runs twice, once per store set (CLUSTER_STORES, default "database redis", to run one of them):
#   database  rate limits, cache, heartbeats and scheduler locks in MariaDB (RATE_LIMIT_STORE=auto → database)
#   redis     the same nodes with RATE_LIMIT_STORE=redis and CACHE_STORE=redis on a throwaway redis-server
#             (scripts/with-redis.sh, started and stopped here); the test also checks that the limiter's and the
#             scheduler's keys are in Redis and not in the database. The 30 s wrk run during rolling deploys, which
#             no store changes, runs only in the first pass (CLUSTER_ROLLING=0 here).
# Sessions stay in the database in both passes (SESSION_DRIVER=database: sessions on Redis are not built yet).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
command -v wrk >/dev/null 2>&1 || { echo "cluster test: wrk not found (scripts/install-deps.sh)" >&2; exit 1; }
# /metrics on both nodes (CLUSTER_ENV_* reaches every node), scraped by tests/cluster/metrics_check.sh after each pass.
export CLUSTER_ENV_METRICS_ENABLED=true CLUSTER_ENV_METRICS_TOKEN="cluster-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
suite='node tests/cluster/cluster_test.mjs; rc=$?; tests/cluster/metrics_check.sh || rc=1; exit $rc'

rc=0
for stores in ${CLUSTER_STORES:-database redis}; do
  echo "==> cluster on the $stores stores"
  case "$stores" in
    database)
      CLUSTER_STORES_UNDER_TEST=database scripts/cluster-demo.sh run bash -c "$suite" || rc=1
      ;;
    redis)
      # shellcheck disable=SC2016  # expanded by the inner shell, where with-redis.sh has set REDIS_URL
      SUITE="$suite" scripts/with-redis.sh bash -c 'export CLUSTER_ENV_RATE_LIMIT_STORE=redis CLUSTER_ENV_CACHE_STORE=redis CLUSTER_ENV_CACHE_PREFIX=nico_cluster: \
          CLUSTER_ENV_REDIS_URL="$REDIS_URL" CLUSTER_STORES_UNDER_TEST=redis CLUSTER_ROLLING=0
        exec scripts/cluster-demo.sh run bash -c "$SUITE"' || rc=1
      ;;
    *) echo "cluster test: unknown store set '$stores' (database | redis)" >&2; rc=1 ;;
  esac
done
exit "$rc"
