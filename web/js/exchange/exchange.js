// Data exchange ("数据 Data" header button): the import wizard (upload → preview →
// commit) for the division layers (officers and admin) and the facilities layer
// (planners and admin, as for editing facilities), and the export menu (everyone:
// collection, format, CRS, optional unit → a download link).
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { uploadImport, loadImport, commitImport, exportUrl } from './exchange-api.js';
import { field, input, select, problemBox, showProblem, val, kvTable, dataTable, setChildren } from '../core/forms.js';

const DIVISION_IMPORT_ROLES = ['ADMIN', 'NAME_OFFICER', 'BOUNDARY_OFFICER'];
const FACILITY_IMPORT_ROLES = ['PLANNER', 'ADMIN'];

/** [layer, label, roles that may import it] (the server checks the same per layer). */
export const IMPORT_LAYERS = [
  ['counties', '县界 Counties', DIVISION_IMPORT_ROLES],
  ['townships', '乡镇 Townships', DIVISION_IMPORT_ROLES],
  ['villages', '村／社区 Villages & communities', DIVISION_IMPORT_ROLES],
  ['facilities', '民政设施 Facilities', FACILITY_IMPORT_ROLES],
];

/** Facility fields of the import mapping, in the server's order. */
const FACILITY_FIELDS = {
  externalId: '编号 Identifier',
  type: '类型 Type（代码或中文名 code or Chinese name）',
  name: '名称 Name',
  status: '状态 Status',
  operator: '举办主体 Operator',
  beds: '床位 Beds',
  nursingBeds: '护理型床位 Nursing beds',
  floorAreaM2: '建筑面积 Floor area (m²)',
  staff: '工作人员 Staff',
  plannedOn: '规划日期 Planned on',
  constructionStartedOn: '开工日期 Construction started',
  openedOn: '启用日期 Opened on',
  closedOn: '关闭日期 Closed on',
};

/** Colours of the previewed facility points by what a commit would do. */
const POINT_ACTIONS = {
  create: ['#2e7d32', '新建 New'],
  update: ['#1565c0', '更新 Update'],
  error: ['#b71c1c', '有问题 Problem'],
};

/** CRS choices of the import form; '' = as declared by the file, '*' = typed in. */
const IMPORT_CRS = [
  ['', '按文件声明 As declared in the file'],
  ['EPSG:4326', 'EPSG:4326 WGS 84 经纬度'],
  ['EPSG:4490', 'EPSG:4490 CGCS2000 经纬度'],
  ['EPSG:4534', 'EPSG:4534 CGCS2000 3° 高斯-克吕格 CM 75°E'],
  ['EPSG:4502', 'EPSG:4502 CGCS2000 6° 高斯-克吕格 CM 75°E'],
  ['GCJ-02', 'GCJ-02 国测局（高德、腾讯）Mars coordinates'],
  ['BD-09', 'BD-09 百度 Baidu'],
  ['*', '其他… Other (type a code)'],
];

const ENCODINGS = [['UTF-8', 'UTF-8'], ['GBK', 'GBK（GB2312）']];

export const PROBLEM_KINDS = {
  unreadable: '无法读取 Unreadable',
  'no-geometry': '无几何 No geometry',
  crs: '坐标转换 CRS',
  'wrong-type': '几何类型不符 Wrong type',
  invalid: '无效几何 Invalid geometry',
  'no-code': '缺少代码 No code',
  'duplicate-code': '代码重复 Duplicate code',
  'unknown-code': '未知代码 Unknown code',
  'unknown-type': '未知类型 Unknown type',
  'no-name': '缺少名称 No name',
  'bad-status': '状态无效 Bad status',
  'bad-value': '取值无效 Bad value',
  'bad-number': '数字无效 Bad number',
  'bad-date': '日期无效 Bad date',
  negative: '负数 Negative',
  rules: '不符合规则 Rule broken',
  'duplicate-key': '编号重复 Duplicate key',
  ambiguous: '无法确定 Ambiguous match',
};

const CRS_SOURCE = {
  'declared by the file': '文件声明 declared by the file',
  'stated by the user': '用户指定 stated by the user',
};

export const EXPORT_COLLECTIONS = [
  ['counties', '县界 Counties'],
  ['townships', '乡镇 Townships'],
  ['villages', '村／社区 Villages & communities'],
  ['facilities', '民政设施 Facilities'],
  ['place-names', '地名 Place names'],
  ['boundary-lines', '界线 Boundary lines'],
];
export const EXPORT_FORMATS = [
  ['geojson', 'GeoJSON (.geojson)'],
  ['gpkg', 'GeoPackage (.gpkg)'],
  ['shp', 'Shapefile（zip 压缩包 zipped）'],
  ['csv', 'CSV（WKT 几何 geometry as WKT）'],
];
export const EXPORT_CRS = [
  ['EPSG:4326', 'EPSG:4326 WGS 84 经纬度'],
  ['EPSG:4490', 'EPSG:4490 CGCS2000 经纬度'],
  ['EPSG:4534', 'EPSG:4534 CGCS2000 3° 高斯-克吕格 CM 75°E'],
];

const fmtNum = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5, minimumFractionDigits: 5 });
const coord = (v) => (typeof v === 'number' ? fmtNum.format(v) : '—');

/**
 * ctx: { L, map, me, panel, status, units, beforeNode, reloadDivisions(layerIds) }.
 * Adds the "数据 Data" header button, the export tab (everyone) and the import tab (IMPORT_ROLES).
 */
export function initExchange(ctx) {
  const { me, panel, beforeNode, map } = ctx;
  if (!map.getPane('imports')) map.createPane('imports').style.zIndex = '615';
  const roles = (me && me.authenticated && me.roles) || [];
  const layers = IMPORT_LAYERS.filter(([, , allowed]) => roles.some((r) => allowed.includes(r)));
  const canImport = layers.length > 0;
  const toggle = el('button', { type: 'button', class: 'header-button group-toggle', 'data-group': 'data' }, biText('数据 Data'));
  beforeNode.before(toggle);
  panel.group('data', toggle, '数据交换 Data exchange');
  let importTab = null;
  if (canImport) importTab = panel.add('import', '导入 Import', (s) => createImportTab(s, ctx, layers), 'data');
  panel.add('export', '导出 Export', (s) => createExportTab(s, ctx), 'data');
  return { canImport, importTab };
}

// ------------------------------------------------------------------------------------------------
function createImportTab(section, ctx, layers) {
  const { L, map } = ctx;
  const overlay = L.layerGroup().addTo(map);
  const steps = el('ol', { class: 'wizard-steps' },
    el('li', { 'data-step': '1' }, '上传 Upload'),
    el('li', { 'data-step': '2' }, '预览 Preview'),
    el('li', { 'data-step': '3' }, '提交 Commit'));
  const setStep = (n) => steps.querySelectorAll('li').forEach((li) => {
    const s = Number(li.dataset.step);
    li.classList.toggle('current', s === n);
    li.classList.toggle('done', s < n);
    if (s === n) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  });

  // ---- step 1: upload ----
  const f = {
    layer: select('layer', layers),
    file: el('input', { type: 'file', name: 'file', accept: '.zip,.geojson,.json,.gz,.gpkg,.csv,.txt,.tsv' }),
    crs: select('crs', IMPORT_CRS),
    crsText: input('crsText', { placeholder: '如 e.g. EPSG:4545, CGCS2000, EPSG:32643', class: 'input-unit' }),
    encoding: select('encoding', ENCODINGS),
    lonColumn: input('lonColumn', { placeholder: 'lon / 经度 / x' }),
    latColumn: input('latColumn', { placeholder: 'lat / 纬度 / y' }),
    wktColumn: input('wktColumn', { placeholder: 'wkt / geometry' }),
  };
  f.layer.value = layers.some(([id]) => id === 'townships') ? 'townships' : layers[0][0];
  const crsTextRow = field('坐标系代码 CRS code', f.crsText);
  crsTextRow.hidden = true;
  const csvBox = el('fieldset', { class: 'csv-columns', hidden: true },
    el('legend', {}, biText('CSV 列 Columns（经纬度列或 WKT 列 lon/lat or WKT）')),
    el('div', { class: 'grid2' }, field('经度列 Longitude column', f.lonColumn), field('纬度列 Latitude column', f.latColumn),
      field('WKT 列 WKT column', f.wktColumn)));
  const upProblem = problemBox();
  const upload = el('button', { type: 'submit', class: 'primary small', 'data-action': 'upload' }, biText('上传并预览 Upload & preview'));
  const upState = el('p', { class: 'panel-state', role: 'status' });
  const intro = el('p', { class: 'muted small intro' });
  const setIntro = () => {
    intro.textContent = f.layer.value === 'facilities'
      ? '上传设施点文件（类型、名称、状态、床位、日期等字段）：先预览，确认后再写入；编号相同（无编号时类型和名称相同）的设施被更新，其余新建；提交前不保存任何数据。 Upload facility points (type, name, status, beds, dates …): you see a preview first; a facility with the same identifier (without one: the same type and name) is updated, the others are created; nothing is stored before you commit.'
      : '上传区划边界文件：先预览，确认后再写入；提交前不保存任何数据。 Upload division boundaries: you see a preview first; nothing is stored before you commit.';
  };
  setIntro();
  f.layer.addEventListener('change', setIntro);
  const uploadForm = el('form', { class: 'panel-form import-upload', novalidate: true },
    intro,
    el('div', { class: 'grid2' }, field('图层 Layer', f.layer), field('编码 Encoding', f.encoding)),
    field('文件 File（GeoJSON、GeoPackage、Shapefile .zip、CSV）', f.file),
    field('坐标系 CRS', f.crs), crsTextRow,
    csvBox, upProblem, el('div', { class: 'form-row buttons' }, upload), upState);

  const isCsv = () => { const n = (f.file.files[0] && f.file.files[0].name) || ''; return /\.(csv|txt|tsv)$/i.test(n); };
  f.file.addEventListener('change', () => { csvBox.hidden = !isCsv(); });
  f.crs.addEventListener('change', () => { crsTextRow.hidden = f.crs.value !== '*'; if (!crsTextRow.hidden) f.crsText.focus(); });
  const crsValue = () => (f.crs.value === '*' ? val(f.crsText) : (f.crs.value || null));
  // Problem `parameter` → the field to outline (crs: the select or the typed code).
  const uploadFields = () => ({ ...f, crs: f.crs.value === '*' ? f.crsText : f.crs });

  // ---- step 2 / 3 ----
  const previewBox = el('div', { class: 'import-preview', hidden: true });

  section.append(steps, uploadForm, previewBox);
  setStep(1);

  function clearMap() { overlay.clearLayers(); }

  function backToUpload() {
    clearMap();
    previewBox.hidden = true;
    setChildren(previewBox);
    uploadForm.hidden = false;
    setStep(1);
  }

  uploadForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(upProblem, null, uploadFields());
    const file = f.file.files[0];
    if (!file) {
      showProblem(upProblem, { title: '缺少文件 No file', detail: '请选择要上传的文件 Choose a file to upload', parameter: 'file' }, uploadFields());
      return;
    }
    if (f.crs.value === '*' && !val(f.crsText)) {
      showProblem(upProblem, { title: '缺少坐标系 No CRS', detail: '请输入坐标系代码，或选择“按文件声明” Type a CRS code, or choose "as declared in the file"', parameter: 'crs' }, uploadFields());
      return;
    }
    const params = { layer: f.layer.value, crs: crsValue(), encoding: f.encoding.value };
    if (isCsv()) Object.assign(params, { lonColumn: val(f.lonColumn), latColumn: val(f.latColumn), wktColumn: val(f.wktColumn) });
    const form = new FormData();
    form.append('file', file, file.name);
    upload.disabled = true;
    upState.className = 'panel-state loading';
    upState.textContent = `正在上传并检查 ${file.name}… Uploading and checking…`;
    try {
      const preview = await uploadImport(params, form);
      upState.textContent = '';
      upState.className = 'panel-state';
      showPreview(preview);
    } catch (err) {
      upState.textContent = '';
      upState.className = 'panel-state';
      showProblem(upProblem, err, uploadFields());
    } finally {
      upload.disabled = false;
    }
  });

  function drawExtent(extent) {
    if (!Array.isArray(extent) || extent.length !== 4 || extent.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return null;
    const [minLon, minLat, maxLon, maxLat] = extent;
    const bounds = L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
    L.rectangle(bounds, { pane: 'imports', color: '#e65100', weight: 2, dashArray: '6 4', fill: true, fillOpacity: 0.05, interactive: false }).addTo(overlay);
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 });
    return bounds;
  }

  let problemMarker = null;
  function showProblemAt(p) {
    if (problemMarker) overlay.removeLayer(problemMarker);
    problemMarker = L.circleMarker([p.lat, p.lon], { pane: 'imports', radius: 9, color: '#b71c1c', weight: 3, fillColor: '#ffeb3b', fillOpacity: 0.9 })
      .bindTooltip(() => el('span', {}, `#${p.index} · ${PROBLEM_KINDS[p.kind] || p.kind}`), { direction: 'top', offset: [0, -8], permanent: true })
      .addTo(overlay);
    map.setView([p.lat, p.lon], Math.max(map.getZoom(), 13));
  }

  function showPreview(p) {
    clearMap();
    problemMarker = null;
    uploadForm.hidden = true;
    previewBox.hidden = false;
    previewBox.dataset.importId = p.id;
    setStep(2);
    const bounds = drawExtent(p.extent);
    const warnings = p.warnings || [];
    const problems = p.problems || [];
    const fields = p.fields || [];

    const back = el('button', { type: 'button', class: 'small-button', 'data-action': 'back' }, biText('← 重新上传 Upload again'));
    back.addEventListener('click', backToUpload);
    const zoom = el('button', { type: 'button', class: 'small-button', 'data-action': 'zoom-extent', disabled: !bounds }, biText('缩放到范围 Zoom to extent'));
    zoom.addEventListener('click', () => { if (bounds) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 }); });

    const ext = Array.isArray(p.extent) && p.extent.length === 4
      ? el('code', { class: 'small' }, `${coord(p.extent[0])}, ${coord(p.extent[1])} — ${coord(p.extent[2])}, ${coord(p.extent[3])}`) : '—';
    const layerLabel = (IMPORT_LAYERS.find(([id]) => id === p.layer) || [null, p.layer])[1];
    const isFacilities = p.layer === 'facilities';
    if (isFacilities) drawPoints(p.points || []);
    const summary = kvTable(isFacilities ? [
      ['文件 File', p.fileName, p.format ? el('span', { class: 'muted' }, ` (${p.format})`) : null],
      ['图层 Layer', layerLabel],
      ['要素 Features', el('strong', { 'data-field': 'count' }, String(p.count))],
      ['坐标系 CRS', el('code', { 'data-field': 'crs' }, p.crs || '—'), p.crsSource ? el('span', { class: 'muted small' }, ` · ${CRS_SOURCE[p.crsSource] || p.crsSource}`) : null],
      ['转换 Conversion', p.conversion],
      ['范围 Extent (WGS 84)', ext],
      ['问题 Problems', el('span', { class: p.problemCount ? 'invalid' : 'valid', 'data-field': 'problemCount' }, String(p.problemCount ?? 0))],
      ['新建 To create', el('span', { 'data-field': 'creates' }, String(p.creates ?? 0))],
      ['更新 To update', el('span', { 'data-field': 'updates' }, String(p.updates ?? 0))],
      ['状态 Status', p.status],
    ] : [
      ['文件 File', p.fileName, p.format ? el('span', { class: 'muted' }, ` (${p.format})`) : null],
      ['图层 Layer', layerLabel],
      ['要素 Features', el('strong', { 'data-field': 'count' }, String(p.count))],
      ['坐标系 CRS', el('code', { 'data-field': 'crs' }, p.crs || '—'), p.crsSource ? el('span', { class: 'muted small' }, ` · ${CRS_SOURCE[p.crsSource] || p.crsSource}`) : null],
      ['转换 Conversion', p.conversion],
      ['范围 Extent (WGS 84)', ext],
      ['问题 Problems', el('span', { class: p.problemCount ? 'invalid' : 'valid', 'data-field': 'problemCount' }, String(p.problemCount ?? 0))],
      ['无效几何 Invalid geometries', el('span', { class: p.invalidGeometries ? 'invalid' : null }, String(p.invalidGeometries ?? 0))],
      ['未知代码 Unknown codes', el('span', { class: p.unknownCodes ? 'invalid' : null }, String(p.unknownCodes ?? 0))],
      ['状态 Status', p.status],
    ]);
    const warnBox = warnings.length ? el('div', { class: 'notice warn', role: 'note' },
      el('strong', {}, `警告 Warnings (${warnings.length})`), el('ul', {}, warnings.map((w) => el('li', {}, w)))) : null;

    // problems list
    const MAX = 300;
    const shown = problems.slice(0, MAX);
    const problemsBox = problems.length ? el('div', { class: 'import-problems' },
      el('h4', {}, biText('问题清单 Problems'), ` (${p.problemCount ?? problems.length})`),
      el('p', { class: 'muted small' }, '要素序号从 0 开始；点击有坐标的行在地图上标出位置。',
        ' Feature numbers are 0-based; click a row with a location to mark it on the map.',
        problems.length > MAX ? ` 仅显示前 ${MAX} 条 Showing the first ${MAX}.` : ''),
      dataTable([['要素 #', 'num nowrap'], ['类型 Kind'], ['原因 Reason', 'reason'], ['位置 Location', 'loc']],
        shown.map((x) => [x.index >= 0 ? String(x.index) : '—', el('span', { class: `kind kind-${x.kind}` }, PROBLEM_KINDS[x.kind] || x.kind), x.reason,
          typeof x.lon === 'number' && typeof x.lat === 'number' ? el('code', { class: 'small' }, `${x.lon.toFixed(5)},`, el('br'), x.lat.toFixed(5)) : '—']),
        (i) => {
          const x = shown[i];
          const located = typeof x.lon === 'number' && typeof x.lat === 'number';
          return located ? { class: 'clickable', tabindex: '0', 'data-problem': String(i), title: '在地图上显示 Show on the map' } : { 'data-problem': String(i) };
        }))
      : el('p', { class: 'notice ok' }, '未发现问题 No problems found');
    problemsBox.querySelectorAll('tr.clickable[data-problem]').forEach((tr) => {
      const go = () => {
        problemsBox.querySelectorAll('tr.selected').forEach((t) => t.classList.remove('selected'));
        tr.classList.add('selected');
        showProblemAt(shown[Number(tr.dataset.problem)]);
      };
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
    });

    if (isFacilities) {
      setChildren(previewBox,
        el('div', { class: 'form-row' }, back, zoom),
        el('h3', {}, biText('预览 Preview')),
        summary, pointLegend(), warnBox, problemsBox, facilityCommitForm(p, fields, back));
      ctx.panel.scrollTop();
      return;
    }

    // commit form
    const codeField = el('select', { name: 'codeField' },
      p.codeField ? null : el('option', { value: '' }, '— 请选择 Choose —'),
      fields.map((name) => el('option', { value: name }, name)));
    codeField.value = p.codeField && fields.includes(p.codeField) ? p.codeField : '';
    const radio = (value, label, checked) => el('label', { class: 'radio' },
      el('input', { type: 'radio', name: 'invalid', value, checked }), ` ${label}`);
    const invalidBox = el('fieldset', { class: 'radios-box', 'data-field': 'invalid' },
      el('legend', {}, `无效几何 Invalid geometries（${p.invalidGeometries ?? 0}）`),
      radio('reject', '拒绝：有无效几何则不导入 Reject: refuse the import', true),
      radio('repair', '修复（JTS GeometryFixer）Repair', false));
    const commitProblem = problemBox();
    const commit = el('button', { type: 'submit', class: 'primary small', 'data-action': 'commit' }, `提交导入 Commit (${p.count})`);
    const commitState = el('p', { class: 'panel-state', role: 'status' });
    const resultBox = el('div', { class: 'import-result' });
    const commitForm = el('form', { class: 'panel-form boxed-form import-commit', novalidate: true },
      el('h4', {}, biText('提交 Commit')),
      field('代码字段 Code field（行政区划代码 unit code）', codeField),
      invalidBox,
      el('p', { class: 'muted small' }, '全部要素在一个事务中写入，任何要素有问题则全部不导入。 All features are written in one transaction; if any has a problem nothing is stored.'),
      commitProblem, el('div', { class: 'form-row buttons' }, commit), commitState);
    // A refusal names `file` (features with problems): outline the choice that can resolve it.
    const commitFields = { codeField, invalid: invalidBox, file: p.invalidGeometries ? invalidBox : null, id: null };

    commitForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(commitProblem, null, commitFields);
      const invalid = (commitForm.querySelector('input[name=invalid]:checked') || {}).value || 'reject';
      if (!codeField.value) {
        showProblem(commitProblem, { title: '缺少代码字段 No code field', detail: '请选择保存行政区划代码的字段 Choose the field that holds the unit code', parameter: 'codeField' }, commitFields);
        return;
      }
      commit.disabled = true;
      commitState.className = 'panel-state loading';
      commitState.textContent = '正在导入… Importing…';
      try {
        const r = await commitImport(p.id, { codeField: codeField.value, invalid });
        commitState.textContent = '';
        commitState.className = 'panel-state';
        showResult(p, r || {}, commitForm, resultBox, back);
      } catch (err) {
        commitState.textContent = '';
        commitState.className = 'panel-state';
        commit.disabled = false;
        if (alreadyCommitted(err, p, commitForm, commitProblem, commit,
          (r) => showResult(p, r, commitForm, resultBox, back, true))) return;
        const head = err.status === 409 ? '代码未知或导入已结束，未保存任何数据 Unknown codes or import already closed: nothing was stored'
          : err.status === 422 ? '要素有问题，未保存任何数据 Features have problems: nothing was stored' : null;
        showProblem(commitProblem, err, commitFields, head ? el('p', { class: 'small' }, head) : null);
      }
    });

    setChildren(previewBox,
      el('div', { class: 'form-row' }, back, zoom),
      el('h3', {}, biText('预览 Preview')),
      summary, warnBox, problemsBox, commitForm, resultBox);
    ctx.panel.scrollTop();
  }

  /** The file's facilities on the map, coloured by what a commit would do; tooltips are text only. */
  function drawPoints(points) {
    for (const pt of points) {
      if (typeof pt.lon !== 'number' || typeof pt.lat !== 'number') continue;
      const [color, label] = POINT_ACTIONS[pt.action] || POINT_ACTIONS.error;
      L.circleMarker([pt.lat, pt.lon], { pane: 'imports', radius: 6, color: '#fff', weight: 1.5, fillColor: color, fillOpacity: 0.95, className: `import-point import-${pt.action}` })
        .bindTooltip(() => el('span', {}, `#${pt.index} · ${pt.name || '—'} · ${pt.type || '—'} · ${label}`), { direction: 'top', offset: [0, -6] })
        .addTo(overlay);
    }
  }

  function pointLegend() {
    return el('p', { class: 'small import-legend' }, Object.values(POINT_ACTIONS).map(([color, label]) => el('span', { class: 'nowrap' },
      el('span', { style: `display:inline-block;width:10px;height:10px;border-radius:50%;background:${color};margin:0 4px 0 10px` }), label)));
  }

  /** The facilities commit: the field mapping (proposed by the server, changeable), then commit. */
  function facilityCommitForm(p, fields, back) {
    const proposed = p.mapping || {};
    const selects = {};
    const rows = Object.entries(FACILITY_FIELDS).map(([key, label]) => {
      const s = el('select', { name: `mapping.${key}`, 'data-mapping': key },
        el('option', { value: '' }, '— 无 None —'),
        fields.map((name) => el('option', { value: name }, name)));
      s.value = proposed[key] && fields.includes(proposed[key]) ? proposed[key] : '';
      selects[key] = s;
      return field(label, s);
    });
    const commitProblem = problemBox();
    const commit = el('button', { type: 'submit', class: 'primary small', 'data-action': 'commit' }, `提交导入 Commit (${p.count})`);
    const commitState = el('p', { class: 'panel-state', role: 'status' });
    const resultBox = el('div', { class: 'import-result' });
    const mappingBox = el('fieldset', { class: 'import-mapping', 'data-field': 'mapping' },
      el('legend', {}, biText('字段对应 Field mapping（设施字段 ← 文件字段 facility field ← file field）')), el('div', { class: 'grid2' }, rows));
    const commitForm = el('form', { class: 'panel-form boxed-form import-commit', novalidate: true },
      el('h4', {}, biText('提交 Commit')),
      mappingBox,
      el('p', { class: 'muted small' }, '改动字段对应后，提交时按新的对应重新检查全部要素。全部设施在一个事务中写入，任何要素有问题则全部不导入。 After changing the mapping every feature is checked again on commit. All facilities are written in one transaction; if any has a problem nothing is stored.'),
      commitProblem, el('div', { class: 'form-row buttons' }, commit), commitState);
    const commitFields = { mapping: mappingBox, file: null, id: null };
    commitForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(commitProblem, null, commitFields);
      const mapping = {};
      for (const [key, s] of Object.entries(selects)) mapping[key] = s.value || null;
      commit.disabled = true;
      commitState.className = 'panel-state loading';
      commitState.textContent = '正在导入… Importing…';
      try {
        const r = await commitImport(p.id, { mapping });
        commitState.textContent = '';
        commitState.className = 'panel-state';
        showFacilityResult(p, r || {}, commitForm, resultBox, back);
      } catch (err) {
        commitState.textContent = '';
        commitState.className = 'panel-state';
        commit.disabled = false;
        if (alreadyCommitted(err, p, commitForm, commitProblem, commit,
          (r) => { showFacilityResult(p, r, commitForm, resultBox, back, true); })) return;
        const head = err.status === 409 ? '导入已结束，未保存任何数据 Import already closed: nothing was stored'
          : err.status === 422 ? '要素有问题，未保存任何数据 Features have problems: nothing was stored' : null;
        showProblem(commitProblem, err, commitFields, head ? el('p', { class: 'small' }, head) : null);
      }
    });
    return [commitForm, resultBox];
  }

  /**
   * A 409 on commit that says the import was committed by another submission (status COMMITTED, with the first
   * commit's result) or is being committed right now (COMMITTING): not an error, and not "nothing was stored".
   * Shows the first result through showFirst(result), or a notice with a button that looks again. True if handled.
   */
  function alreadyCommitted(err, p, commitForm, commitProblem, commit, showFirst) {
    const problem = err && err.status === 409 ? err.problem : null;
    const state = problem && problem.status;
    if (state === 'COMMITTED') {
      showProblem(commitProblem, null);
      showFirst(problem.result || {});
      return true;
    }
    if (state !== 'COMMITTING') return false;
    commit.disabled = true;
    const check = el('button', { type: 'button', class: 'small-button', 'data-action': 'check-commit' }, biText('刷新状态 Check again'));
    const checking = el('span', { class: 'muted small', role: 'status' });
    check.addEventListener('click', async () => {
      check.disabled = true;
      checking.textContent = ' 正在查询… Checking…';
      try {
        const now = await loadImport(p.id);
        if (now.status === 'COMMITTED') {
          // the commit's 409 carries the first result (nothing is written again)
          try {
            await commitImport(p.id, {});
          } catch (again) {
            if (alreadyCommitted(again, p, commitForm, commitProblem, commit, showFirst)) return;
            throw again;
          }
        } else if (now.status === 'PREVIEWED') {
          // the other submission failed and stored nothing: this one may be committed again
          showProblem(commitProblem, null);
          commit.disabled = false;
          commitProblem.hidden = false;
          commitProblem.replaceChildren(el('strong', {}, '另一次提交未完成，未保存任何数据 The other submission did not complete: nothing was stored'),
            el('p', {}, '可以再次提交。 You may commit again.'));
          return;
        }
        checking.textContent = ` 仍在写入 Still being committed (${now.status || '—'})`;
      } catch (e) {
        checking.textContent = ` 查询失败 Check failed: ${e.detail || e.message}`;
      } finally { check.disabled = false; }
    });
    commitProblem.replaceChildren(
      el('strong', { 'data-commit-state': 'COMMITTING' }, '正在由另一次提交写入，请稍候刷新 / being committed by another submission'),
      el('p', {}, err.detail || ''),
      el('div', { class: 'form-row' }, check, checking));
    commitProblem.hidden = false;
    return true;
  }

  /** Step 3 for the facilities layer: counts, then the facilities, dashboard and coverage reloaded. */
  function showFacilityResult(p, r, commitForm, resultBox, back, byAnother = false) {
    clearMap();
    return showCommitted(p, r, commitForm, resultBox, back, byAnother, {
      rows: [['新建 Created', el('strong', { 'data-field': 'created' }, String(r.created ?? 0))],
        ['更新 Updated', el('strong', { 'data-field': 'updated' }, String(r.updated ?? 0))]],
      reloading: '正在刷新设施、看板和覆盖… Reloading facilities, dashboard and coverage…',
      reload: () => (ctx.facilitiesChanged ? ctx.facilitiesChanged({}) : undefined),
      reloaded: '设施图层、看板和覆盖已刷新。 Facilities, dashboard and coverage reloaded.',
      failed: '刷新失败，请重新加载页面 Reloading failed, please reload the page',
    });
  }

  /** Step 3 for a division layer: counts, then the map layers reloaded. */
  function showResult(p, r, commitForm, resultBox, back, byAnother = false) {
    return showCommitted(p, r, commitForm, resultBox, back, byAnother, {
      rows: [['更新 Updated', el('strong', { 'data-field': 'updated' }, String(r.updated ?? 0))],
        ['修复 Repaired', el('span', { 'data-field': 'repaired' }, String(r.repaired ?? 0))]],
      reloading: '正在刷新地图图层… Reloading the map layers…',
      reload: () => (ctx.reloadDivisions ? ctx.reloadDivisions([r.layer || p.layer]) : undefined),
      reloaded: '地图图层已刷新。统计与规划数据在重新加载页面后更新。 Map layers reloaded; statistics and planning data update after a page reload.',
      failed: '图层刷新失败，请重新加载页面 Reloading the layers failed, please reload the page',
    });
  }

  /** The committed import: what was written, a new-import button, and the reload of what the import changed. */
  async function showCommitted(p, r, commitForm, resultBox, back, byAnother, how) {
    setStep(3);
    commitForm.hidden = true;
    const again = el('button', { type: 'button', class: 'small-button', 'data-action': 'new-import' }, biText('新的导入 New import'));
    again.addEventListener('click', backToUpload);
    const reloadState = el('p', { class: 'panel-state loading', role: 'status' }, how.reloading);
    setChildren(resultBox,
      el('div', { class: 'notice ok', role: 'status', 'data-result': byAnother ? 'already' : 'ok' },
        el('strong', {}, byAnother ? '已提交（由另一次提交完成）/ already committed (by another submission)' : '导入完成 Import committed'),
        byAnother ? el('p', { class: 'small' }, '本次提交未再写入；以下为首次提交的结果。 This submission wrote nothing again; below is the first commit\'s result.') : null,
        kvTable([
          ...how.rows,
          ['坐标系 CRS', el('code', {}, r.crs || p.crs || '—')],
          ['转换 Conversion', r.conversion || p.conversion],
        ])),
      reloadState,
      el('div', { class: 'form-row buttons' }, again));
    back.disabled = true;
    try {
      await how.reload();
      reloadState.className = 'panel-state';
      reloadState.textContent = how.reloaded;
    } catch (err) {
      reloadState.className = 'panel-state error';
      reloadState.textContent = `${how.failed}: ${err.detail || err.message}`;
    }
  }

  return {
    show() { if (!previewBox.hidden) overlay.addTo(map); },
    /** Open an earlier upload by id (GET /api/imports/{id}). */
    async open(id) { showPreview(await loadImport(id)); },
  };
}

// ------------------------------------------------------------------------------------------------
function createExportTab(section, ctx) {
  const f = {
    collection: select('collection', EXPORT_COLLECTIONS),
    format: select('format', EXPORT_FORMATS),
    crs: select('crs', EXPORT_CRS),
    unit: input('unit', { placeholder: '12 位代码 12-digit code', inputmode: 'numeric', maxlength: '12', list: 'export-units', class: 'input-unit' }),
  };
  const units = ctx.units || [];
  const datalist = el('datalist', { id: 'export-units' }, units.map((u) => el('option', { value: u.code }, `${u.name} · ${u.level}`)));
  const link = el('a', { class: 'primary small download-link', download: '', 'data-action': 'download' }, '下载 Download');
  const urlText = el('code', { class: 'small export-url' });
  const hint = el('p', { class: 'small error-text', role: 'status', hidden: true });
  const unitName = el('span', { class: 'muted small' });
  section.append(el('form', { class: 'panel-form export-form', novalidate: true },
    el('p', { class: 'muted small intro' }, '导出图层数据文件（公开数据，无需登录）。 Download a layer as a file (public data, no login needed).'),
    field('图层 Collection', f.collection),
    el('div', { class: 'grid2' }, field('格式 Format', f.format), field('坐标系 CRS', f.crs)),
    field('范围（可选）Unit (optional) — 行政区划代码 unit code', f.unit), unitName, datalist,
    hint,
    el('div', { class: 'form-row buttons' }, link),
    el('p', { class: 'small muted' }, '链接 Link: ', urlText)));

  function update() {
    const unit = val(f.unit);
    const ok = !unit || /^\d{12}$/.test(unit);
    f.unit.classList.toggle('invalid-field', !ok);
    hint.hidden = ok;
    hint.textContent = ok ? '' : '行政区划代码须为 12 位数字 The unit code must be 12 digits';
    const u = unit && units.find((x) => x.code === unit);
    unitName.textContent = u ? `${u.name} · ${u.level}` : '';
    const href = exportUrl(f.collection.value, { format: f.format.value, crs: f.crs.value, unit: ok ? unit : null });
    link.setAttribute('href', href);
    link.classList.toggle('disabled', !ok);
    link.setAttribute('aria-disabled', String(!ok));
    urlText.textContent = href;
  }
  link.addEventListener('click', (e) => { if (link.classList.contains('disabled')) { e.preventDefault(); f.unit.focus(); } });
  for (const node of Object.values(f)) { node.addEventListener('input', update); node.addEventListener('change', update); }
  update();
  return { show() {} };
}
