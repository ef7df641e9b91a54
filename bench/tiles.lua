-- Shared by the wrk scripts (load with dofile("bench/tiles.lua") from the project root, as the README's commands
-- run): vector-tile paths over the county at a range of zooms.
local function tile(z, lon, lat)
  local n = 2 ^ z
  local x = math.floor((lon + 180) / 360 * n)
  local r = math.rad(lat)
  local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
  return z, x, y
end

-- Paths of the tiles holding `per_zoom` points per zoom from zmin to zmax, point i at (lon0 + i * dlon,
-- lat0 + (i % rows) * dlat), for each layer.
function county_tiles(zmin, zmax, per_zoom, lon0, dlon, lat0, dlat, rows, layers)
  local paths = {}
  for z = zmin, zmax do
    for i = 0, per_zoom - 1 do
      local zz, x, y = tile(z, lon0 + i * dlon, lat0 + (i % rows) * dlat)
      for _, layer in ipairs(layers) do
        paths[#paths + 1] = string.format("/tiles/%s/%d/%d/%d.mvt", layer, zz, x, y)
      end
    end
  end
  return paths
end
