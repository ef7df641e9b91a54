// Map labels: a good interior point per polygon, permanent text tooltips,
// and zoom-dependent visibility via CSS classes on the map container.
import { el } from '../core/escape.js';

/** Signed area of a ring of [lon, lat] (planar, for comparison only). */
function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  }
  return a / 2;
}

/** Even-odd point-in-polygon test over all rings (holes included). */
function inside(x, y, rings) {
  let c = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

/** Squared distance from (x, y) to the nearest ring edge; x pre-scaled by k (cos lat). */
function edgeDistance2(x, y, rings, k) {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = ring[j][0] * k, ay = ring[j][1], bx = ring[i][0] * k, by = ring[i][1];
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 ? ((x * k - ax) * dx + (y - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - x * k, ey = ay + t * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return best;
}

/**
 * A label point [lat, lng] well inside the largest part of a (Multi)Polygon:
 * the sample point farthest from the edges on a coarse grid, refined once
 * (a cheap stand-in for polylabel).
 */
export function labelPoint(geometry) {
  if (!geometry) return null;
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let rings = null, bestArea = -1;
  for (const p of parts) {
    const a = p[0] ? Math.abs(ringArea(p[0])) : 0;
    if (a > bestArea) { bestArea = a; rings = p; }
  }
  if (!rings || !rings[0] || rings[0].length < 3) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  let best = null, bestD = -1;
  const search = (x0, y0, w, h, n) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = x0 + ((i + 0.5) / n) * w, y = y0 + ((j + 0.5) / n) * h;
        if (!inside(x, y, rings)) continue;
        const d = edgeDistance2(x, y, rings, k);
        if (d > bestD) { bestD = d; best = [x, y]; }
      }
    }
  };
  const n = 15;
  search(minX, minY, maxX - minX, maxY - minY, n);
  if (best) {
    const w = (maxX - minX) / n, h = (maxY - minY) / n;
    search(best[0] - w, best[1] - h, 2 * w, 2 * h, 7);
  } else {
    best = [(minX + maxX) / 2, (minY + maxY) / 2];
  }
  return [best[1], best[0]];
}

/**
 * A layer group of permanent, non-interactive text labels.
 * classFor(feature) adds CSS classes; styleFor(feature) an inline style for the text.
 */
export function labelLayer(L, features, { pane, classFor, styleFor }) {
  const group = L.layerGroup();
  for (const f of features) {
    const name = f.properties && f.properties.name;
    const at = name ? labelPoint(f.geometry) : null;
    if (!at) continue;
    L.tooltip({
      permanent: true, direction: 'center', interactive: false, opacity: 1, pane,
      className: `map-label ${classFor ? classFor(f) : ''}`,
    }).setLatLng(at)
      .setContent(el('span', { style: styleFor ? styleFor(f) : null }, name))
      .addTo(group);
  }
  return group;
}

/**
 * Show labels of class `label-<name>` only within [min, max] zoom:
 * rules = [{ name, min, max }]; toggles `hide-label-<name>` on the map container.
 */
export function bindLabelZoom(map, rules) {
  const update = () => {
    const z = map.getZoom();
    for (const r of rules) {
      const hidden = (r.min !== undefined && z < r.min) || (r.max !== undefined && z > r.max);
      map.getContainer().classList.toggle(`hide-label-${r.name}`, hidden);
    }
  };
  map.on('zoomend', update);
  update();
}
