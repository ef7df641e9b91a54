-- Place-name search over HTTP: Chinese prefix and substring, pinyin, initials, typo, reverse lookup, one connection
-- at a time so that the latency is that of one request. Usage: wrk -t1 -c1 -d30s --latency -s bench/wrk-search.lua URL
local queries = {
  "/api/places/search?q=%E7%96%8F%E5%8B%92",            -- 疏勒
  "/api/places/search?q=shule",
  "/api/places/search?q=shu%20le",
  "/api/places/search?q=slx",
  "/api/places/search?q=%E7%96%8F%E5%8B%A4%E5%8E%BF",   -- 疏勤县 (typo)
  "/api/places/search?q=%E7%A4%BE%E5%8C%BA",            -- 社区
  "/api/places/search?q=alafu",
  "/api/places/reverse?lon=76.05&lat=39.35&radius=2000",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[i % #queries + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, p50 %.2f ms, p99 %.2f ms\n", summary.requests,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
