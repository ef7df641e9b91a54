// Step 2 of the import wizard: what the server found in the uploaded file. The summary, the warnings and
// the problems list (a row with a location is marked on the map), the file's extent on the map and, for
// facilities, the points coloured by what a commit would do.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { kvTable, dataTable } from '../core/forms.js';
import { IMPORT_LAYERS, PROBLEM_KINDS, CRS_SOURCE, POINT_ACTIONS } from './exchange-text.js';

const fmtNum = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5, minimumFractionDigits: 5 });
const coord = (v) => (typeof v === 'number' ? fmtNum.format(v) : '—');

/**
 * Draws the preview into the (cleared) overlay and returns { bounds (of the extent, or null), nodes (the
 * summary, the facility point legend, warnings and problems, for the panel) }.
 */
export function previewView(p, { L, map, overlay }) {
  const bounds = drawExtent(p.extent);
  const warnings = p.warnings || [];
  const problems = p.problems || [];
  let problemMarker = null;

  function drawExtent(extent) {
    if (!Array.isArray(extent) || extent.length !== 4 || extent.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return null;
    const [minLon, minLat, maxLon, maxLat] = extent;
    const b = L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
    L.rectangle(b, { pane: 'imports', color: '#e65100', weight: 2, dashArray: '6 4', fill: true, fillOpacity: 0.05, interactive: false }).addTo(overlay);
    map.fitBounds(b, { padding: [30, 30], maxZoom: 14 });
    return b;
  }

  function showProblemAt(x) {
    if (problemMarker) overlay.removeLayer(problemMarker);
    problemMarker = L.circleMarker([x.lat, x.lon], { pane: 'imports', radius: 9, color: '#b71c1c', weight: 3, fillColor: '#ffeb3b', fillOpacity: 0.9 })
      .bindTooltip(() => el('span', {}, `#${x.index} · ${PROBLEM_KINDS[x.kind] || x.kind}`), { direction: 'top', offset: [0, -8], permanent: true })
      .addTo(overlay);
    map.setView([x.lat, x.lon], Math.max(map.getZoom(), 13));
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

  const ext = Array.isArray(p.extent) && p.extent.length === 4
    ? el('code', { class: 'small' }, `${coord(p.extent[0])}, ${coord(p.extent[1])} — ${coord(p.extent[2])}, ${coord(p.extent[3])}`) : '—';
  const layerLabel = (IMPORT_LAYERS.find(([id]) => id === p.layer) || [null, p.layer])[1];
  const isFacilities = p.layer === 'facilities';
  if (isFacilities) drawPoints(p.points || []);
  // the same first rows for every layer, then what a commit would do: facilities created / updated,
  // divisions' invalid geometries and unknown codes
  const summary = kvTable([
    ['文件 File', p.fileName, p.format ? el('span', { class: 'muted' }, ` (${p.format})`) : null],
    ['图层 Layer', layerLabel],
    ['要素 Features', el('strong', { 'data-field': 'count' }, String(p.count))],
    ['坐标系 CRS', el('code', { 'data-field': 'crs' }, p.crs || '—'), p.crsSource ? el('span', { class: 'muted small' }, ` · ${CRS_SOURCE[p.crsSource] || p.crsSource}`) : null],
    ['转换 Conversion', p.conversion],
    ['范围 Extent (WGS 84)', ext],
    ['问题 Problems', el('span', { class: p.problemCount ? 'invalid' : 'valid', 'data-field': 'problemCount' }, String(p.problemCount ?? 0))],
    ...(isFacilities ? [
      ['新建 To create', el('span', { 'data-field': 'creates' }, String(p.creates ?? 0))],
      ['更新 To update', el('span', { 'data-field': 'updates' }, String(p.updates ?? 0))],
    ] : [
      ['无效几何 Invalid geometries', el('span', { class: p.invalidGeometries ? 'invalid' : null }, String(p.invalidGeometries ?? 0))],
      ['未知代码 Unknown codes', el('span', { class: p.unknownCodes ? 'invalid' : null }, String(p.unknownCodes ?? 0))],
    ]),
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

  return { bounds, nodes: [summary, isFacilities ? pointLegend() : null, warnBox, problemsBox] };
}
