-- Mixed load with a province-sized facility registry (see README, Benchmarks): ¼ place-name search, ¼ coverage with
-- varied parameters (types and type groups, containment or distance with several distances, as-of dates, scenario,
-- level, urban/rural: about 25,000 combinations, so most coverage requests are cache misses as in real use), ¼ OGC API
-- item pages, ¼ vector tiles. Each wrk thread draws its own sequence.
-- Usage: wrk -t4 -c64 -d30s --latency --timeout 10s -s bench/wrk-province.lua http://127.0.0.1:18090
-- One kind alone (to see what each costs): append `-- search`, `-- coverage`, `-- items` or `-- tiles`.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local only = nil
init = function(args)
  math.randomseed(1000 + (tid or 0))
  only = ({ search = 0, coverage = 1, items = 2, tiles = 3 })[args[1] or ""]
end

local types = {
  "URBAN_COMMUNITY_SERVICE", "RURAL_COMMUNITY_SERVICE", "VILLAGE_ASSISTANCE_STATION", "REGIONAL_ELDERLY_CENTRE",
  "DAY_CARE_CENTRE", "NURSING_HOME", "RURAL_MUTUAL_AID_HOME", "FUNERAL_HOME", "PUBLIC_CEMETERY",
  "TOWNSHIP_FUNERAL_POINT", "RESCUE_STATION", "CHILD_WELFARE_CENTRE", "MENTAL_HEALTH_INSTITUTION", "MARRIAGE_REGISTRY",
  "ELDERLY", "COMMUNITY_SERVICE", "FUNERAL",
}
local distances = { 500, 1000, 2000, 3000, 5000, 10000 }
local asOf = { "2008-01-01", "2012-06-30", "2015-06-30", "2018-01-01", "2020-01-01", "2022-07-01", "2023-12-31",
  "2026-07-01" }
local levels = { "village", "township" }
local urbanRural = { "", "&urbanRural=urban", "&urbanRural=rural" }
local scenarios = { "current", "planned" }

local function pick(t)
  return t[math.random(#t)]
end

local function coverage()
  local t = pick(types)
  if math.random(4) == 1 then
    t = t .. "," .. pick(types)
  end
  local rule
  if math.random(3) == 1 then
    rule = "&rule=containment"
  else
    rule = "&rule=distance&distance=" .. pick(distances)
  end
  return "/api/coverage?types=" .. t .. rule .. "&asOf=" .. pick(asOf) .. "&scenario=" .. pick(scenarios)
    .. "&level=" .. pick(levels) .. pick(urbanRural)
end

local searches = {
  "/api/places/search?q=%E7%96%8F%E5%8B%92",            -- 疏勒
  "/api/places/search?q=shule",
  "/api/places/search?q=shu%20le",
  "/api/places/search?q=slx",
  "/api/places/search?q=%E7%96%8F%E5%8B%A4%E5%8E%BF",   -- 疏勤县 (typo)
  "/api/places/search?q=%E7%A4%BE%E5%8C%BA",            -- 社区
  "/api/places/search?q=alafu",
  "/api/places/reverse?lon=76.05&lat=39.35&radius=2000",
}
local items = {
  "/ogc/collections/villages/items?limit=100",
  "/ogc/collections/villages/items?limit=100&offset=100",
  "/ogc/collections/townships/items?limit=16",
  "/ogc/collections/facilities/items?limit=50&bbox=75.9,39.0,76.4,39.5",
  "/ogc/collections/facilities/items?limit=100&offset=5000",
  "/ogc/collections/place-names/items?limit=50",
  "/ogc/collections/counties/items/653122000000",
}
dofile("bench/tiles.lua")
local tiles = county_tiles(8, 14, 8, 75.9, 0.12, 39.0, 0.12, 4, { "townships", "villages", "facilities", "boundary-lines" })

local counter = 0
request = function()
  counter = counter + 1
  local k = only or counter % 4
  local path
  if k == 0 then
    path = pick(searches)
  elseif k == 1 then
    path = coverage()
  elseif k == 2 then
    path = pick(items)
  else
    path = pick(tiles)
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
