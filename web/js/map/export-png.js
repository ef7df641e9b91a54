// Map export as PNG without a library: the visible vector layers are drawn
// into an offscreen canvas (each polygon / line / circle marker projected with
// map.latLngToContainerPoint and painted with the style the browser renders:
// colour, width, opacity, dashes, hatch patterns), then the labels and
// DOM markers at their on-screen positions, in the map's pane order. A title
// band, the visible layers, a scale bar, a north arrow, the date and the
// synthetic-data note frame the map. Base-map tiles are not included (noted).
import { el } from '../core/escape.js';
import { bi, biAttr, pick, splitBi } from '../core/i18n.js';

const SCALE = 2;          // output pixels per CSS pixel
const HEAD = 58;          // title band (CSS px)
const FOOT = 50;          // footer band (CSS px)

const isVisible = (node) => {
  if (!node || !node.isConnected) return false;
  if (typeof node.checkVisibility === 'function') return node.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  return node.getClientRects().length > 0;
};

/** z-index of the Leaflet pane holding node (custom panes sit in the map pane). */
function paneZ(node) {
  const pane = node.closest('.leaflet-pane:not(.leaflet-map-pane)');
  const z = pane ? parseInt(getComputedStyle(pane).zIndex, 10) : 0;
  return Number.isFinite(z) ? z : 0;
}

const num = (v, d = 0) => { const n = parseFloat(v); return Number.isFinite(n) ? n : d; };

/** Rings of container points for a path layer (polygon parts, multi-lines). */
function pathRings(L, map, layer) {
  const project = (ll) => map.latLngToContainerPoint(ll);
  const lls = layer.getLatLngs();
  const out = [];
  const walk = (a) => {
    if (!a || !a.length) return;
    if (L.LineUtil.isFlat(a)) out.push(a.map(project));
    else a.forEach(walk);
  };
  walk(lls);
  return out;
}

/** A canvas pattern for an SVG <pattern> (the coverage hatches): rects and lines, patternTransform rotate. */
function svgPattern(ctx, id) {
  const pat = document.getElementById(id);
  if (!pat) return null;
  const w = num(pat.getAttribute('width'), 8), h = num(pat.getAttribute('height'), 8);
  const tile = document.createElement('canvas');
  tile.width = Math.ceil(w * SCALE); tile.height = Math.ceil(h * SCALE);
  const t = tile.getContext('2d');
  t.scale(SCALE, SCALE);
  for (const child of pat.children) {
    if (child.tagName === 'rect') {
      t.fillStyle = child.getAttribute('fill') || '#000';
      t.fillRect(num(child.getAttribute('x')), num(child.getAttribute('y')), num(child.getAttribute('width'), w), num(child.getAttribute('height'), h));
    } else if (child.tagName === 'line') {
      t.strokeStyle = child.getAttribute('stroke') || '#000';
      t.lineWidth = num(child.getAttribute('stroke-width'), 1);
      t.beginPath();
      t.moveTo(num(child.getAttribute('x1')), num(child.getAttribute('y1')));
      t.lineTo(num(child.getAttribute('x2')), num(child.getAttribute('y2')));
      t.stroke();
    }
  }
  const p = ctx.createPattern(tile, 'repeat');
  const m = /rotate\(\s*(-?[\d.]+)/.exec(pat.getAttribute('patternTransform') || '');
  // The tile was drawn at SCALE; the context is scaled too, so shrink the pattern back.
  let matrix = new DOMMatrix().scale(1 / SCALE, 1 / SCALE);
  if (m) matrix = new DOMMatrix().rotate(Number(m[1])).scale(1 / SCALE, 1 / SCALE);
  p.setTransform(matrix);
  return p;
}

/** Paint one SVG-rendered path layer with its computed style. */
function drawPath(ctx, L, map, layer) {
  const path = layer._path;
  const cs = getComputedStyle(path);
  const o = layer.options || {};
  const opacity = num(cs.opacity, 1);
  ctx.save();
  ctx.beginPath();
  if (layer instanceof L.CircleMarker) {
    const c = map.latLngToContainerPoint(layer.getLatLng());
    const r = layer._radius ?? o.radius ?? 10;
    ctx.arc(c.x, c.y, Math.max(0.5, r), 0, Math.PI * 2);
  } else {
    const closed = layer instanceof L.Polygon;
    for (const ring of pathRings(L, map, layer)) {
      ring.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
      if (closed) ctx.closePath();
    }
  }
  const fill = cs.fill;
  if (fill && fill !== 'none') {
    const url = /url\(["']?#([^"')]+)/.exec(fill);
    const style = url ? svgPattern(ctx, url[1]) : fill;
    if (style) {
      ctx.fillStyle = style;
      ctx.globalAlpha = opacity * num(cs.fillOpacity, 1);
      ctx.fill(cs.fillRule === 'nonzero' ? 'nonzero' : 'evenodd');
    }
  }
  const stroke = cs.stroke;
  const width = num(cs.strokeWidth, o.weight ?? 1);
  if (stroke && stroke !== 'none' && width > 0) {
    ctx.strokeStyle = stroke;
    ctx.globalAlpha = opacity * num(cs.strokeOpacity, 1);
    ctx.lineWidth = width;
    ctx.lineCap = cs.strokeLinecap || 'round';
    ctx.lineJoin = cs.strokeLinejoin || 'round';
    const dash = cs.strokeDasharray && cs.strokeDasharray !== 'none'
      ? cs.strokeDasharray.split(/[\s,]+/).map((v) => num(v)).filter((v) => v >= 0) : [];
    ctx.setLineDash(dash);
    ctx.stroke();
  }
  ctx.restore();
}

const transparent = (c) => !c || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);

function roundRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  if (ctx.roundRect) ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
  else ctx.rect(x, y, w, h);
}

/** Text with a white halo (as the map labels have), centred on (x, y). */
function haloText(ctx, text, x, y, { font, color, halo = true }) {
  ctx.save();
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (halo) {
    ctx.strokeStyle = 'rgba(255,255,255,0.95)';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeText(text, x, y);
  }
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
  ctx.restore();
}

const fontOf = (cs) => `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;

/** A DOM marker or tooltip, drawn where it is on screen: box (background, border), image, text. */
function drawDom(ctx, node, origin) {
  const r = node.getBoundingClientRect();
  if (!r.width && !r.height) return;
  const x = r.left - origin.left, y = r.top - origin.top;
  if (node.tagName === 'IMG') {
    if (node.complete && node.naturalWidth) ctx.drawImage(node, x, y, r.width, r.height);
    return;
  }
  // The element that carries the visual box: itself, or its single styled child (e.g. .site-icon).
  const boxes = [node, ...node.querySelectorAll('*')].filter((n) => isVisible(n));
  for (const b of boxes) {
    const cs = getComputedStyle(b);
    const br = b.getBoundingClientRect();
    const bw = num(cs.borderTopWidth);
    if (transparent(cs.backgroundColor) && !(bw > 0 && cs.borderTopStyle !== 'none')) continue;
    const bx = br.left - origin.left, by = br.top - origin.top;
    const radius = num(cs.borderTopLeftRadius);
    ctx.save();
    ctx.globalAlpha = num(cs.opacity, 1);
    roundRect(ctx, bx + bw / 2, by + bw / 2, br.width - bw, br.height - bw, radius);
    if (!transparent(cs.backgroundColor)) { ctx.fillStyle = cs.backgroundColor; ctx.fill(); }
    if (bw > 0 && cs.borderTopStyle !== 'none' && !transparent(cs.borderTopColor)) {
      ctx.strokeStyle = cs.borderTopColor;
      ctx.lineWidth = bw;
      ctx.setLineDash(cs.borderTopStyle === 'dashed' ? [3, 2] : cs.borderTopStyle === 'dotted' ? [1, 2] : []);
      ctx.stroke();
    }
    ctx.restore();
  }
  const text = (node.innerText || '').trim();
  if (!text) return;
  // Style of the deepest element holding text (township labels colour their inner span).
  let holder = node;
  for (const n of node.querySelectorAll('*')) if (isVisible(n) && (n.innerText || '').trim()) holder = n;
  const cs = getComputedStyle(holder);
  const halo = !!cs.textShadow && cs.textShadow !== 'none' || !!getComputedStyle(node).textShadow && getComputedStyle(node).textShadow !== 'none';
  const lines = text.split('\n').filter(Boolean);
  const lh = num(cs.lineHeight, num(cs.fontSize, 12) * 1.25);
  lines.forEach((line, i) => haloText(ctx, line, x + r.width / 2, y + r.height / 2 + (i - (lines.length - 1) / 2) * lh,
    { font: fontOf(cs), color: cs.color, halo }));
}

/** A round scale-bar length (1, 2, 5 × 10^n metres) no longer than maxMetres. */
function niceMetres(maxMetres) {
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  const d = maxMetres / p;
  return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * p;
}

const pad2 = (n) => String(n).padStart(2, '0');

/** Visible overlays' names as the layer control shows them (current language). */
function visibleLayerNames(map) {
  const box = map.getContainer().querySelector('.leaflet-control-layers-overlays');
  if (!box) return [];
  return [...box.querySelectorAll('label')]
    .filter((l) => l.querySelector('input:checked'))
    .map((l) => {
      const c = l.cloneNode(true);
      c.querySelectorAll('.count').forEach((n) => n.remove());
      // innerText of a detached node ignores CSS: keep the spans of the current language.
      const mode = document.documentElement.classList.contains('lang-zh') ? 'zh' : document.documentElement.classList.contains('lang-en') ? 'en' : 'both';
      if (mode === 'zh') c.querySelectorAll('.t-en').forEach((n) => n.remove());
      if (mode === 'en') c.querySelectorAll('.t-zh').forEach((n) => n.remove());
      return c.textContent.replace(/\s+/g, ' ').trim();
    })
    .filter(Boolean);
}

/** Render the current map view; resolves to { blob, width, height, layers, tiles }. */
export async function renderMapPng(L, map, { title = '' } = {}) {
  const size = map.getSize();
  const W = size.x, H = HEAD + size.y + FOOT;
  const canvas = document.createElement('canvas');
  canvas.width = W * SCALE; canvas.height = H * SCALE;
  const ctx = canvas.getContext('2d');
  ctx.scale(SCALE, SCALE);
  const bodyFont = getComputedStyle(document.body).fontFamily;
  const font = (px, weight = 400) => `${weight} ${px}px ${bodyFont}`;

  // ---- map area ----
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.save();
  ctx.translate(0, HEAD);
  ctx.beginPath(); ctx.rect(0, 0, W, size.y); ctx.clip();
  ctx.fillStyle = getComputedStyle(container).backgroundColor || '#eef0f3';
  ctx.fillRect(0, 0, W, size.y);

  const items = [];
  let tiles = false;
  map.eachLayer((layer) => {
    if (layer instanceof L.GridLayer) { tiles = true; return; }
    if (layer instanceof L.Path && layer._path && isVisible(layer._path)) items.push({ node: layer._path, draw: () => drawPath(ctx, L, map, layer) });
  });
  // DOM markers and permanent labels (tooltips); popups and hover tooltips are left out.
  for (const node of container.querySelectorAll('.leaflet-marker-pane *, .leaflet-pane .leaflet-marker-icon, .leaflet-pane .leaflet-tooltip')) {
    if (!(node.classList.contains('leaflet-marker-icon') || node.classList.contains('leaflet-tooltip'))) continue;
    if (node.closest('.leaflet-popup') || !isVisible(node)) continue;
    if (node.classList.contains('leaflet-tooltip') && !node.classList.contains('map-label')) continue;
    items.push({ node, draw: () => drawDom(ctx, node, origin) });
  }
  const unique = [...new Map(items.map((i) => [i.node, i])).values()];
  unique.forEach((i) => { i.z = paneZ(i.node); });
  unique.sort((a, b) => (a.z - b.z)
    || (a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const i of unique) {
    try { i.draw(); } catch (err) { console.warn('export: skipped a layer', err); }
  }

  // North arrow (top right of the map).
  const ax = W - 34, ay = 14;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  roundRect(ctx, ax - 16, ay - 4, 32, 50, 5); ctx.fill();
  ctx.fillStyle = '#1f2933';
  ctx.beginPath(); ctx.moveTo(ax, ay + 2); ctx.lineTo(ax + 9, ay + 30); ctx.lineTo(ax, ay + 24); ctx.closePath(); ctx.fill();
  ctx.fillStyle = '#fff'; ctx.strokeStyle = '#1f2933'; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(ax, ay + 2); ctx.lineTo(ax - 9, ay + 30); ctx.lineTo(ax, ay + 24); ctx.closePath(); ctx.fill(); ctx.stroke();
  ctx.fillStyle = '#1f2933'; ctx.font = font(12, 700); ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.fillText('N', ax, ay + 38);
  ctx.restore();

  // Scale bar (bottom left of the map).
  const cy = size.y / 2;
  const mpp = map.distance(map.containerPointToLatLng([W / 2 - 50, cy]), map.containerPointToLatLng([W / 2 + 50, cy])) / 100;
  const metres = niceMetres(mpp * 140);
  const barPx = metres / mpp;
  const sx = 12, sy = size.y - 14;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 6, sy - 22, barPx + 12, 30);
  ctx.strokeStyle = '#1f2933'; ctx.lineWidth = 2;
  ctx.beginPath(); ctx.moveTo(sx, sy - 6); ctx.lineTo(sx, sy); ctx.lineTo(sx + barPx, sy); ctx.lineTo(sx + barPx, sy - 6); ctx.stroke();
  ctx.fillStyle = '#1f2933'; ctx.font = font(11, 600); ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, sx, sy - 9);
  ctx.restore();
  ctx.restore(); // end of map area

  // Frame.
  ctx.strokeStyle = '#9aa5b1'; ctx.lineWidth = 1;
  ctx.strokeRect(0.5, HEAD + 0.5, W - 1, size.y - 1);

  // ---- title band ----
  const now = new Date();
  const date = `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())} ${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
  const s = splitBi(title);
  const shownTitle = s ? pick(s.zh, s.en, title) : title;
  ctx.fillStyle = '#1f2933';
  ctx.textBaseline = 'alphabetic'; ctx.textAlign = 'left';
  ctx.font = font(19, 700);
  ctx.fillText(shownTitle, 12, 26);
  ctx.font = font(12);
  ctx.fillStyle = '#52606d';
  const c = map.getCenter();
  const layers = visibleLayerNames(map);
  ctx.fillText(`${pick('图层', 'Layers', '图层 Layers')}: ${layers.join(' · ') || '—'}`, 12, 46, W - 24);
  ctx.textAlign = 'right';
  ctx.fillText(`${date} · ${c.lat.toFixed(4)}°N ${c.lng.toFixed(4)}°E · z${Number(map.getZoom().toFixed(2))}`, W - 12, 26);

  // ---- footer ----
  ctx.textAlign = 'left';
  ctx.fillStyle = '#8d2d00';
  ctx.font = font(12, 700);
  const syn = pick('合成数据', 'Synthetic data', '合成数据 Synthetic data');
  ctx.fillText(syn, 12, HEAD + size.y + 20);
  const synW = ctx.measureText(syn).width;
  ctx.font = font(11);
  ctx.fillStyle = '#52606d';
  ctx.fillText(pick('乡镇、村级边界与全部人口为程序生成，非真实数据；县界为真实数据。',
    'Township/village boundaries and all populations are generated, not real; county outlines are real.',
    '乡镇、村级边界与全部人口为程序生成；县界为真实数据。 Township/village boundaries and populations are synthetic; county outlines are real.'),
  12 + synW + 8, HEAD + size.y + 20, W - synW - 32);
  const notes = [pick('WGS 84 经纬度，Web 墨卡托投影', 'WGS 84, Web Mercator', 'WGS 84 · Web Mercator 投影')];
  if (tiles) notes.push(pick('底图瓦片未包含', 'base-map tiles not included', '底图瓦片未包含 base-map tiles not included'));
  notes.push(`civatlas · ${pick('导出', 'exported', '导出 exported')} ${date}`);
  ctx.fillText(notes.join(' · '), 12, HEAD + size.y + 38, W - 24);

  const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  return { blob, width: canvas.width, height: canvas.height, layers, tiles };
}

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** The "导出图片 Export PNG" map button (top left, under the zoom buttons). */
export function exportControl(L, { getTitle, status }) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = (map) => {
    const button = el('button', { type: 'button', class: 'export-png', 'data-action': 'export-png' }, bi('导出图片', 'Export PNG'));
    biAttr(button, 'title', '将当前地图视图导出为 PNG 图片（矢量图层）', 'Save the current map view as a PNG image (vector layers)');
    const node = el('div', { class: 'leaflet-bar export-control' }, button);
    L.DomEvent.disableClickPropagation(node);
    L.DomEvent.disableScrollPropagation(node);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const result = await renderMapPng(L, map, { title: getTitle() });
        const now = new Date();
        const filename = `civatlas-map-${now.getFullYear()}${pad2(now.getMonth() + 1)}${pad2(now.getDate())}-${pad2(now.getHours())}${pad2(now.getMinutes())}.png`;
        download(result.blob, filename);
        window.dispatchEvent(new CustomEvent('civatlas:map-exported', { detail: { ...result, filename } }));
        if (result.tiles && status) status.warn('export-tiles', '导出图片未包含底图瓦片 The exported image does not include base-map tiles');
      } catch (err) {
        if (status) status.error('export', '导出图片失败 Map export failed', err);
        else console.error(err);
      } finally {
        button.disabled = false;
      }
    });
    return node;
  };
  return control;
}
