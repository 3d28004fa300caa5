-- GET /api/v1/events/{id} for ids picked at random from bench ids file (one per line).
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS") or "target/bench/ids.txt") do
  ids[#ids + 1] = line
end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/events/" .. ids[math.random(#ids)])
end
