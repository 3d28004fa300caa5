-- POST /api/v1/events with an editor or admin key (BENCH_KEY).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("BENCH_KEY")
local n = 0
request = function()
  n = n + 1
  local body = '{"type": "PRODUCT_LAUNCH", "occurredOn": "2025-01-20", "title": "bench create ' .. n ..
    '", "summary": "a product launch written by the benchmark", "tags": ["bench"]}'
  return wrk.format(nil, nil, nil, body)
end
