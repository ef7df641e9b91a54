// Boundary disputes (staff read, BOUNDARY_OFFICER / ADMIN write): the map
// layer (location outlined, claimed lines of the two parties in clearly
// different colours), the list, logging a dispute by drawing (Leaflet.draw),
// and the dispute view: status, the frozen reminder while open, timeline,
// next statuses, another line by drawing, attachments, filing upward.
import { el } from '../core/escape.js';
import { biText, biHtml } from '../core/i18n.js';
import { field, input, textarea, select, problemBox, showProblem, val, dash, kvTable, dataTable, fmtInstant, today, setChildren } from '../core/forms.js';
import { DISPUTE_STATUS, DISPUTE_LINES } from './boundary-text.js';
import { parseGeoJsonText } from '../map/wkt.js';
import { loadDisputes, logDispute, loadDispute, addDisputeEvent, addDisputeLine, fileDispute, attachToDispute, disputeAttachmentUrl } from './boundaries-api.js';

const LOCATION_STYLE = { color: '#b71c1c', weight: 2.5, dashArray: '6 5', fillColor: '#ff8a80', fillOpacity: 0.12 };
const lineStyle = (kind) => { const s = DISPUTE_LINES[kind] || DISPUTE_LINES.LAWFUL; return { color: s.color, weight: s.weight, dashArray: s.dashArray, opacity: 0.95 }; };
const swatch = (kind) => { const s = DISPUTE_LINES[kind] || DISPUTE_LINES.LAWFUL; return el('span', { class: 'swatch swatch-line', style: `border-top:${s.weight}px ${s.dashArray ? 'dashed' : 'solid'} ${s.color}` }); };
const statusPill = (s, label) => el('span', { class: `status-pill dispute-${String(s || '').toLowerCase()}` }, DISPUTE_STATUS[s] || label || s);
const OPEN = (s) => !['DECIDED', 'ARCHIVED'].includes(s);

export function createDisputes(section, ctx) {
  const { L, map } = ctx;
  const group = L.layerGroup();
  const selected = L.layerGroup().addTo(map);
  const draft = L.layerGroup().addTo(map);
  let all = [];

  const toolbar = el('div', { class: 'panel-toolbar' });
  const listButton = el('button', { type: 'button', class: 'small-button' }, biText('争议列表 Disputes'));
  toolbar.append(listButton);
  if (ctx.officer) {
    const add = el('button', { type: 'button', class: 'primary small', 'data-action': 'new-dispute' }, biText('＋ 登记争议 Log a dispute'));
    add.addEventListener('click', () => showForm());
    toolbar.prepend(add);
  }
  const view = el('div', {});
  section.append(toolbar, view);
  listButton.addEventListener('click', () => showList());
  let mode = 'list';
  let token = 0;

  // ---- drawing (one handler at a time) ----
  let drawing = null;
  function draw(kind, options, onDone) {
    if (!L.Draw) { ctx.status.error('draw', '绘图工具 Leaflet.draw 未加载 Leaflet.draw failed to load', null); return; }
    if (drawing) drawing.disable();
    const H = { polygon: L.Draw.Polygon, polyline: L.Draw.Polyline, marker: L.Draw.Marker }[kind];
    drawing = new H(map, options);
    const created = (e) => { map.off(L.Draw.Event.CREATED, created); drawing = null; onDone(e.layer); };
    map.on(L.Draw.Event.CREATED, created);
    map.once(L.Draw.Event.DRAWSTOP, () => setTimeout(() => map.off(L.Draw.Event.CREATED, created), 0));
    drawing.enable();
  }
  const stopDrawing = () => { if (drawing) { drawing.disable(); drawing = null; } draft.clearLayers(); };

  // ---- layer ----
  function disputeLayer(d, emphasis = false) {
    const parts = [];
    const loc = parseGeoJsonText(d.locationGeoJson);
    if (loc) {
      parts.push(L.geoJSON(loc, {
        pane: 'disputes', style: emphasis ? { ...LOCATION_STYLE, weight: 3.5, fillOpacity: 0.2 } : LOCATION_STYLE,
        pointToLayer: (_f, ll) => L.circleMarker(ll, { pane: 'disputes', radius: 9, ...LOCATION_STYLE, fillOpacity: 0.35 }),
      }));
    }
    for (const line of d.lines || []) {
      const g = parseGeoJsonText(line.geometryGeoJson);
      if (!g) continue;
      const gl = L.geoJSON(g, { pane: 'disputes', style: () => lineStyle(line.kind) });
      gl.bindTooltip(() => el('span', {}, `${DISPUTE_LINES[line.kind] ? DISPUTE_LINES[line.kind].label : line.kind}${line.remarks ? ` · ${line.remarks}` : ''}`), { sticky: true });
      parts.push(gl);
    }
    const fg = L.featureGroup(parts);
    fg.bindPopup(() => {
      const b = el('button', { type: 'button', class: 'small-button' }, biText('查看 View'));
      b.addEventListener('click', () => { map.closePopup(); ctx.openDispute(d.id); });
      return el('div', { class: 'popup' }, el('h3', {}, d.title || `#${d.id}`), kvTable([
        ['当事方 Parties', `${dash(d.partyAName)} ↔ ${dash(d.partyBName)}`],
        ['状态 Status', statusPill(d.status, d.statusLabel)],
      ]), el('div', { class: 'popup-actions' }, b));
    });
    return fg;
  }

  let addOverlayFn = null;
  async function loadLayer(addOverlay) {
    if (addOverlay) addOverlayFn = addOverlay;
    try {
      all = await loadDisputes();
    } catch (err) {
      if ([401, 403, 404].includes(err.status)) return null; // not for this user: no layer at all
      ctx.status.error('disputes', '争议加载失败 Disputes failed to load', err);
      return null;
    }
    group.clearLayers();
    for (const d of all) disputeLayer(d).addTo(group);
    if (!map.hasLayer(group)) group.addTo(map);
    if (addOverlayFn) addOverlayFn(group, `${biHtml('边界争议', 'Boundary disputes')} <span class="count">${all.length}</span>`, 7);
    return group;
  }

  // ---- list ----
  async function showList() {
    mode = 'list';
    const my = ++token;
    stopDrawing();
    selected.clearLayers();
    setChildren(view, el('p', { class: 'panel-state loading' }, '正在加载… Loading…'));
    await loadLayer();
    if (my !== token) return;
    setChildren(view, el('h3', {}, biText('边界争议 Boundary disputes'), ` (${all.length})`),
      all.length ? dataTable([['#'], ['标题 Title'], ['当事方 Parties'], ['状态 Status'], ['冻结 Frozen']],
        [...all].sort((a, b) => b.id - a.id).map((d) => [`#${d.id}`, d.title, `${dash(d.partyAName)} ↔ ${dash(d.partyBName)}`, statusPill(d.status, d.statusLabel), d.frozen ? el('span', { class: 'overdue' }, '冻结 frozen') : '—']),
        (i) => ({ class: 'clickable', 'data-dispute': String([...all].sort((a, b) => b.id - a.id)[i].id), tabindex: '0' }))
        : el('p', { class: 'muted' }, '暂无争议 No disputes.'));
    view.querySelectorAll('tr[data-dispute]').forEach((tr) => tr.addEventListener('click', () => showDispute(Number(tr.dataset.dispute))));
  }

  // ---- form ----
  function partyOptions() {
    const counties = ctx.units.filter((u) => u.kind === 'county');
    const towns = ctx.units.filter((u) => u.kind === 'township');
    return [el('option', { value: '' }, '— 选择 choose —'),
      el('optgroup', { label: '县 Counties' }, counties.map((u) => el('option', { value: u.code }, `${u.name} ${u.code}`))),
      el('optgroup', { label: '乡镇 Townships' }, towns.map((u) => el('option', { value: u.code }, `${u.name} ${u.code}`)))];
  }

  function lineKindSelect(name = 'kind') {
    return select(name, Object.entries(DISPUTE_LINES).map(([k, v]) => [k, v.label]));
  }

  function showForm() {
    mode = 'form';
    ++token;
    stopDrawing();
    selected.clearLayers();
    const f = {
      title: input('title', { maxlength: '200' }),
      partyA: el('select', { name: 'partyA' }, partyOptions()),
      partyB: el('select', { name: 'partyB' }, partyOptions()),
      description: textarea('description', { rows: '3' }),
    };
    let location = null; // { geometry, layer }
    const lines = [];   // { kind, geometry, remarks, layer }
    const locState = el('span', { class: 'muted small' }, '未画 not drawn');
    const drawArea = el('button', { type: 'button', class: 'small-button', 'data-action': 'draw-area' }, biText('▱ 画范围 Draw area'));
    const drawPoint = el('button', { type: 'button', class: 'small-button', 'data-action': 'draw-point' }, biText('标点 Point'));
    const lineKind = lineKindSelect('lineKind');
    const lineRemarks = input('lineRemarks', { placeholder: '说明 remarks' });
    const drawLine = el('button', { type: 'button', class: 'small-button', 'data-action': 'draw-line' }, biText('╱ 画线 Draw line'));
    const lineList = el('ul', { class: 'drawn-lines' });
    const problem = problemBox();
    const go = el('button', { type: 'submit', class: 'primary small' }, biText('登记 Log the dispute'));
    f.location = drawArea; f.lines = drawLine;
    const form = el('form', { class: 'panel-form', novalidate: true, 'data-form': 'dispute' },
      el('h3', {}, biText('登记边界争议 Log a boundary dispute')),
      field('标题 Title *', f.title),
      el('div', { class: 'grid2' }, field('甲方 Party A *', f.partyA), field('乙方 Party B *', f.partyB)),
      field('情况说明 Description', f.description),
      el('div', { class: 'field-row' }, el('span', {}, '争议位置 Location * (范围或点 area or point)'), el('span', { class: 'coords' }, drawArea, drawPoint, locState)),
      el('div', { class: 'field-row' }, el('span', {}, '主张线 Claimed lines (每条先选类型再画 choose the kind, then draw)'),
        el('span', { class: 'coords' }, lineKind, lineRemarks, drawLine)),
      lineList,
      el('p', { class: 'muted small' }, '画线：逐点单击，最后一点再单击一次结束。Draw: click each vertex, click the last one again to finish.'),
      problem, el('div', { class: 'form-row buttons' }, go));
    setChildren(view, form);

    const setLocation = (layer) => {
      if (location) draft.removeLayer(location.layer);
      const geometry = layer.toGeoJSON().geometry;
      const shown = L.geoJSON(geometry, { pane: 'disputes', style: LOCATION_STYLE, pointToLayer: (_f, ll) => L.circleMarker(ll, { pane: 'disputes', radius: 9, ...LOCATION_STYLE }) });
      shown.addTo(draft);
      location = { geometry, layer: shown };
      locState.textContent = geometry.type === 'Point' ? '✓ 已标点 point set' : '✓ 已画范围 area drawn';
      drawArea.classList.remove('invalid-field');
    };
    drawArea.addEventListener('click', () => draw('polygon', { shapeOptions: LOCATION_STYLE, allowIntersection: false }, setLocation));
    drawPoint.addEventListener('click', () => draw('marker', {}, setLocation));
    const renderLines = () => setChildren(lineList, ...lines.map((x, i) => {
      const rm = el('button', { type: 'button', class: 'link-button small' }, biText('删除 remove'));
      rm.addEventListener('click', () => { draft.removeLayer(x.layer); lines.splice(i, 1); renderLines(); });
      return el('li', {}, swatch(x.kind), ` ${DISPUTE_LINES[x.kind].label}`, x.remarks ? ` · ${x.remarks}` : '', ` · ${x.geometry.coordinates.length} 点 pts `, rm);
    }));
    drawLine.addEventListener('click', () => {
      const kind = lineKind.value;
      draw('polyline', { shapeOptions: lineStyle(kind) }, (layer) => {
        const geometry = layer.toGeoJSON().geometry;
        const shown = L.geoJSON(geometry, { pane: 'disputes', style: () => lineStyle(kind) }).addTo(draft);
        lines.push({ kind, geometry, remarks: val(lineRemarks), layer: shown });
        lineRemarks.value = '';
        if (kind === 'CLAIM_A') lineKind.value = 'CLAIM_B';
        renderLines();
      });
    });

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      const body = {
        title: val(f.title), partyA: val(f.partyA), partyB: val(f.partyB), description: val(f.description),
        location: location ? location.geometry : null,
        lines: lines.map((x) => ({ kind: x.kind, geometry: x.geometry, remarks: x.remarks })),
      };
      go.disabled = true;
      try {
        const d = await logDispute(body);
        stopDrawing();
        await loadLayer();
        showDispute(d.id, d);
      } catch (err) { go.disabled = false; showProblem(problem, err, f); }
    });
  }

  // ---- view ----
  async function showDispute(id, preloaded) {
    mode = 'view';
    const my = ++token;
    stopDrawing();
    let d = preloaded;
    if (!d) {
      setChildren(view, el('p', { class: 'panel-state loading' }, '正在加载争议… Loading the dispute…'));
      try { d = await loadDispute(id); } catch (err) {
        if (my === token) setChildren(view, el('p', { class: 'panel-state error' }, `加载失败 Failed to load: ${err.detail || err.message}`));
        return;
      }
      if (my !== token) return;
    }
    render(d);
  }

  function render(d) {
    selected.clearLayers();
    const fg = disputeLayer(d, true).addTo(selected);
    if (fg.getBounds().isValid()) map.fitBounds(fg.getBounds(), { padding: [60, 60], maxZoom: 15 });
    const after = (next) => { loadLayer(); render(next); };
    const problem = problemBox();
    const actionBox = el('div', {});

    const blocks = [];
    if (ctx.officer) {
      // next statuses and a plain note
      const buttons = (d.nextStatuses || []).map((s) => {
        const b = el('button', { type: 'button', class: 'small-button', 'data-status': s }, `→ ${DISPUTE_STATUS[s] || s}`);
        b.addEventListener('click', () => eventForm(s));
        return b;
      });
      const note = el('button', { type: 'button', class: 'small-button' }, biText('＋ 记录 Add a note'));
      note.addEventListener('click', () => eventForm(null));
      const addLine = el('button', { type: 'button', class: 'small-button', 'data-action': 'add-line' }, biText('╱ 添加线 Add a line'));
      addLine.addEventListener('click', lineForm);
      const filing = el('button', { type: 'button', class: 'small-button' }, biText('上报备案 Record filing upward'));
      filing.addEventListener('click', filingForm);
      const attach = el('button', { type: 'button', class: 'small-button', 'data-action': 'attach' }, biText('附件 Attach a file'));
      attach.addEventListener('click', attachForm);
      blocks.push(el('div', { class: 'case-actions-box' }, el('h4', {}, biText('操作 Actions')), el('div', { class: 'form-row' }, buttons, note, addLine, attach, filing), actionBox));
    }

    function simpleForm(title, fields, submitLabel, send, attrs = {}) {
      const go = el('button', { type: 'submit', class: 'primary small' }, submitLabel);
      const cancel = el('button', { type: 'button', class: 'small-button' }, biText('取消 Cancel'));
      const form = el('form', { class: 'panel-form boxed-form', novalidate: true, ...attrs }, el('h4', {}, title),
        Object.entries(fields).map(([, [label, node]]) => field(label, node)), problem, el('div', { class: 'form-row buttons' }, go, cancel));
      const nodes = Object.fromEntries(Object.entries(fields).map(([k, [, n]]) => [k, n]));
      cancel.addEventListener('click', () => { stopDrawing(); setChildren(actionBox); showProblem(problem, null); });
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        showProblem(problem, null, nodes);
        go.disabled = true;
        try { after(await send(nodes)); } catch (err) {
          go.disabled = false;
          const reload = el('button', { type: 'button', class: 'small-button' }, biText('重新加载 Reload'));
          reload.addEventListener('click', () => showDispute(d.id));
          showProblem(problem, err, nodes, ...(err.status === 409 ? [reload] : []));
        }
      });
      setChildren(actionBox, form);
      return form;
    }

    function eventForm(toStatus) {
      simpleForm(toStatus ? `状态改为 Move to：${DISPUTE_STATUS[toStatus] || toStatus}` : '记录进展 Add a note',
        { what: ['内容 What happened *', textarea('what', { rows: '3' })] },
        toStatus ? '确认 Confirm' : '记录 Add',
        (n) => addDisputeEvent(d.id, { version: d.version, toStatus, what: val(n.what) }),
        { 'data-form': 'event' });
    }

    function lineForm() {
      const kind = lineKindSelect();
      const remarks = input('remarks');
      const state = el('span', { class: 'muted small' }, '未画 not drawn');
      const drawBtn = el('button', { type: 'button', class: 'small-button' }, biText('╱ 画线 Draw'));
      let geometry = null;
      const form = simpleForm('添加线 Add a line', { kind: ['类型 Kind', kind], remarks: ['说明 Remarks', remarks], geometry: ['几何 Geometry *', el('span', { class: 'coords' }, drawBtn, state)] },
        '保存 Save', () => addDisputeLine(d.id, d.version, { kind: kind.value, geometry, remarks: val(remarks) }));
      drawBtn.addEventListener('click', () => draw('polyline', { shapeOptions: lineStyle(kind.value) }, (layer) => {
        geometry = layer.toGeoJSON().geometry;
        draft.clearLayers();
        L.geoJSON(geometry, { pane: 'disputes', style: () => lineStyle(kind.value) }).addTo(draft);
        state.textContent = `✓ ${geometry.coordinates.length} 点 points`;
      }));
      return form;
    }

    function filingForm() {
      simpleForm('上报备案 Filing upward', {
        date: ['日期 Date *', input('date', { type: 'date', value: today() })],
        filedWith: ['报送机关 Filed with *', input('filedWith', { placeholder: '如：自治区民政厅' })],
      }, '保存 Save', (n) => fileDispute(d.id, { version: d.version, date: val(n.date), filedWith: val(n.filedWith) }));
    }

    function attachForm() {
      const file = el('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,application/pdf' });
      const kind = input('evidenceKind', { placeholder: '如：照片、协议书、地图 e.g. photo, agreement, map' });
      simpleForm('上传附件 Attach a file (JPEG / PNG / PDF ≤ 10 MB)', { file: ['文件 File *', file], evidenceKind: ['证据类型 Evidence kind', kind] }, '上传 Upload',
        async (n) => {
          if (!n.file.files.length) throw { status: 0, title: '请选择文件 Choose a file', detail: '未选择文件 No file chosen', parameter: 'file' };
          const fd = new FormData();
          fd.append('file', n.file.files[0]);
          try {
            return await attachToDispute(d.id, val(n.evidenceKind), fd);
          } catch (err) {
            if (err.status === 413) err.detail = `文件过大，上限 10 MB。File too large (max 10 MB). ${err.detail || ''}`;
            if (err.status === 415) err.detail = `仅接受 JPEG、PNG、PDF。Only JPEG, PNG or PDF files. ${err.detail || ''}`;
            err.parameter = err.parameter || 'file';
            throw err;
          }
        }, { 'data-form': 'attach' });
    }

    const lines = d.lines || [];
    setChildren(view, 
      el('h3', { class: 'case-title' }, `#${d.id} `, d.title, ' ', statusPill(d.status, d.statusLabel)),
      d.frozen && OPEN(d.status) ? el('div', { class: 'frozen-box', role: 'note' }, el('strong', {}, '❄ 冻结提醒 Freeze reminder'), el('p', {}, d.frozenReminder || '争议解决前，争议地区维持现状。The disputed area is frozen until the dispute is settled.')) : null,
      (d.warnings || []).length ? el('div', { class: 'notice warn' }, el('strong', {}, '注意 Warnings'), el('ul', {}, d.warnings.map((w) => el('li', {}, w)))) : null,
      ...blocks,
      kvTable([
        ['甲方 Party A', `${dash(d.partyAName)} `, el('code', { class: 'muted' }, d.partyA)],
        ['乙方 Party B', `${dash(d.partyBName)} `, el('code', { class: 'muted' }, d.partyB)],
        ['情况 Description', dash(d.description)],
        ['界线 Line', d.lineCode ? el('code', {}, d.lineCode) : '—'],
        ['报告 Reported', `${dash(d.reportedBy)} · ${fmtInstant(d.reportedAt)}`],
        ['上报 Filed upward', d.filedUpwardOn ? `${d.filedUpwardOn} · ${dash(d.filedUpwardTo)}` : '未上报 not yet'],
        ['版本 Version', String(d.version)],
      ]),
      el('h4', {}, biText('争议线 Lines'), ` (${lines.length})`),
      lines.length ? el('ul', { class: 'drawn-lines' }, lines.map((x) => el('li', {}, swatch(x.kind), ` ${x.kindLabel || (DISPUTE_LINES[x.kind] || {}).label || x.kind}`, x.remarks ? ` · ${x.remarks}` : '')))
        : el('p', { class: 'muted small' }, '无 None'),
      el('h4', {}, biText('附件 Attachments'), ` (${(d.attachments || []).length})`),
      (d.attachments || []).length ? dataTable([['文件 File'], ['类型 Kind'], ['大小 Size', 'num'], ['上传 Uploaded']],
        d.attachments.map((a) => [el('a', { href: disputeAttachmentUrl(d.id, a.id), target: '_blank', rel: 'noopener' }, a.fileName),
          dash(a.evidenceKind), `${Math.max(1, Math.round(a.sizeBytes / 1024))} KB`, `${dash(a.uploadedBy)} · ${fmtInstant(a.uploadedAt)}`]))
        : el('p', { class: 'muted small' }, '无 None'),
      el('h4', {}, biText('进展 Timeline')),
      el('ol', { class: 'timeline' }, (d.timeline || []).map((t, i) => el('li', {},
        el('div', { class: 'tl-head' }, i === 0
          ? el('strong', {}, `登记 Reported → ${DISPUTE_STATUS[t.toStatus] || t.toStatus}`)
          : t.fromStatus && t.toStatus && t.fromStatus !== t.toStatus
            ? el('strong', {}, `${DISPUTE_STATUS[t.fromStatus] || t.fromStatus} → ${DISPUTE_STATUS[t.toStatus] || t.toStatus}`)
            : el('strong', {}, '记录 Note')),
        el('div', { class: 'muted small' }, `${dash(t.actor)} · ${fmtInstant(t.at)}`),
        t.what ? el('div', {}, t.what) : null))));
  }

  return {
    show() { if (mode === 'list') showList(); },
    showDispute,
    loadLayer,
  };
}
