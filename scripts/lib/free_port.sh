# shellcheck shell=bash
# free_port: prints a TCP port on 127.0.0.1 that nothing listens on (asks the kernel through python3; without it,
# the first port from a random start in 41000-50000 that `ss` does not list). Sourced by the throwaway-server scripts.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null && return 0
  fi
  local p used
  used=$(ss -Hltn 2>/dev/null | awk '{print $4}' | sed 's/.*://')
  for ((p = 41000 + RANDOM % 1000; p < 50000; p++)); do
    grep -qx "$p" <<<"$used" || { echo "$p"; return 0; }
  done
  return 1
}
