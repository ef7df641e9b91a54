// Entry point of the map page: config and user, base map, the three
// division overlays, layer control, legend, start view and status messages;
// the interface-language switch, deep links (#map=z/lat/lng&panel=group/tab)
// and the PNG export button.
import { loadConfig, loadMe, onUnavailable } from './core/api.js';
import { loadCollection } from './map/ogc-api.js';
import { escapeHtml } from './core/escape.js';
import { renderUser } from './core/user.js';
import { createStatus } from './core/status.js';
import { createPanes } from './map/panes.js';
import { buildOverlay } from './map/division-layers.js';
import { bindLabelZoom } from './map/name-labels.js';
import { legendControl } from './map/legend.js';
import { APP_NAME } from './core/text.js';
import { COLLECTIONS, collectionName } from './map/division-text.js';
import { FACILITY_GROUPS } from './facilities/facility-text.js';
import { biText, biHtml, initLang, langSwitch, onLangChange, titleText } from './core/i18n.js';
import { parseLink, applyPanel, bindDeepLink } from './core/deeplink.js';
import { exportControl } from './map/export-png.js';
import { initPlanner } from './planner/planner.js';
import { initGazetteer } from './places/places.js';
import { initBoundaries } from './boundaries/boundaries.js';
import { initExchange } from './exchange/exchange.js';

const VILLAGE_LABEL_ZOOM = 12;
const status = createStatus(document.getElementById('status'));

// A GET answered 503 (database unavailable) is retried once by core/api.js after Retry-After seconds: say so meanwhile.
let unavailableWaits = 0;
onUnavailable(({ waiting, error }) => {
  if (waiting > 0) {
    unavailableWaits++;
    status.warn('unavailable', `${error.detail} — ${waiting} 秒后自动重试 retrying in ${waiting} s…`);
  } else if (--unavailableWaits <= 0) {
    unavailableWaits = 0;
    status.done('unavailable');
  }
});
let appTitle = APP_NAME;

initLang();
document.getElementById('user').after(langSwitch());
onLangChange(() => { document.title = titleText(appTitle); });

function applyTitle(title) {
  appTitle = title || APP_NAME;
  document.getElementById('app-title').replaceChildren(biText(appTitle));
  document.title = titleText(appTitle);
}

function createMap(L, config) {
  // Neutral start (all of China) until the county of interest is loaded.
  const map = L.map('map', { minZoom: 3, maxZoom: 18, zoomSnap: 0.5 }).setView([35, 105], 4);
  // While a shape is being drawn, clicks must reach the drawing tool, not the features under it (facility dots etc.)
  map.on('draw:drawstart', () => map.getContainer().classList.add('is-drawing'));
  map.on('draw:drawstop', () => map.getContainer().classList.remove('is-drawing'));
  createPanes(map);
  L.control.scale({ metric: true, imperial: false }).addTo(map);
  const order = new Map();
  const control = L.control.layers({}, {}, {
    collapsed: false, sortLayers: true,
    sortFunction: (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
  });
  const base = config.baseLayer;
  if (base && base.url) {
    // Attribution is rendered as HTML by Leaflet, so it is escaped here.
    const tiles = L.tileLayer(base.url, { maxZoom: 18, attribution: escapeHtml(base.attribution || '') }).addTo(map);
    control.addBaseLayer(tiles, biHtml('底图', 'Base map'));
    control.addBaseLayer(L.layerGroup(), biHtml('无底图', 'No base map'));
  }
  control.addTo(map);
  exportControl(L, { getTitle: () => appTitle, status }).addTo(map);
  legendControl(L, VILLAGE_LABEL_ZOOM, FACILITY_GROUPS).addTo(map);
  bindLabelZoom(map, [
    { name: 'county', min: 6 },
    { name: 'county-focus', max: 9.5 },
    { name: 'townships', min: 9 },
    { name: 'villages', min: VILLAGE_LABEL_ZOOM },
  ]);
  return {
    map,
    // Re-adding replaces the label (e.g. an updated count).
    addOverlay: (group, name, i) => { control.removeLayer(group); order.set(group, i); control.addOverlay(group, name); },
    removeOverlay: (group) => { control.removeLayer(group); order.delete(group); },
  };
}

async function main() {
  const L = window.L;
  // Read before anything rewrites the hash.
  const link = parseLink(location.hash);
  const userBox = document.getElementById('user');
  if (!L) {
    applyTitle(null);
    status.error('leaflet', '地图库 Leaflet 加载失败 Leaflet failed to load', null);
    return;
  }
  status.loading('config', '正在加载配置… Loading configuration…');
  const [configResult, meResult] = await Promise.allSettled([loadConfig(), loadMe()]);
  status.done('config');
  let config = {};
  if (configResult.status === 'fulfilled') config = configResult.value || {};
  else status.error('config', '配置加载失败 Failed to load configuration', configResult.reason);
  applyTitle(config.title);
  const showUserError = (msg) => status.error('user', msg, null);
  if (meResult.status === 'fulfilled') renderUser(userBox, meResult.value, showUserError);
  else {
    renderUser(userBox, null, showUserError);
    status.warn('user', '无法获取当前用户 Could not load the current user');
  }

  const { map, addOverlay, removeOverlay } = createMap(L, config);
  // A deep link's view wins over the fit to the county of interest.
  if (link.view) map.setView([link.view.lat, link.view.lng], link.view.zoom);
  const names = new Map();
  const ctx = { countyCode: config.countyCode || null, nameOf: (code) => names.get(code) };
  const loaded = [];
  const featuresById = {};
  let fitted = false;

  const overlays = {};

  /** Load (or reload) one division layer; a reloaded layer replaces the old one, keeping it shown or hidden. */
  async function loadDivision(c, i) {
    const { features, numberMatched } = await loadCollection(c.id);
    for (const f of features) if (f.properties && f.properties.code) names.set(f.properties.code, f.properties.name);
    featuresById[c.id] = features;
    const overlay = buildOverlay(L, c.id, features, ctx);
    const old = overlays[c.id];
    const visible = !old || map.hasLayer(old.group);
    if (old) { map.removeLayer(old.group); removeOverlay(old.group); }
    if (visible) overlay.group.addTo(map);
    addOverlay(overlay.group, `${biHtml(c.zh, c.en)} <span class="count">${features.length}</span>`, i);
    overlays[c.id] = overlay;
    loaded[i] = overlay;
    return { overlay, features, numberMatched };
  }

  /** Outlines share one pane: keep county lines above township lines above village lines, whatever loaded last. */
  function restack() {
    for (const c of [...COLLECTIONS].reverse()) {
      const o = overlays[c.id];
      if (o && map.hasLayer(o.group)) o.group.eachLayer((l) => { if (l.bringToFront) l.bringToFront(); });
    }
  }

  /** After an import: reload the named division layers (ids of COLLECTIONS). */
  async function reloadDivisions(ids) {
    await Promise.all(COLLECTIONS.map((c, i) => (ids.includes(c.id) ? (async () => {
      status.loading(c.id, `正在刷新${c.zh}… Reloading ${c.en.toLowerCase()}…`);
      try { await loadDivision(c, i); } finally { status.done(c.id); }
    })() : null)));
    restack();
  }

  await Promise.all(COLLECTIONS.map(async (c, i) => {
    const label = collectionName(c);
    status.loading(c.id, `正在加载${c.zh}… Loading ${c.en.toLowerCase()}…`);
    try {
      const { overlay, features, numberMatched } = await loadDivision(c, i);
      status.done(c.id);
      if (numberMatched !== null && numberMatched > features.length) {
        status.warn(`${c.id}-partial`, `${c.zh}仅显示 ${features.length} / ${numberMatched} ${c.en}: only ${features.length} of ${numberMatched} shown`);
      }
      if (overlay.focusLayer && !fitted) {
        if (!link.view) map.fitBounds(overlay.focusLayer.getBounds(), { padding: [16, 16] });
        fitted = true;
      }
    } catch (err) {
      status.done(c.id);
      status.error(c.id, `${label} 加载失败 failed to load`, err);
    }
  }));

  restack();
  if (!fitted) {
    // No county of interest: fit to the most detailed level that loaded.
    const overlay = [...loaded].reverse().find((o) => o && o.fill.getBounds().isValid());
    if (overlay && !link.view) map.fitBounds(overlay.fill.getBounds(), { padding: [16, 16] });
    if (ctx.countyCode && loaded[0]) {
      status.warn('focus', `未找到本县 ${ctx.countyCode} County of interest not found`);
    }
  }

  // Facilities layer and the planning panel (dashboard, coverage, editing, site planning).
  const me = meResult.status === 'fulfilled' ? meResult.value : null;
  const planner = await initPlanner({
    L, map, addOverlay, status, nameOf: ctx.nameOf, me,
    townships: featuresById.townships || [],
    villages: featuresById.villages || [],
  });

  // Units for the gazetteer and boundary forms: counties, townships, villages (code order).
  const units = [];
  for (const [id, kind, level] of [['counties', 'county', '县 county'], ['townships', 'township', '乡镇 township'], ['villages', 'village', '村 village']]) {
    for (const f of featuresById[id] || []) {
      const p = f.properties || {};
      if (p.code) units.push({ code: p.code, name: p.name || p.code, kind, level });
    }
  }
  const shared = {
    L, map, addOverlay, status, nameOf: ctx.nameOf, me, panel: planner.panel, units, countyCode: ctx.countyCode,
    beforeNode: document.querySelector('.planning-toggle'),
  };
  await Promise.all([
    initGazetteer(shared).catch((err) => status.error('gazetteer', '地名功能加载失败 Place names failed to load', err)),
    initBoundaries(shared).catch((err) => status.error('boundaries', '界线功能加载失败 Boundaries failed to load', err)),
  ]);
  try {
    initExchange({ ...shared, reloadDivisions, facilitiesChanged: planner.facilitiesChanged });
  } catch (err) {
    status.error('exchange', '数据交换功能加载失败 Data exchange failed to load', err);
  }
  // #places, #boundaries, #data (and #planning, opened by the planner) as before; else the deep link's panel tab.
  const hash = link.legacy ? link.panel : '';
  if (hash === 'places' || hash === 'boundaries' || hash === 'data') document.querySelector(`.group-toggle[data-group="${hash}"]`)?.click();
  else if (link.panel && !link.legacy && !applyPanel(planner.panel, link.panel)) {
    status.warn('link', `链接中的面板不可用 The linked panel is not available: ${link.panel}`);
  }
  bindDeepLink({ map, panel: planner.panel });
}

main().catch((err) => status.error('app', '页面出错 Page error', err));
