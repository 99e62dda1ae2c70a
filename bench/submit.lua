-- wrk script for bench/submit.ts: POSTs one application per request, each with its own
-- Idempotency-Key, counts the answers by status and prints them with the latencies as one
-- JSON line ("RESULT {...}") at the end.
--
--   wrk -t 2 -c 32 -d 15s -s bench/submit.lua URL -- API_KEY BODY_FILE RUN_ID

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

function init(args)
  local file = assert(io.open(args[2], "rb"))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
  key_prefix = args[3] .. "-" .. thread_no .. "-"
  sent = 0
  statuses = {}
end

function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = key_prefix .. sent
  return wrk.format()
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"statuses":{%s},"seconds":%f,"socketErrors":%d,"timeouts":%d,' ..
      '"p50":%f,"p95":%f}\n',
    table.concat(parts, ","),
    summary.duration / 1e6,
    e.connect + e.read + e.write,
    e.timeout,
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000
  ))
end
