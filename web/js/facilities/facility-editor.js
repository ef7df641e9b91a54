// Facilities tab: counts by type and status for everyone; for planners the
// add / edit form. Placing: click the map (a draggable marker shows the spot).
// The server's problem detail is shown next to the form and the input is
// kept; a 422 "outside the county" asks for confirmation and resubmits with
// confirmOutside=true. A 409 (someone else saved the facility meanwhile) keeps
// what the planner typed and offers to reload the facility: what changed is
// shown, and saving again applies the typed values on the new version.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';

import { loadFacility, saveFacility } from './facilities-api.js';
import { startPick, stopPick } from '../map/map-pick.js';
import { FACILITY_STATUS, OPERATORS, groupOf, typeName } from './facility-text.js';

const DATE_FIELDS = [
  ['plannedOn', '规划日期 Planned on'],
  ['constructionStartedOn', '开工日期 Construction started'],
  ['openedOn', '启用日期 Opened on'],
  ['closedOn', '关闭日期 Closed on'],
];
const NUMBER_FIELDS = [
  ['beds', '床位 Beds', 'beds'],
  ['nursingBeds', '护理型床位 Nursing beds', 'beds'],
  ['floorAreaM2', '建筑面积 Floor area (m²)', ''],
  ['staff', '工作人员 Staff', ''],
];

export function createFacilityEditor(section, ctx, facilities) {
  const { L, map } = ctx;
  const summary = el('div', { class: 'facility-summary' });
  const editorBox = el('div', { class: 'editor-box' });
  section.append(editorBox, summary);

  // ---- summary table (everyone) ----
  function renderSummary(list) {
    const statuses = Object.keys(FACILITY_STATUS);
    const count = new Map();
    for (const f of list) {
      const k = `${f.type}|${f.status}`;
      count.set(k, (count.get(k) || 0) + 1);
    }
    summary.replaceChildren(
      el('h3', {}, biText('民政设施 Facilities'), ` (${list.length})`),
      el('table', { class: 'data-table' },
        el('thead', {}, el('tr', {}, el('th', {}, '类型 Type'), statuses.map((s) => el('th', { class: 'num' }, FACILITY_STATUS[s].split(' ')[0])))),
        el('tbody', {}, ctx.types.map((t) => el('tr', {},
          el('td', {}, el('span', { class: 'dot', style: `background:${groupOf(t.group).color}` }), ` ${t.nameZh}`),
          statuses.map((s) => el('td', { class: 'num' }, count.get(`${t.code}|${s}`) || '')))))),
      el('p', { class: 'muted small' }, '全部设施为合成演示数据 All facilities are synthetic demo data.'));
  }
  facilities.onLoad(renderSummary);

  if (!ctx.canEdit) {
    editorBox.append(el('p', { class: 'panel-note' }, ctx.loggedIn
      ? '编辑设施需要规划员或管理员角色 Editing facilities needs the PLANNER or ADMIN role.'
      : el('span', {}, '以规划员身份', el('a', { href: 'login.html' }, '登录 log in'), '后可添加、编辑设施 Log in as a planner to add or edit facilities.')));
    return { show() {}, edit() {} };
  }

  // ---- the form (planners) ----
  const addButton = el('button', { type: 'button', class: 'primary small', 'data-action': 'add-facility' }, biText('＋ 添加设施 Add facility'));
  editorBox.append(addButton);
  const heading = el('h3', {});
  const problem = el('div', { class: 'problem', role: 'alert', hidden: true });
  const notice = el('div', { class: 'notice', role: 'status', hidden: true });
  const f = {};
  f.type = el('select', { name: 'type', required: true },
    el('option', { value: '' }, '— 选择类型 choose a type —'),
    [...groupBy(ctx.types)].map(([g, list]) => el('optgroup', { label: `${groupOf(g).zh} ${groupOf(g).en}` },
      list.map((t) => el('option', { value: t.code }, typeName(t))))));
  f.name = el('input', { name: 'name', maxlength: '200', autocomplete: 'off' });
  f.operator = el('select', { name: 'operator' }, Object.entries(OPERATORS).map(([v, l]) => el('option', { value: v }, l)));
  f.status = el('select', { name: 'status' }, Object.entries(FACILITY_STATUS).map(([v, l]) => el('option', { value: v }, l)));
  for (const [k] of DATE_FIELDS) f[k] = el('input', { type: 'date', name: k });
  for (const [k] of NUMBER_FIELDS) f[k] = el('input', { type: 'number', name: k, min: '0', step: k === 'floorAreaM2' ? 'any' : '1', class: 'input-num' });
  f.lon = el('input', { type: 'number', name: 'lon', step: 'any', class: 'input-coord' });
  f.lat = el('input', { type: 'number', name: 'lat', step: 'any', class: 'input-coord' });
  const place = el('button', { type: 'button', class: 'small-button' }, biText('在地图上点选 Pick on map'));
  const save = el('button', { type: 'submit', class: 'primary small' }, biText('保存 Save'));
  const cancel = el('button', { type: 'button', class: 'small-button' }, biText('取消 Cancel'));
  const field = (label, input, cls = '') => el('label', { class: `field-row ${cls}` }, el('span', {}, label), input);
  const bedRows = NUMBER_FIELDS.filter(([, , c]) => c === 'beds').map(([k, label]) => field(label, f[k], 'beds-field'));
  const form = el('form', { class: 'panel-form facility-form', hidden: true, novalidate: true },
    heading,
    field('类型 Type *', f.type),
    field('名称 Name *', f.name),
    field('性质 Operator', f.operator),
    field('状态 Status', f.status),
    el('div', { class: 'field-row' }, el('span', {}, '位置 Location *'),
      el('span', { class: 'coords' }, f.lon, f.lat, place)),
    el('div', { class: 'grid2' }, DATE_FIELDS.map(([k, label]) => field(label, f[k]))),
    el('div', { class: 'grid2' }, bedRows, NUMBER_FIELDS.filter(([, , c]) => c !== 'beds').map(([k, label]) => field(label, f[k]))),
    problem, notice,
    el('div', { class: 'form-row buttons' }, save, cancel));
  editorBox.append(form);

  let editingId = null;
  let editingVersion = null;
  /** The facility as loaded into the form (or last reloaded): what "changed meanwhile" is measured against. */
  let loaded = null;
  let marker = null;
  let pendingOutside = false;

  const updateBeds = () => {
    const t = ctx.typeByCode.get(f.type.value);
    const has = !t || t.hasBeds;
    for (const r of bedRows) r.hidden = !has;
  };
  f.type.addEventListener('change', updateBeds);

  function setPoint(latlng, pan = false) {
    f.lat.value = latlng.lat.toFixed(6);
    f.lon.value = latlng.lng.toFixed(6);
    if (!marker) {
      marker = L.marker(latlng, { draggable: true, pane: 'sites', title: '新位置 New location', icon: L.divIcon({ className: 'edit-pin', html: '', iconSize: [22, 22], iconAnchor: [11, 22] }) }).addTo(map);
      marker.on('dragend', () => setPoint(marker.getLatLng()));
    } else marker.setLatLng(latlng);
    if (pan) map.panTo(latlng);
    pendingOutside = false;
  }
  const syncMarkerFromInputs = () => {
    const lat = Number(f.lat.value), lon = Number(f.lon.value);
    if (f.lat.value !== '' && f.lon.value !== '' && Number.isFinite(lat) && Number.isFinite(lon)) setPoint(L.latLng(lat, lon));
  };
  f.lat.addEventListener('change', syncMarkerFromInputs);
  f.lon.addEventListener('change', syncMarkerFromInputs);

  function pick() {
    startPick(map, {
      hint: '点击地图放置设施 Click the map to place the facility',
      onPick: (latlng) => { setPoint(latlng); stopPick(); },
    });
  }
  place.addEventListener('click', pick);

  function showProblem(title, detail, extra, parameter, split = false) {
    // A 400 lists every problem separated by "; ".
    const parts = split ? String(detail || '').split(/;\s+/).filter(Boolean) : [];
    problem.replaceChildren(...[el('strong', {}, title),
      parts.length > 1 ? el('ul', {}, parts.map((p) => el('li', {}, p))) : el('p', {}, detail || ''), extra].filter(Boolean));
    problem.hidden = false;
    // Mark the fields the server named ("beds: …", "nursingBeds (20) exceeds…", or the problem's `parameter`).
    for (const input of Object.values(f)) input.classList.remove('invalid-field');
    const named = new Set(parameter ? [parameter] : []);
    for (const k of Object.keys(f)) if (new RegExp(`\\b${k}\\b`).test(String(detail || ''))) named.add(k);
    for (const k of named) if (f[k]) f[k].classList.add('invalid-field');
  }

  function open(facility) {
    ctx.panel.select('facilities');
    editingId = facility ? facility.id : null;
    editingVersion = facility ? facility.version : null;
    loaded = facility;
    heading.textContent = facility ? `编辑设施 Edit facility #${facility.id}` : '添加设施 Add facility';
    problem.hidden = true;
    notice.hidden = true;
    for (const input of Object.values(f)) input.classList.remove('invalid-field');
    form.hidden = false;
    addButton.hidden = true;
    form.reset();
    if (facility) {
      for (const k of ['type', 'name', 'operator', 'status', ...DATE_FIELDS.map((d) => d[0]), ...NUMBER_FIELDS.map((d) => d[0])]) {
        f[k].value = facility[k] === null || facility[k] === undefined ? '' : String(facility[k]);
      }
      setPoint(L.latLng(facility.lat, facility.lon), true);
      map.closePopup();
    } else {
      f.status.value = 'PLANNED';
      f.operator.value = 'PUBLIC';
      if (marker) { marker.remove(); marker = null; }
      pick();
    }
    updateBeds();
    f.type.focus();
  }

  function close() {
    stopPick();
    form.hidden = true;
    addButton.hidden = false;
    if (marker) { marker.remove(); marker = null; }
    editingId = null;
  }

  function body() {
    const t = ctx.typeByCode.get(f.type.value);
    const b = { name: f.name.value.trim(), type: f.type.value || null, operator: f.operator.value, status: f.status.value };
    for (const [k] of DATE_FIELDS) b[k] = f[k].value || null;
    for (const [k, , c] of NUMBER_FIELDS) b[k] = f[k].value === '' || (c === 'beds' && t && !t.hasBeds) ? null : Number(f[k].value);
    b.lon = f.lon.value === '' ? null : Number(f.lon.value);
    b.lat = f.lat.value === '' ? null : Number(f.lat.value);
    // the version this edit was made on: a change saved meanwhile by someone else is a 409, not overwritten
    if (editingId) b.version = editingVersion;
    return b;
  }

  async function submit(confirmOutside) {
    const b = body();
    if (b.lon === null || b.lat === null) {
      showProblem('缺少位置 Location missing', '请点击地图放置设施 Click the map to place the facility');
      return;
    }
    save.disabled = true;
    problem.hidden = true;
    problem.after(notice); // back in the form (a saved notice is shown above it)
    notice.hidden = false;
    notice.className = 'notice';
    notice.textContent = '正在保存… Saving…';
    try {
      const saved = await saveFacility(editingId, b, confirmOutside);
      const warnings = saved.warnings || [];
      close();
      notice.hidden = false;
      notice.replaceChildren(...[el('strong', {}, `已保存 Saved: ${saved.name} (#${saved.id})`),
        warnings.length ? el('ul', {}, warnings.map((w) => el('li', {}, typeof w === 'string' ? w : (w.detail || JSON.stringify(w))))) : null].filter(Boolean));
      notice.className = warnings.length ? 'notice warn' : 'notice ok';
      editorBox.insertBefore(notice, addButton.nextSibling);
      await ctx.facilitiesChanged({ focus: saved });
    } catch (err) {
      notice.hidden = true;
      if (err.status === 422 && !confirmOutside) {
        const yes = el('button', { type: 'button', class: 'small-button danger', 'data-action': 'confirm-outside' }, biText('确认在县外，仍然保存 Yes, save outside the county'));
        yes.addEventListener('click', () => submit(true));
        showProblem(`${err.title || '位置在县外 Outside the county'} (HTTP 422)`, err.detail, el('div', { class: 'confirm-row' }, yes), err.parameter);
        pendingOutside = true;
      } else if (err.status === 409 && editingId) {
        showConflict(err);
      } else if (err.status === 503) {
        // the database is out of reach for a moment: nothing was saved, the input stays, save again later
        showProblem(`${err.title} (HTTP 503)`, err.detail);
      } else if (err.status === 401 || err.status === 403) {
        showProblem(`无权限 Not allowed (HTTP ${err.status})`, err.detail || '请重新登录 Please log in again');
      } else {
        showProblem(`服务器拒绝 Refused by the server (HTTP ${err.status || '—'}): ${err.title || ''}`, err.detail || err.message, null, err.parameter, err.status === 400);
      }
    } finally { save.disabled = false; }
  }

  /** 409: someone else saved this facility since it was loaded. The form keeps the typed values. */
  function showConflict(err) {
    const reload = el('button', { type: 'button', class: 'small-button', 'data-action': 'reload-facility' },
      biText('重新加载该设施 Reload this facility'));
    const changes = el('div', { class: 'conflict-changes' });
    const id = editingId;
    const before = loaded;
    reload.addEventListener('click', async () => {
      reload.disabled = true;
      changes.replaceChildren(el('p', { class: 'muted small' }, '正在加载… Loading…'));
      try {
        const fresh = await loadFacility(id);
        if (editingId !== id) return; // the form moved on meanwhile
        loaded = fresh;
        editingVersion = fresh.version;
        // no longer an error: what changed, and how to go on (the typed values are still in the form)
        problem.hidden = true;
        for (const input of Object.values(f)) input.classList.remove('invalid-field');
        problem.after(notice);
        notice.className = 'notice warn conflict-changes';
        notice.replaceChildren(...describeChanges(before, fresh));
        notice.hidden = false;
        notice.scrollIntoView({ block: 'nearest' });
      } catch (e) {
        reload.disabled = false;
        changes.replaceChildren(el('p', { class: 'error-text' }, `重新加载失败 Reload failed: ${e.title || ''} ${e.detail || e.message}`));
      }
    });
    const title = err.title === 'Concurrent change' ? '同时修改 Changed at the same time' : '已被他人修改 Edited by someone else';
    showProblem(`${title} (HTTP 409)`, err.detail,
      el('div', { class: 'conflict' },
        el('p', { class: 'small' }, '您填写的内容仍在表单中，尚未保存。 What you typed is still in the form, not saved.'),
        el('div', { class: 'confirm-row' }, reload), changes),
      err.parameter === 'version' ? null : err.parameter);
    problem.scrollIntoView({ block: 'nearest' });
  }

  /** What someone else changed between the loaded record and the fresh one, and how to go on. */
  function describeChanges(before, fresh) {
    const label = new Map([['type', '类型 Type'], ['name', '名称 Name'], ['operator', '性质 Operator'], ['status', '状态 Status'],
      ...DATE_FIELDS, ...NUMBER_FIELDS.map(([k, l]) => [k, l]), ['lon', '经度 Longitude'], ['lat', '纬度 Latitude']]);
    const shown = (k, v) => {
      if (v === null || v === undefined || v === '') return '—';
      if (k === 'status') return FACILITY_STATUS[v] || String(v);
      if (k === 'operator') return OPERATORS[v] || String(v);
      if (k === 'type') { const t = ctx.typeByCode.get(v); return t ? typeName(t) : String(v); }
      return String(v);
    };
    const same = (a, b) => (a ?? '') === (b ?? '') || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);
    const rows = [...label].filter(([k]) => before && !same(before[k], fresh[k]))
      .map(([k, l]) => el('tr', { 'data-changed': k }, el('th', { scope: 'row' }, l),
        el('td', {}, shown(k, before[k])), el('td', {}, el('strong', {}, shown(k, fresh[k])))));
    const useTheirs = el('button', { type: 'button', class: 'small-button', 'data-action': 'use-theirs' },
      biText('改用他人保存的内容 Use their values'));
    useTheirs.addEventListener('click', () => {
      for (const k of ['type', 'name', 'operator', 'status', ...DATE_FIELDS.map((d) => d[0]), ...NUMBER_FIELDS.map((d) => d[0])]) {
        f[k].value = fresh[k] === null || fresh[k] === undefined ? '' : String(fresh[k]);
      }
      setPoint(L.latLng(fresh.lat, fresh.lon));
      updateBeds();
      notice.hidden = true;
    });
    return [
      el('p', { 'data-field': 'new-version' }, el('strong', {}, `已重新加载该设施：版本 ${before ? before.version : '—'} → ${fresh.version}`),
        ` Reloaded: version ${before ? before.version : '—'} → ${fresh.version}`),
      rows.length
        ? el('table', { class: 'data-table conflict-table' },
          el('thead', {}, el('tr', {}, el('th', {}, '字段 Field'), el('th', {}, '您加载时 When you loaded'), el('th', {}, '他人保存后 Now'))),
          el('tbody', {}, rows))
        : el('p', { class: 'muted small' }, '他人未修改表单中的字段 No field of this form was changed by the other save.'),
      el('p', { class: 'small' }, `再次点击“保存”即以您填写的内容覆盖版本 ${fresh.version}。 Press Save again to apply your values on version ${fresh.version}.`),
      el('div', { class: 'confirm-row' }, useTheirs),
    ];
  }

  addButton.addEventListener('click', () => { notice.hidden = true; open(null); });
  cancel.addEventListener('click', close);
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(false); });
  form.addEventListener('input', () => { if (pendingOutside) { pendingOutside = false; } });

  return { show() {}, edit: (facility) => open(facility) };
}

function groupBy(types) {
  const m = new Map();
  for (const t of types) {
    if (!m.has(t.group)) m.set(t.group, []);
    m.get(t.group).push(t);
  }
  return m;
}
