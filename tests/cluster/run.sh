#!/usr/bin/env bash
# The cluster suite (scripts/run-tests.sh "cluster"): starts the throwaway cluster of scripts/cluster-demo.sh
# (MariaDB, two nodes, nginx) and runs tests/cluster/cluster_test.mjs against it; everything is stopped after.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
command -v wrk >/dev/null 2>&1 || { echo "cluster test: wrk not found (scripts/install-deps.sh)" >&2; exit 1; }
# /metrics on both nodes (CLUSTER_ENV_* reaches every node), scraped by tests/cluster/metrics_check.sh after the test.
export CLUSTER_ENV_METRICS_ENABLED=true CLUSTER_ENV_METRICS_TOKEN="cluster-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
exec scripts/cluster-demo.sh run bash -c 'node tests/cluster/cluster_test.mjs; rc=$?; tests/cluster/metrics_check.sh || rc=1; exit $rc'
