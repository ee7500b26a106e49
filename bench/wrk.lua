-- One wrk script for every scenario, configured by environment variables (set by scripts/bench.sh):
--   BENCH_PATHS   paths to request, separated by "|"; each connection walks the list in turn (mixed scenario)
--   BENCH_METHOD  GET (default) or POST
--   BENCH_BODY    request body for POST (form-encoded)
--   BENCH_DELAY_MS  pause before each request on a connection: paces the run at connections*1000/delay req/s
--   BENCH_OUT     file that receives the JSON summary written by done()
--   BENCH_ACCEPT_ENCODING  Accept-Encoding sent with every request (none when empty or unset)
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^|]+") do
  paths[#paths + 1] = path
end
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local counter = 0
local accept_encoding = os.getenv("BENCH_ACCEPT_ENCODING") or ""
if accept_encoding ~= "" then
  wrk.headers["Accept-Encoding"] = accept_encoding
end

function init(args)
  -- Start each thread at a different point of the list so the mix is even from the first second.
  counter = math.random(0, #paths - 1)
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if method == "POST" then
    -- wrk.format replaces wrk.headers (the -H options, e.g. the cookie) when given a table: extend a copy.
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format(method, path)
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  local out = io.open(os.getenv("BENCH_OUT") or "/dev/stdout", "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "mean_ms": %.3f, "non_2xx_3xx": %d, "socket_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
  out:close()
end
