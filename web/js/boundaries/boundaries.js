// Boundaries ("界线"): the lines layer (styled by level), markers coloured by
// condition, the disputes layer for staff (see disputes.js), and the panel
// tabs: lines with inspection status and a line's dossier (lines-tab.js) and the
// topology check (topology-tab.js).
import { el } from '../core/escape.js';
import { bi, biText, biHtml, splitBi } from '../core/i18n.js';
import { loadCollection } from '../map/ogc-api.js';
import { dash, kvTable, fmtKm } from '../core/forms.js';
import { LEVELS, LINE_STYLES, DISPUTE_LINES, MARKER_CONDITIONS, MARKER_TYPES, conditionLabel, lineName, syntheticTag } from './boundary-text.js';
import { SYNTHETIC } from '../core/text.js';
import { createDisputes } from './disputes.js';
import { createLinesTab } from './lines-tab.js';
import { createTopologyTab } from './topology-tab.js';

const BOUNDARY_ROLES = ['BOUNDARY_OFFICER', 'ADMIN'];

export async function initBoundaries({ L, map, addOverlay, status, nameOf, me, panel, units, countyCode, beforeNode }) {
  const roles = (me && me.authenticated && me.roles) || [];
  const ctx = {
    L, map, status, nameOf, panel, units, countyCode,
    staff: !!(me && me.authenticated) && roles.length > 0,
    officer: roles.some((r) => BOUNDARY_ROLES.includes(r)),
  };
  for (const [name, z] of [['blines', 407], ['disputes', 408], ['topology', 409], ['bhighlight', 410], ['bmarkers', 626]]) {
    map.createPane(name).style.zIndex = String(z);
  }

  const toggle = el('button', { type: 'button', class: 'header-button group-toggle', 'data-group': 'boundaries' }, biText('界线 Boundaries'));
  beforeNode.before(toggle);
  panel.group('boundaries', toggle, '界线 Boundaries');

  // ---- layers ----
  const linesGroup = L.layerGroup();
  const markersGroup = L.layerGroup();
  const highlight = L.layerGroup().addTo(map);
  let lineFeatures = [];
  const lineLayers = new Map();

  async function loadLines() {
    const { features } = await loadCollection('boundary-lines');
    lineFeatures = features;
    linesGroup.clearLayers();
    lineLayers.clear();
    // Villages first so county and township lines are drawn on top.
    const order = { VILLAGE: 0, TOWNSHIP: 1, COUNTY: 2 };
    const sorted = [...features].sort((a, b) => (order[a.properties.level] ?? 0) - (order[b.properties.level] ?? 0));
    for (const f of sorted) {
      const p = f.properties || {};
      const layer = L.geoJSON(f, { pane: 'blines', style: () => ({ ...(LINE_STYLES[p.level] || LINE_STYLES.VILLAGE), lineCap: 'round' }) });
      layer.bindTooltip(() => el('span', {}, lineName(p), ` · ${LEVELS[p.level] || p.level}`, p.geometrySynthetic ? ` · ${SYNTHETIC}` : ''), { sticky: true });
      layer.bindPopup(() => linePopup(p), { maxWidth: 340 });
      layer.addTo(linesGroup);
      lineLayers.set(p.lineCode, layer);
    }
    addOverlay(linesGroup, `${biHtml('界线', 'Boundary lines')} <span class="count">${features.length}</span>`, 5);
  }

  function linePopup(p) {
    const dossier = el('button', { type: 'button', class: 'small-button', 'data-action': 'line-dossier' }, biText('界线档案 Dossier'));
    dossier.addEventListener('click', () => { map.closePopup(); openLine(p.lineCode); });
    return el('div', { class: 'popup' },
      el('h3', {}, lineName(p), p.geometrySynthetic ? syntheticTag() : null),
      kvTable([
        ['界线编号 Line', el('code', {}, p.lineCode)],
        ['级别 Level', LEVELS[p.level] || p.level],
        ['长度 Length', fmtKm(p.lengthMetres)],
        p.overlapSquareMetres ? ['重叠 Overlap', `${Math.round(p.overlapSquareMetres)} m²`] : null,
        ['几何 Geometry', p.geometrySynthetic ? el('span', {}, '程序生成 generated ', syntheticTag()) : '真实 real'],
      ]),
      el('div', { class: 'popup-actions' }, dossier));
  }

  let markerList = [];
  async function loadMarkers() {
    const { features } = await loadCollection('boundary-markers');
    markerList = features;
    markersGroup.clearLayers();
    for (const f of features) {
      const p = f.properties || {};
      const [lon, lat] = f.geometry.coordinates;
      const c = MARKER_CONDITIONS[p.condition] || { color: '#616161' };
      const m = L.circleMarker([lat, lon], {
        pane: 'bmarkers', radius: 6, color: '#fff', weight: 1.5, fillColor: c.color, fillOpacity: 1,
        ...(p.condition === 'MISSING' ? { color: c.color, weight: 2.5, fillColor: '#fff', dashArray: '2 2' } : {}),
      });
      m.bindTooltip(() => el('span', {}, `界桩 ${p.number} · ${p.conditionLabel || conditionLabel(p.condition)}`), { direction: 'top', offset: [0, -6] });
      m.bindPopup(() => {
        const dossier = el('button', { type: 'button', class: 'small-button' }, biText('界线档案 Dossier'));
        dossier.addEventListener('click', () => { map.closePopup(); openLine(p.lineCode); });
        return el('div', { class: 'popup' },
          el('h3', {}, `界桩 Marker ${p.number}`),
          kvTable([
            ['界线 Line', el('code', {}, p.lineCode)],
            ['类型 Type', p.typeLabel || MARKER_TYPES[p.type] || p.type],
            ['状况 Condition', el('span', { class: 'dot', style: `background:${c.color}` }), ` ${conditionLabel(p.condition)}`],
            ['管护方 Kept by', nameOf(p.keptBy) || p.keptBy || '—'],
            ['埋设 Installed', dash(p.installedOn)],
            ['坐标 Location', el('code', {}, `${lon.toFixed(6)}, ${lat.toFixed(6)}`)],
          ]),
          el('div', { class: 'popup-actions' }, dossier));
      });
      m.addTo(markersGroup);
    }
    addOverlay(markersGroup, `${biHtml('界桩', 'Boundary markers')} <span class="count">${features.length}</span>`, 6);
  }

  const reload = async (what) => {
    const jobs = [];
    if (what.includes('lines')) jobs.push(loadLines().catch((e) => status.error('blines', '界线加载失败 Boundary lines failed to load', e)));
    if (what.includes('markers')) jobs.push(loadMarkers().catch((e) => status.error('bmarkers', '界桩加载失败 Markers failed to load', e)));
    await Promise.all(jobs);
  };
  await reload(['lines', 'markers']);

  ctx.showLayers = () => { if (!map.hasLayer(linesGroup)) linesGroup.addTo(map); if (!map.hasLayer(markersGroup)) markersGroup.addTo(map); };

  function highlightGeometry(geometry, fit = true) {
    highlight.clearLayers();
    if (!geometry) return;
    const halo = L.geoJSON(geometry, { pane: 'bhighlight', interactive: false, style: { color: '#ffeb3b', weight: 10, opacity: 0.75 } });
    const core = L.geoJSON(geometry, { pane: 'bhighlight', interactive: false, style: { color: '#000', weight: 2, opacity: 0.9 } });
    halo.addTo(highlight); core.addTo(highlight);
    if (fit) { const b = halo.getBounds(); if (b.isValid()) map.fitBounds(b, { padding: [40, 40], maxZoom: 15 }); }
  }
  ctx.highlightGeometry = highlightGeometry;
  ctx.clearHighlight = () => highlight.clearLayers();

  const legendParts = addLegend(ctx);
  const syncLegend = () => {
    if (!legendParts) return;
    legendParts.boundaries.forEach((n) => { n.hidden = !(map.hasLayer(linesGroup) || map.hasLayer(markersGroup)); });
    legendParts.disputes.forEach((n) => { n.hidden = !ctx.disputesLayer || !map.hasLayer(ctx.disputesLayer); });
  };
  map.on('overlayadd overlayremove layeradd layerremove', syncLegend);
  syncLegend();

  // ---- panel ----
  let linesTab = null;
  function openLine(code) { panel.select('blines'); linesTab.openDossier(code); }
  ctx.openLine = openLine;

  linesTab = panel.add('blines', '界线 Lines', (s) => createLinesTab(s, ctx, { lineFeatures: () => lineFeatures, reload }), 'boundaries');
  panel.add('topology', '拓扑检查 Topology', (s) => createTopologyTab(s, ctx), 'boundaries');
  let disputes = null;
  if (ctx.staff) {
    disputes = panel.add('disputes', '争议 Disputes', (s) => createDisputes(s, ctx), 'boundaries');
    ctx.openDispute = (id) => { panel.select('disputes'); disputes.showDispute(id); };
    ctx.disputesLayer = await disputes.loadLayer(addOverlay);
    syncLegend();
  }
  return ctx;
}

/** Boundary entries in the legend; dispute styles only for staff. */
function addLegend(ctx) {
  const legend = document.querySelector('details.legend');
  if (!legend) return;
  const line = (s, dash) => el('span', { class: 'swatch swatch-line', style: `border-top:${Math.max(1.5, s.weight)}px ${dash ? 'dashed' : 'solid'} ${s.color}` });
  const item = (sw, text) => el('li', {}, sw, el('span', {}, typeof text === 'string' ? biText(text) : text));
  const dot = (style) => el('span', { class: 'swatch swatch-dot' }, el('span', { style }));
  const parts = (label) => splitBi(label) || { zh: label, en: label };
  const boundaries = [
    el('p', { class: 'legend-sub' }, biText('界线与界桩 Boundaries')),
    el('ul', { class: 'legend-grid' },
      Object.entries(LINE_STYLES).map(([k, s]) => item(line(s), bi(`${parts(LEVELS[k]).zh}界线`, `${parts(LEVELS[k]).en} lines`))),
      Object.entries(MARKER_CONDITIONS).map(([, c]) => item(dot(`background:${c.color}`), bi(`界桩${parts(c.label).zh}`, `Marker ${parts(c.label).en.toLowerCase()}`)))),
    el('p', { class: 'legend-hint' }, biText('乡、村级界线为合成数据 Township and village lines are synthetic')),
  ];
  const disputes = ctx.staff ? [el('p', { class: 'legend-sub' }, bi('边界争议（工作人员）', 'Disputes (staff)')),
    el('ul', { class: 'legend-grid' },
      item(el('span', { class: 'swatch swatch-fill', style: 'background:rgba(255,138,128,.3);border:2px dashed #b71c1c' }), '争议范围 Disputed area'),
      Object.values(DISPUTE_LINES).map((s) => item(line(s, !!s.dashArray), s.label)))] : [];
  const nodes = [...boundaries, ...disputes];
  const hint = legend.querySelector('.legend-hint');
  if (hint) hint.before(...nodes); else legend.append(...nodes);
  return { boundaries, disputes };
}
