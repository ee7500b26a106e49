#!/usr/bin/env bash
# The cluster suite's /metrics check: run inside `scripts/cluster-demo.sh run` (tests/cluster/run.sh) with
# CLUSTER_ENV_METRICS_ENABLED=true and CLUSTER_ENV_METRICS_TOKEN set, so both nodes serve /metrics. Scrapes each
# node directly (Prometheus scrapes nodes, not the balancer) and asserts the lines an alert rule relies on.
set -uo pipefail
failures=0
check() { # $1 = what, $2 = 0 when it held
  if [ "$2" -eq 0 ]; then echo "  ok    $1"; else echo "  FAIL  $1"; failures=$((failures + 1)); fi
}
echo "/metrics on every node"
for node in A B; do
  url_var="NODE_${node}_URL"
  base=${!url_var}
  curl -fsS -o /dev/null "$base/login"  # at least one counted page per node
  body=$(curl -sS -H "Authorization: Bearer $CLUSTER_ENV_METRICS_TOKEN" "$base/metrics")
  grep -Eq '^nico_http_requests_total\{route="login",status_class="2xx"\} [1-9]' <<<"$body"
  check "node ${node,}: request counter for route login, 2xx" $?
  grep -Eq '^nico_maintenance_mode 0$' <<<"$body" && grep -Eq '^nico_queue_jobs [0-9]' <<<"$body"
  check "node ${node,}: maintenance gauge 0 and queue depth" $?
  status=$(curl -sS -o /dev/null -w '%{http_code}' "$base/metrics")
  [ "$status" = 403 ]
  check "node ${node,}: without the token 403 (got $status)" $?
done
[ "$failures" -eq 0 ]
