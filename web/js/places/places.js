// Wires the gazetteer into the page: header search box, "地名 Place names"
// header button and panel tabs (name page, announcements, naming cases for
// officers), the place-names layer, right-click "nearby names".
import { el } from '../core/escape.js';
import { biText, biHtml } from '../core/i18n.js';
import { initSearch } from './place-search.js';
import { createPlaceLayer, placePopupContent } from './place-layer.js';
import { createPlacePage } from './place-page.js';
import { createAnnouncements } from './announcements.js';
import { createNaming } from './naming-cases.js';
import { POPUP_OPTIONS } from '../map/panes.js';
import { loadCategories } from './places-api.js';

const OFFICER_ROLES = ['NAME_OFFICER', 'ADMIN'];

export async function initGazetteer({ L, map, addOverlay, status, nameOf, me, panel, units, beforeNode }) {
  const roles = (me && me.authenticated && me.roles) || [];
  const ctx = {
    L, map, status, nameOf: (code) => (code ? nameOf(code) : null), panel, units,
    officer: roles.some((r) => OFFICER_ROLES.includes(r)),
    categories: [],
    categoryLabel: (code) => code || '—',
  };
  // Header: search box after the title, and the panel button.
  const searchBox = el('div', { class: 'search-wrap' });
  document.querySelector('.app-header .brand').after(searchBox);
  const toggle = el('button', { type: 'button', class: 'header-button group-toggle', 'data-group': 'places' }, biText('地名 Place names'));
  beforeNode.before(toggle);
  panel.group('places', toggle, '地名 Place names');

  try {
    ctx.categories = await loadCategories();
    const byCode = new Map(ctx.categories.map((c) => [c.code, c]));
    ctx.categoryLabel = (code) => { const c = byCode.get(code); return c ? `${c.nameZh} ${c.nameEn}` : (code || '—'); };
  } catch (err) {
    status.error('categories', '地名类别加载失败 Place categories failed to load', err);
  }


  const layer = createPlaceLayer(ctx);
  async function reloadLayer() {
    try {
      const features = await layer.load();
      addOverlay(layer.group, `${biHtml('标准地名', 'Place names')} <span class="count">${features.length}</span>`, 4);
    } catch (err) {
      status.error('place-names', '地名图层加载失败 Place-names layer failed to load', err);
    }
  }

  ctx.showPlace = (r, opts = {}) => {
    if (typeof r.lon !== 'number' || typeof r.lat !== 'number') { ctx.openPlace(r.id); return; }
    const at = L.latLng(r.lat, r.lon);
    map.setView(at, Math.max(map.getZoom(), 13.5));
    L.popup({ ...POPUP_OPTIONS, offset: [0, -2] }).setLatLng(at).setContent(placePopupContent(r, ctx)).openOn(map);
    if (!opts.keepPanel) { /* the name's page stays one click away (Details) */ }
  };
  ctx.openPlace = (id) => { panel.select('place'); page.load(id); };
  ctx.openCase = (id) => { if (naming) { panel.select('naming'); naming.showCase(id); } };
  ctx.applyRename = (place) => { if (naming) { panel.select('naming'); naming.applyRename(place); } };
  ctx.placesChanged = () => { reloadLayer(); if (announcements) announcements.refresh(); };

  const page = panel.add('place', '地名页 Name page', (s) => createPlacePage(s, ctx), 'places');
  const announcements = panel.add('announcements', '公告 Announcements', (s) => createAnnouncements(s, ctx), 'places');
  const naming = ctx.officer ? panel.add('naming', '命名案件 Naming cases', (s) => createNaming(s, ctx), 'places') : null;

  initSearch(searchBox, ctx);
  await reloadLayer();
  return ctx;
}
