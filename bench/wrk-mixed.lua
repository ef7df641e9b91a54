-- Mixed load for wrk: vector tiles over the county at z8–z14 and OGC API item pages.
-- Usage (see README): wrk -t4 -c64 -d60s --latency -s bench/wrk-mixed.lua http://127.0.0.1:8080
local counter = 0
dofile("bench/tiles.lua")
local tiles = county_tiles(8, 14, 8, 75.9, 0.12, 39.0, 0.12, 4, { "townships", "villages", "facilities", "boundary-lines" })
local items = {
  "/ogc/collections/villages/items?limit=100",
  "/ogc/collections/villages/items?limit=100&offset=100",
  "/ogc/collections/townships/items?limit=16",
  "/ogc/collections/facilities/items?limit=50&bbox=75.9,39.0,76.4,39.5",
  "/ogc/collections/place-names/items?limit=50",
  "/ogc/collections/counties/items/653122000000",
}
request = function()
  counter = counter + 1
  local path
  if counter % 4 == 0 then
    path = items[math.floor(counter / 4) % #items + 1]
  else
    path = tiles[counter % #tiles + 1]
  end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
