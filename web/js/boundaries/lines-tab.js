// The boundary lines tab: the lines with their inspection status (filter by level, name, due), and a line's
// dossier: particulars, versions, markers, inspections, the print view; for officers record an inspection,
// add a marker, record a marker's condition.
import { el } from '../core/escape.js';
import { biText, biAttr } from '../core/i18n.js';
import { field, input, textarea, select, problemBox, showProblem, val, dash, kvTable, dataTable, fmtKm, fmtInstant, today, setChildren } from '../core/forms.js';
import { LEVELS, MARKER_CONDITIONS, MARKER_TYPES, CRS, INSPECTION_KINDS, INSPECTION_STATUS, DISPUTE_STATUS, conditionLabel, lineName, syntheticTag } from './boundary-text.js';
import { parseWkt } from '../map/wkt.js';
import { startPick, stopPick } from '../map/map-pick.js';
import { openDossierPrint } from './dossier-print.js';
import { loadInspectionStatus, loadLine, recordMarkerCondition, recordInspection, addMarker } from './boundaries-api.js';

const statusCell = (s) => (s ? el('span', { class: `insp insp-${String(s.status || '').toLowerCase()}` }, INSPECTION_STATUS[s.status] || s.status) : '—');

export function createLinesTab(section, ctx, { lineFeatures, reload }) {
  const { map, L } = ctx;
  const level = select('level', [['', '全部级别 All levels'], ...Object.entries(LEVELS)], { class: 'input-select' });
  level.value = 'TOWNSHIP';
  const filter = input('filter', { type: 'search', placeholder: '筛选名称 Filter by name' });
  biAttr(filter, 'placeholder', '筛选名称', 'Filter by name');
  const onlyDue = el('input', { type: 'checkbox' });
  const toolbar = el('div', { class: 'panel-toolbar' }, level, filter,
    ctx.staff ? el('label', { class: 'small' }, onlyDue, ' 仅到期/逾期 Due/overdue only') : null);
  const state = el('p', { class: 'panel-state' });
  const listBox = el('div', { class: 'lines-list' });
  const dossierBox = el('div', { class: 'dossier', hidden: true });
  section.append(el('div', { class: 'list-view' }, toolbar, state, listBox), dossierBox);
  const listView = section.querySelector('.list-view');
  let inspections = new Map();
  let inspectionsLoaded = false;

  async function loadInspections() {
    if (!ctx.staff) return;
    try {
      const rows = await loadInspectionStatus();
      inspections = new Map(rows.map((r) => [r.lineCode, r]));
    } catch (err) {
      state.className = 'panel-state error';
      state.textContent = `巡查状态加载失败 Inspection status failed: ${err.detail || err.message}`;
    }
    inspectionsLoaded = true;
  }

  function renderList() {
    const lv = level.value;
    const q = filter.value.trim().toLowerCase();
    let rows = lineFeatures().map((f) => f.properties).filter((p) => (!lv || p.level === lv)
      && (!q || lineName(p).toLowerCase().includes(q) || p.lineCode.includes(q)));
    if (onlyDue.checked) rows = rows.filter((p) => { const s = inspections.get(p.lineCode); return s && s.status !== 'OK'; });
    const rank = { OVERDUE: 0, DUE: 1, OK: 2 };
    rows.sort((a, b) => (ctx.staff ? (rank[(inspections.get(a.lineCode) || {}).status] ?? 3) - (rank[(inspections.get(b.lineCode) || {}).status] ?? 3) : 0)
      || lineName(a).localeCompare(lineName(b), 'zh'));
    const shown = rows.slice(0, 300);
    const cols = [['界线 Line'], ['级别 Level'], ['长度 Length', 'num']];
    if (ctx.staff) cols.push(['巡查 Inspection'], ['下次 Next due']);
    setChildren(listBox, 
      el('p', { class: 'muted small' }, `${rows.length} 条界线 lines${rows.length > shown.length ? `（显示前 ${shown.length} showing first ${shown.length}）` : ''}`,
        ctx.staff ? '' : ' · 登录后可见巡查状态 Log in to see inspection status'),
      dataTable(cols, shown.map((p) => {
        const s = inspections.get(p.lineCode);
        const cells = [el('span', {}, lineName(p), p.geometrySynthetic ? el('span', { class: 'muted small' }, ' *') : null), LEVELS[p.level] || p.level, fmtKm(p.lengthMetres)];
        if (ctx.staff) cells.push(statusCell(s), s ? (s.nextDue || (s.lastAny ? '—' : el('span', { class: 'muted small' }, '从未巡查 never inspected'))) : '—');
        return cells;
      }), (i) => ({ class: `clickable${ctx.staff && inspections.get(shown[i].lineCode) && inspections.get(shown[i].lineCode).status === 'OVERDUE' ? ' row-overdue' : ''}`, 'data-line': shown[i].lineCode, tabindex: '0' })),
      el('p', { class: 'muted small' }, '* 合成界线 synthetic line (generated)'));
    listBox.querySelectorAll('tr[data-line]').forEach((tr) => {
      const open = () => openDossier(tr.dataset.line);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    });
  }
  level.addEventListener('change', renderList);
  filter.addEventListener('input', renderList);
  onlyDue.addEventListener('change', renderList);

  function backToList() {
    stopPick();
    dossierBox.hidden = true;
    listView.hidden = false;
    ctx.clearHighlight();
    renderList();
  }

  let current = null;
  async function openDossier(code) {
    ctx.showLayers();
    listView.hidden = true;
    dossierBox.hidden = false;
    setChildren(dossierBox, el('p', { class: 'panel-state loading' }, '正在加载界线档案… Loading the dossier…'));
    let d;
    try {
      d = await loadLine(code);
    } catch (err) {
      setChildren(dossierBox, backButton(), el('p', { class: 'panel-state error' }, `加载失败 Failed to load: ${err.detail || err.message}`));
      return;
    }
    current = d;
    let geometry = null;
    try { geometry = parseWkt(d.wkt); } catch { geometry = null; }
    if (!geometry) {
      const f = lineFeatures().find((x) => x.properties.lineCode === code);
      geometry = f ? f.geometry : null;
    }
    ctx.highlightGeometry(geometry);
    renderDossier(d);
  }

  const backButton = () => {
    const b = el('button', { type: 'button', class: 'small-button' }, biText('← 界线列表 Lines'));
    b.addEventListener('click', backToList);
    return b;
  };

  function renderDossier(d) {
    const print = el('button', { type: 'button', class: 'small-button', 'data-action': 'print' }, biText('打印 Print'));
    const printMsg = el('span', { class: 'small error-text', role: 'status' });
    print.addEventListener('click', async () => {
      printMsg.textContent = '';
      const w = await openDossierPrint(d.lineCode);
      if (!w) printMsg.textContent = '打印窗口被拦截，请允许弹出窗口 The print window was blocked: allow pop-ups for this site';
    });
    const zoom = el('button', { type: 'button', class: 'small-button' }, biText('缩放 Zoom to'));
    zoom.addEventListener('click', () => openDossier(d.lineCode));
    const formBox = el('div', { class: 'dossier-form' });
    const tools = el('div', { class: 'form-row' }, backButton(), zoom, print, printMsg);
    if (ctx.officer) {
      const insp = el('button', { type: 'button', class: 'small-button', 'data-action': 'record-inspection' }, biText('记录巡查 Record inspection'));
      const mk = el('button', { type: 'button', class: 'small-button', 'data-action': 'add-marker' }, biText('添加界桩 Add marker'));
      insp.addEventListener('click', () => inspectionForm(d, formBox));
      mk.addEventListener('click', () => markerForm(d, formBox));
      tools.append(insp, mk);
    }
    const markers = d.markers || [];
    setChildren(dossierBox, 
      tools,
      el('h3', {}, lineName(d), ' ', d.geometrySynthetic ? syntheticTag() : null),
      kvTable([
        ['界线编号 Line', el('code', {}, d.lineCode)],
        ['级别 Level', LEVELS[d.level] || d.level],
        ['甲方 Party A', `${dash(d.nameA)} `, el('code', { class: 'muted' }, d.codeA)],
        ['乙方 Party B', `${dash(d.nameB)} `, el('code', { class: 'muted' }, d.codeB)],
        ['长度 Length', fmtKm(d.lengthMetres)],
        ['重叠面积 Overlap', d.overlapSquareMetres ? `${Math.round(d.overlapSquareMetres)} m²` : '—'],
        ['数据版本 Source version', el('code', { class: 'small' }, String(d.sourceVersion || '').slice(0, 12))],
        ['计算时间 Computed', fmtInstant(d.computedAt)],
      ]),
      formBox,
      el('h4', {}, biText('版本 Versions'), ` (${(d.versions || []).length})`),
      dataTable([['数据版本 Source'], ['长度 Length', 'num'], ['计算 Computed'], ['失效 Valid to']],
        (d.versions || []).map((v) => [el('code', { class: 'small' }, String(v.sourceVersion || '').slice(0, 12)), fmtKm(v.lengthMetres), fmtInstant(v.computedAt), v.validTo ? fmtInstant(v.validTo) : '现行 current'])),
      el('h4', {}, biText('界桩 Markers'), ` (${markers.length})`),
      markers.length ? el('div', {}, markers.map((m) => markerRow(d, m))) : el('p', { class: 'muted small' }, '无界桩 No markers'),
      d.inspections ? el('h4', {}, biText('巡查 Inspections'), ` (${d.inspections.length})`) : null,
      d.inspections ? (d.inspections.length ? dataTable([['日期 Date'], ['类型 Kind'], ['参加方 Parties'], ['发现 Findings'], ['后续 Follow-up'], ['记录人 By']],
        d.inspections.map((i) => [i.inspectedOn, i.kindLabel || INSPECTION_KINDS[i.kind] || i.kind, i.parties, i.findings, i.followUp, i.recordedBy])) : el('p', { class: 'muted small' }, '无巡查记录 No inspections')) : null,
      d.disputes ? el('h4', {}, biText('争议 Disputes'), ` (${d.disputes.length})`) : null,
      d.disputes ? (d.disputes.length ? dataTable([['#'], ['标题 Title'], ['状态 Status']],
        d.disputes.map((x) => {
          const b = el('button', { type: 'button', class: 'link-button' }, x.title || `#${x.id}`);
          b.addEventListener('click', () => ctx.openDispute && ctx.openDispute(x.id));
          return [`#${x.id}`, b, DISPUTE_STATUS[x.status] || x.statusLabel || x.status];
        })) : el('p', { class: 'muted small' }, '无争议 No disputes')) : null,
      ctx.staff ? null : el('p', { class: 'muted small' }, '巡查记录等仅工作人员可见 Inspection records and other dossier parts are visible to staff only.'));
  }

  function markerRow(d, m) {
    const c = MARKER_CONDITIONS[m.condition] || { color: '#616161' };
    const row = el('div', { class: 'marker-row' },
      el('div', {}, el('strong', {}, m.number), ' ', el('span', { class: 'dot', style: `background:${c.color}` }), conditionLabel(m.condition),
        el('span', { class: 'muted small' }, ` · ${m.typeLabel || MARKER_TYPES[m.type] || m.type} · 管护 kept by ${ctx.nameOf(m.keptBy) || m.keptBy} · 埋设 ${dash(m.installedOn)}`),
        el('code', { class: 'muted small' }, ` ${Number(m.lon).toFixed(5)}, ${Number(m.lat).toFixed(5)}`)));
    if ((m.history || []).length) {
      row.append(el('ul', { class: 'small muted cond-history' }, m.history.map((h) => el('li', {}, `${dash(h.observedOn)} ${conditionLabel(h.condition)} · ${dash(h.recordedBy)}${h.remarks ? ` · ${h.remarks}` : ''}`))));
    }
    if (ctx.officer) {
      const b = el('button', { type: 'button', class: 'link-button small' }, biText('记录状况 Record condition'));
      b.addEventListener('click', () => {
        const f = {
          condition: select('condition', Object.entries(MARKER_CONDITIONS).map(([k, v]) => [k, v.label])),
          observedOn: input('observedOn', { type: 'date', value: today() }),
          remarks: input('remarks'),
        };
        f.condition.value = m.condition;
        const problem = problemBox();
        const go = el('button', { type: 'submit', class: 'primary small' }, biText('保存 Save'));
        const form = el('form', { class: 'panel-form inline-form', novalidate: true }, el('div', { class: 'grid2' }, field('状况 Condition', f.condition), field('日期 Observed on', f.observedOn)), field('备注 Remarks', f.remarks), problem, el('div', { class: 'form-row' }, go));
        b.replaceWith(form);
        form.addEventListener('submit', async (e) => {
          e.preventDefault();
          showProblem(problem, null, f);
          go.disabled = true;
          try {
            await recordMarkerCondition(m.id, { version: m.version, condition: f.condition.value, observedOn: val(f.observedOn), remarks: val(f.remarks) });
            await reload(['markers']);
            openDossier(d.lineCode);
          } catch (err) { go.disabled = false; showProblem(problem, err, f); }
        });
      });
      row.append(b);
    }
    return row;
  }

  function inspectionForm(d, box) {
    stopPick();
    const f = {
      kind: select('kind', Object.entries(INSPECTION_KINDS)),
      inspectedOn: input('inspectedOn', { type: 'date', value: today() }),
      parties: input('parties', { value: `${d.nameA || ''}、${d.nameB || ''}` }),
      findings: textarea('findings', { rows: '3' }),
      followUp: textarea('followUp'),
    };
    const markerInputs = (d.markers || []).map((m) => ({
      m,
      condition: select(`cond-${m.id}`, [['', '— 不变 unchanged —'], ...Object.entries(MARKER_CONDITIONS).map(([k, v]) => [k, v.label])]),
      remarks: input(`rem-${m.id}`, { placeholder: '备注 remarks' }),
    }));
    const problem = problemBox();
    const go = el('button', { type: 'submit', class: 'primary small' }, biText('保存巡查 Save inspection'));
    const cancel = el('button', { type: 'button', class: 'small-button' }, biText('取消 Cancel'));
    const form = el('form', { class: 'panel-form boxed-form', novalidate: true, 'data-form': 'inspection' },
      el('h4', {}, biText('记录联合巡查 Record a joint inspection')),
      el('div', { class: 'grid2' }, field('类型 Kind', f.kind), field('日期 Date *', f.inspectedOn)),
      field('参加方 Parties *', f.parties),
      field('发现 Findings *', f.findings),
      field('后续处理 Follow-up', f.followUp),
      markerInputs.length ? el('fieldset', { class: 'marker-findings' }, el('legend', {}, biText('界桩状况 Marker conditions')),
        markerInputs.map((x) => el('div', { class: 'form-row' }, el('strong', { class: 'small' }, x.m.number), el('span', { class: 'muted small' }, conditionLabel(x.m.condition)), x.condition, x.remarks)))
        : el('p', { class: 'muted small' }, '该界线无界桩 No markers on this line'),
      problem, el('div', { class: 'form-row buttons' }, go, cancel));
    setChildren(box, form);
    cancel.addEventListener('click', () => setChildren(box));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      const body = {
        kind: f.kind.value, inspectedOn: val(f.inspectedOn), parties: val(f.parties), findings: val(f.findings), followUp: val(f.followUp),
        markerFindings: markerInputs.filter((x) => x.condition.value).map((x) => ({ markerId: x.m.id, condition: x.condition.value, remarks: val(x.remarks) })),
      };
      go.disabled = true;
      try {
        await recordInspection(d.lineCode, body);
        await Promise.all([loadInspections(), reload(['markers'])]);
        openDossier(d.lineCode);
      } catch (err) { go.disabled = false; showProblem(problem, err, f); }
    });
  }

  function markerForm(d, box) {
    let pin = null;
    const f = {
      type: select('type', Object.entries(MARKER_TYPES)),
      x: input('x', { type: 'number', step: 'any', class: 'input-coord', placeholder: '经度 lon / x' }),
      y: input('y', { type: 'number', step: 'any', class: 'input-coord', placeholder: '纬度 lat / y' }),
      crs: select('crs', Object.entries(CRS)),
      keptBy: select('keptBy', [[d.codeA, `${d.nameA || ''} ${d.codeA}`], [d.codeB, `${d.nameB || ''} ${d.codeB}`]]),
      condition: select('condition', Object.entries(MARKER_CONDITIONS).map(([k, v]) => [k, v.label])),
      installedOn: input('installedOn', { type: 'date', value: today() }),
    };
    const pick = el('button', { type: 'button', class: 'small-button' }, biText('在地图上点选 Pick on map'));
    const problem = problemBox();
    const notice = el('div', { class: 'notice', hidden: true });
    const go = el('button', { type: 'submit', class: 'primary small' }, biText('添加界桩 Add marker'));
    const cancel = el('button', { type: 'button', class: 'small-button' }, biText('取消 Cancel'));
    const form = el('form', { class: 'panel-form boxed-form', novalidate: true, 'data-form': 'marker' },
      el('h4', {}, biText('添加界桩 Add a boundary marker')),
      el('div', { class: 'grid2' }, field('类型 Type', f.type), field('管护方 Kept by', f.keptBy)),
      el('div', { class: 'field-row' }, el('span', {}, '坐标 Coordinates *'), el('span', { class: 'coords' }, f.x, f.y, pick)),
      field('坐标系 CRS', f.crs),
      el('div', { class: 'grid2' }, field('状况 Condition', f.condition), field('埋设日期 Installed on', f.installedOn)),
      notice, problem, el('div', { class: 'form-row buttons' }, go, cancel));
    setChildren(box, form);
    const dropPin = () => { if (pin) { pin.remove(); pin = null; } };
    cancel.addEventListener('click', () => { stopPick(); dropPin(); setChildren(box); });
    pick.addEventListener('click', () => startPick(ctx.map, {
      hint: '点击界线附近放置界桩 Click near the line to place the marker',
      onPick: (ll) => {
        f.crs.value = 'EPSG:4326'; f.x.value = ll.lng.toFixed(7); f.y.value = ll.lat.toFixed(7);
        dropPin();
        pin = L.marker(ll, { pane: 'sites', icon: L.divIcon({ className: 'edit-pin', html: '', iconSize: [22, 22], iconAnchor: [11, 22] }) }).addTo(map);
        stopPick();
      },
    }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      const body = {
        lineCode: d.lineCode, type: f.type.value, x: val(f.x) === null ? null : Number(f.x.value), y: val(f.y) === null ? null : Number(f.y.value),
        crs: f.crs.value, keptBy: f.keptBy.value, condition: f.condition.value, installedOn: val(f.installedOn),
      };
      go.disabled = true;
      try {
        await addMarker(body);
        dropPin();
        await reload(['markers']);
        openDossier(d.lineCode);
      } catch (err) { go.disabled = false; showProblem(problem, err, f); }
    });
  }

  return {
    async show() {
      ctx.showLayers();
      if (!inspectionsLoaded) await loadInspections();
      if (!listView.hidden) renderList();
    },
    openDossier: async (code) => { if (!inspectionsLoaded) await loadInspections(); openDossier(code); },
    current: () => current,
  };
}
