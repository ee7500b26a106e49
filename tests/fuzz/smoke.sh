#!/usr/bin/env bash
# Fuzz smoke for `make test`: builds the libFuzzer targets (clang-14, build-fuzz/) and runs each for a few seconds
# on its seed corpus. Non-zero on a build failure or any crash, leak or UB report.
#   FUZZ_SECONDS=60 bash tests/fuzz/smoke.sh   longer runs (what `make fuzz` does)
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS="${FUZZ_SECONDS:-3}"
BUILD=build-fuzz
TARGETS=(form_urlencoded form_multipart cookies route_pattern env_file signed_link jsonl_line http_request)

CXX_BIN="${FUZZ_CXX:-clang++-14}"
cmake -S tests/fuzz -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER="$CXX_BIN" >/dev/null
# Quiet when it builds; the whole compiler output when it does not (a bare exit status says nothing in CI).
if ! build_log="$(ninja -C "$BUILD" -j "${JOBS:-2}" 2>&1)"; then
  echo "fuzz smoke: the fuzz targets do not build:"; echo "$build_log" | tail -40; exit 1
fi

failed=0
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"   # new inputs land here, the committed seeds stay untouched
  mkdir -p "$work" "$BUILD/artifacts/$t"
  log="$BUILD/$t.log"
  if "$BUILD/${t}_fuzz" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
       -artifact_prefix="$BUILD/artifacts/$t/" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    echo "fuzz $t: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)"
  else
    echo "fuzz $t: FAILED (see $log)"; tail -30 "$log"; failed=1
  fi
done
exit "$failed"
