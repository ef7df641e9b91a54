-- Reads with 1 % writes, for one node or several behind the load balancer (bench/two-nodes.sh).
-- Reads: place search, coverage with varied parameters, OGC item pages, vector tiles. Writes: a planner adds a
-- facility (HTTP Basic; the benchmark runs the nodes with the demo accounts). Every status >= 400 is counted.
local counter = 0
local auth = "Basic cGxhbm5lcjpwbGFubmVy" -- planner:planner
local searches = { "shule", "疏勒", "巴仁", "yengi", "sl", "阿拉甫", "塔孜洪", "kashi" }
local types = { "RURAL_COMMUNITY_SERVICE", "ELDERLY", "NURSING_HOME", "FUNERAL_HOME" }
dofile("bench/tiles.lua")
local tiles = county_tiles(9, 13, 6, 75.95, 0.06, 39.3, 0.05, 3, { "villages", "facilities" })
local items = {
  "/ogc/collections/villages/items?limit=100",
  "/ogc/collections/facilities/items?limit=50&bbox=75.9,39.0,76.4,39.5",
  "/ogc/collections/place-names/items?limit=50",
}
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  counter = counter + 1
  if counter % 100 == 0 then
    local body = string.format('{"name":"负载测试点 %d","type":"RURAL_COMMUNITY_SERVICE","operator":"PUBLIC",'
      .. '"status":"PLANNED","lon":%.5f,"lat":%.5f}', counter, 75.98 + (counter % 50) * 0.002,
      39.35 + (counter % 30) * 0.002)
    return wrk.format("POST", "/api/facilities?confirmOutside=true",
      { ["Content-Type"] = "application/json", ["Authorization"] = auth }, body)
  end
  local kind = counter % 4
  if kind == 0 then
    return wrk.format("GET", "/api/places/search?q=" .. encode(searches[counter % #searches + 1]))
  elseif kind == 1 then
    local t = types[counter % #types + 1]
    local rule = (counter % 3 == 0) and ("&rule=distance&distance=" .. (1000 + (counter % 5) * 500)) or ""
    return wrk.format("GET", "/api/coverage?types=" .. t .. rule)
  elseif kind == 2 then
    return wrk.format("GET", items[counter % #items + 1])
  end
  return wrk.format("GET", tiles[counter % #tiles + 1])
end
local reported = 0
response = function(status, headers, body)
  -- name the first few error answers, so that a count of errors can be explained
  if status >= 400 and reported < 5 then
    reported = reported + 1
    io.write(string.format("ERROR-STATUS %d %s\n", status, string.sub(body or "", 1, 160)))
  end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f errors_status=%d "
    .. "errors_timeout=%d errors_connect=%d errors_read=%d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.timeout, summary.errors.connect, summary.errors.read))
end
