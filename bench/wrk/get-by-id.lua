-- GET <BENCH_ID_PATH><id> (the service's /api/v1/events/ by default) for ids picked at random from the
-- ids file BENCH_IDS (one per line).
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS") or "target/bench/ids.txt") do
  ids[#ids + 1] = line
end
local path = os.getenv("BENCH_ID_PATH") or "/api/v1/events/"
math.randomseed(42)
request = function()
  return wrk.format("GET", path .. ids[math.random(#ids)])
end
