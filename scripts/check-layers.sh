#!/usr/bin/env bash
# Fails when a folder of src/ includes a higher layer (docs/ARCHITECTURE.md, "Layers"). Highest to lowest:
#   app = bench → routes → web → ops → domain → infra → db | http → core
# A file may include its own top folder and any lower layer; db and http share a rank but are separate
# folders, so neither may include the other. Prints `file:line: <folder> includes <folder>/...` per upward
# include and exits 1 if there is any. Bash + awk only (no python on a fresh Debian).
#   scripts/check-layers.sh [SRC_DIR]   (default: src, relative to the repository root)
#   scripts/check-layers.sh --self-test (plants an upward include in a temporary tree and expects a failure)
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
        rank["app"] = 8; rank["bench"] = 8; rank["routes"] = 7; rank["web"] = 6; rank["ops"] = 5
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
        if (!(from in rank)) next               # a file outside the layered folders
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
  echo "check-layers self-test: ok"
}

cd "$(dirname "$0")/.." || exit 2
if [ "${1:-}" = "--self-test" ]; then
  self_test
  exit $?
fi
check_tree "${1:-src}" || exit 1
echo "check-layers: no upward includes"
