#!/usr/bin/env bash
# Fails when a folder of src/ includes a higher layer (docs/ARCHITECTURE.md, "Layers"). Highest to lowest:
#   app → bench → routes → web → ops → domain → infra → db | http → core
# A file may include its own top folder and any lower layer; db and http share a rank but are separate
# folders, so neither may include the other. Prints `file:line: <folder> includes <folder>/...` per upward
# include and exits 1 if there is any. Bash + awk only (no python on a fresh Debian).
#   scripts/check-layers.sh             self-test, then src/ (what `make test` runs)
#   scripts/check-layers.sh SRC_DIR     only that tree
#   scripts/check-layers.sh --self-test only the self-test: plants upward includes in a temporary tree and
#                                       expects each to be reported
set -uo pipefail

check_tree() {
  local src=$1
  if [ ! -d "$src" ]; then
    echo "check-layers: no such folder: $src" >&2
    return 2
  fi
  # Only the quoted project includes count; <...> are third-party headers. Paths are relative to src/.
  (cd "$src" && find . -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z |
    xargs -0 grep -nH -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' /dev/null) |
    awk -v prefix="$src/" '
      BEGIN {
        rank["app"] = 9; rank["bench"] = 8; rank["routes"] = 7; rank["web"] = 6; rank["ops"] = 5
        rank["domain"] = 4; rank["infra"] = 3; rank["db"] = 2; rank["http"] = 2; rank["core"] = 1
        bad = 0
      }
      {
        # ./folder/file.cpp:LINE:#include "folder/x.hpp"
        split($0, parts, ":")
        file = parts[1]; sub(/^\.\//, "", file)
        line = parts[2]
        target = $0; sub(/^[^"]*"/, "", target); sub(/".*$/, "", target)
        from = file; sub(/\/.*$/, "", from)
        to = target; sub(/\/.*$/, "", to)
        if (file !~ /\//) next                  # a file directly in src/ (none today)
        if (!(from in rank)) {                  # a new folder must be given its place first
          if (!(from in unknown)) printf "%s%s: folder %s/ has no layer (add it to scripts/check-layers.sh and docs/ARCHITECTURE.md)\n", prefix, file, from
          unknown[from] = 1; bad = 1; next
        }
        if (!(to in rank)) next                 # same-folder relative include or generated header
        if (from == to) next
        if (rank[to] < rank[from]) next
        printf "%s%s:%s: %s includes %s\n", prefix, file, line, from, target
        bad = 1
      }
      END { exit bad }'
}

self_test() {
  local tmp
  tmp=$(mktemp -d) || return 1
  trap 'rm -rf "$tmp"' RETURN
  mkdir -p "$tmp/core" "$tmp/http" "$tmp/db" "$tmp/web"
  printf '#include "core/a.hpp"\n' >"$tmp/core/a.cpp"
  printf '#include "core/a.hpp"\n#include "http/b.hpp"\n' >"$tmp/web/c.cpp"
  if ! check_tree "$tmp" >/dev/null; then
    echo "check-layers self-test: a clean tree was refused" >&2
    return 1
  fi
  local case expected
  for case in "core/a.cpp:http/form.hpp" "http/b.cpp:db/database.hpp" "db/d.hpp:web/kernel.hpp"; do
    printf '// upward on purpose\n#include "%s"\n' "${case#*:}" >"$tmp/${case%%:*}"
    expected="$tmp/${case%%:*}:2: ${case%%/*} includes ${case#*:}"
    local out
    out=$(check_tree "$tmp")
    if [ $? -ne 1 ] || [ "$out" != "$expected" ]; then
      echo "check-layers self-test: planted ${case%%:*} -> ${case#*:} not reported as expected" >&2
      echo "  got: $out" >&2
      return 1
    fi
    rm -f "$tmp/${case%%:*}"
  done
  mkdir -p "$tmp/api" && printf '#include "core/a.hpp"\n' >"$tmp/api/e.cpp"
  if check_tree "$tmp" >/dev/null; then
    echo "check-layers self-test: a folder without a layer was accepted" >&2
    return 1
  fi
  echo "check-layers self-test: ok"
}

cd "$(dirname "$0")/.." || exit 2
if [ "${1:-}" = "--self-test" ]; then
  self_test
  exit $?
fi
# With no argument (as scripts/run-tests.sh runs it) the self-test runs first: a check that no longer catches a
# planted upward include must not report a clean tree.
if [ $# -eq 0 ]; then self_test || exit 1; fi
check_tree "${1:-src}" || exit 1
echo "check-layers: no upward includes"
