#!/usr/bin/env bash
# The cluster suite (scripts/run-tests.sh "cluster"): starts the throwaway cluster of scripts/cluster-demo.sh
# (MariaDB, two nodes, nginx) and runs tests/cluster/cluster_test.mjs against it; everything is stopped after.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
command -v wrk >/dev/null 2>&1 || { echo "cluster test: wrk not found (scripts/install-deps.sh)" >&2; exit 1; }
exec scripts/cluster-demo.sh run node tests/cluster/cluster_test.mjs
