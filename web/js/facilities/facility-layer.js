// Facilities layer: one circle marker per facility, coloured by type group;
// planned = hollow dashed, under construction = dashed half-filled, closed =
// grey. Popups show the record (dates and capacity only reach logged-in
// staff) with edit / delete buttons for planners.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { loadFacilities } from './facilities-api.js';
import { groupOf, FACILITY_STATUS, OPERATORS, typeName } from './facility-text.js';
import { SYNTHETIC, integer } from '../core/text.js';
import { POPUP_OPTIONS } from '../map/panes.js';

export function markerStyle(f, group) {
  const color = groupOf(group).color;
  switch (f.status) {
    case 'PLANNED':
      return { radius: 6, color, weight: 2.2, dashArray: '3 2.5', fillColor: '#ffffff', fillOpacity: 0.95 };
    case 'UNDER_CONSTRUCTION':
      return { radius: 6, color, weight: 2.2, dashArray: '3 2.5', fillColor: color, fillOpacity: 0.4 };
    case 'CLOSED':
      return { radius: 5, color: '#616161', weight: 1, dashArray: null, fillColor: '#bdbdbd', fillOpacity: 0.8 };
    default:
      return { radius: 5.5, color: '#ffffff', weight: 1.3, dashArray: null, fillColor: color, fillOpacity: 0.95 };
  }
}

// Keep clear of the layer control (top right) as well.
const FACILITY_POPUP = { ...POPUP_OPTIONS, maxWidth: 400, autoPanPaddingTopLeft: [60, 230] };

const syntheticTag = () => el('span', { class: 'tag tag-synthetic', title: '程序生成的数据 Generated data' }, SYNTHETIC);

function popupContent(f, ctx, actions) {
  const type = ctx.typeByCode.get(f.type);
  const group = groupOf(type && type.group);
  const rows = [];
  const row = (label, ...value) => rows.push(el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, ...value)));
  row('类型 Type', el('span', { class: 'dot', style: `background:${group.color}` }), type ? typeName(type) : f.type);
  row('状态 Status', el('span', { class: `status-pill status-${String(f.status).toLowerCase()}` }, FACILITY_STATUS[f.status] || f.statusLabel || f.status));
  row('性质 Operator', OPERATORS[f.operator] || f.operator || '—');
  const unitName = f.unitCode ? ctx.nameOf(f.unitCode) : null;
  row('所在村/社区 Village', unitName || '—', f.unitCode ? el('code', { class: 'muted' }, ` ${f.unitCode}`) : null);
  const dates = [['plannedOn', '规划 Planned'], ['constructionStartedOn', '开工 Construction'], ['openedOn', '启用 Opened'], ['closedOn', '关闭 Closed']]
    .filter(([k]) => f[k]);
  if (dates.length) row('日期 Dates', el('span', { class: 'dates' }, dates.map(([k, label]) => el('span', {}, `${label} ${f[k]}`))));
  const cap = [];
  if (f.beds !== null && f.beds !== undefined && (f.beds > 0 || (type && type.hasBeds))) cap.push(`床位 Beds ${integer.format(f.beds)}`);
  if (f.nursingBeds) cap.push(`护理型 Nursing ${integer.format(f.nursingBeds)}`);
  if (f.floorAreaM2) cap.push(`面积 Area ${integer.format(f.floorAreaM2)} m²`);
  if (f.staff) cap.push(`人员 Staff ${integer.format(f.staff)}`);
  if (cap.length) row('规模 Capacity', cap.join(' · '));
  row('坐标 Location', el('code', {}, `${Number(f.lon).toFixed(5)}, ${Number(f.lat).toFixed(5)}`));
  if (f.source) row('来源 Source', el('span', { class: 'muted small' }, f.source));

  let buttons = null;
  if (ctx.canEdit) {
    const edit = el('button', { type: 'button', class: 'small-button', 'data-action': 'edit-facility' }, biText('编辑 Edit'));
    const del = el('button', { type: 'button', class: 'small-button danger' }, biText('删除 Delete'));
    const msg = el('span', { class: 'popup-msg', role: 'status' });
    edit.addEventListener('click', () => actions.edit(f));
    let armed = false;
    del.addEventListener('click', async () => {
      if (!armed) { armed = true; del.textContent = '确认删除？Confirm delete'; return; }
      del.disabled = true;
      msg.textContent = '正在删除… Deleting…';
      try { await actions.remove(f); } catch (err) {
        del.disabled = false;
        msg.textContent = `删除失败 Delete failed: ${err.detail || err.message}`;
        msg.className = 'popup-msg error';
      }
    });
    buttons = el('div', { class: 'popup-actions' }, edit, del, msg);
  }
  return el('div', { class: 'popup facility-popup' },
    el('h3', {}, f.name || '—', f.synthetic ? syntheticTag() : null),
    el('table', {}, el('tbody', {}, rows)),
    ctx.loggedIn ? null : el('p', { class: 'muted small' }, '登录后可见日期与规模 Log in to see dates and capacity'),
    buttons);
}

/**
 * ctx: { L, typeByCode, nameOf, canEdit, loggedIn }; actions: { edit(f), remove(f) }.
 * Returns { group, reload(), all(), byId(id), onLoad(fn) }.
 */
export function createFacilityLayer(ctx, actions) {
  const { L } = ctx;
  const group = L.layerGroup();
  let list = [];
  const markers = new Map();
  const listeners = [];

  let filter = null; // null = all types, else a Set of type codes

  function render() {
    group.clearLayers();
    markers.clear();
    // Operating first so planned (hollow) markers stay visible on top.
    const order = { CLOSED: 0, OPERATING: 1, UNDER_CONSTRUCTION: 2, PLANNED: 3 };
    for (const f of [...list].sort((a, b) => (order[a.status] ?? 1) - (order[b.status] ?? 1))) {
      if (typeof f.lat !== 'number' || typeof f.lon !== 'number') continue;
      if (filter && !filter.has(f.type)) continue;
      const type = ctx.typeByCode.get(f.type);
      const m = L.circleMarker([f.lat, f.lon], { pane: 'facilities', className: `facility-marker facility-${f.id}`, ...markerStyle(f, type && type.group) });
      m.bindTooltip(() => el('span', {}, `${f.name} · ${FACILITY_STATUS[f.status] || f.status}`), { direction: 'top', offset: [0, -6] });
      m.bindPopup(() => popupContent(f, ctx, actions), FACILITY_POPUP);
      m.addTo(group);
      markers.set(f.id, m);
    }
  }

  return {
    group,
    async reload() {
      list = await loadFacilities();
      render();
      for (const fn of listeners) fn(list);
      return list;
    },
    all: () => list,
    /** Show only these type codes (null: all). */
    setFilter(codes) {
      const next = codes && codes.length ? new Set(codes) : null;
      const same = (next === null && filter === null) || (next && filter && next.size === filter.size && [...next].every((c) => filter.has(c)));
      filter = next;
      if (!same) render();
    },
    filtered: () => filter !== null,
    byId: (id) => list.find((f) => f.id === id),
    marker: (id) => markers.get(id),
    onLoad: (fn) => listeners.push(fn),
  };
}
