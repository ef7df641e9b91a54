// Printable dossier of one boundary line: particulars, a geometry sketch,
// versions, markers, inspections and disputes (the last two for staff only,
// as the API returns them). Opened as a new window from the map page (the
// server only serves index.html and login.html to the public, so the window
// is written here and styled by css/print.css). All data text goes in as text.
import { el } from '../core/escape.js';
import { parseWkt } from '../map/wkt.js';
import { LEVELS, INSPECTION_KINDS, DISPUTE_STATUS, MARKER_TYPES, conditionLabel } from './boundary-text.js';
import { loadLine } from './boundaries-api.js';

const dash = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const km = (m) => (typeof m === 'number' ? `${(m / 1000).toFixed(2)} km` : '—');
const when = (s) => (s ? new Date(s).toLocaleString('zh-CN', { hour12: false }) : '—');

function table(cols, rows) {
  if (!rows.length) return el('p', { class: 'empty' }, '无 None');
  return el('table', {}, el('thead', {}, el('tr', {}, cols.map(([c, cls]) => el('th', { class: cls || null }, c)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((v, i) => el('td', { class: (cols[i] && cols[i][1]) || null }, dash(v)))))));
}

/** An SVG sketch of the line (equirectangular, scaled by cos(lat)) with the markers. */
function sketch(geometry, markers) {
  const NS = 'http://www.w3.org/2000/svg';
  const lines = [];
  const collect = (g) => {
    if (!g) return;
    if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
    else if (g.type === 'Polygon') lines.push(...g.coordinates);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => lines.push(...p));
    else if (g.type === 'GeometryCollection') g.geometries.forEach(collect);
  };
  collect(geometry);
  const pts = lines.flat().concat(markers.map((m) => [m.lon, m.lat]));
  if (!pts.length) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const W = 600, H = 260, pad = 14;
  const s = Math.min((W - 2 * pad) / Math.max((x1 - x0) * k, 1e-9), (H - 2 * pad) / Math.max(y1 - y0, 1e-9));
  const ox = (W - (x1 - x0) * k * s) / 2, oy = (H - (y1 - y0) * s) / 2;
  const px = ([x, y]) => [ox + (x - x0) * k * s, H - (oy + (y - y0) * s)];
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'sketch');
  for (const line of lines) {
    const p = document.createElementNS(NS, 'polyline');
    p.setAttribute('points', line.map((c) => px(c).map((v) => v.toFixed(1)).join(',')).join(' '));
    p.setAttribute('fill', 'none'); p.setAttribute('stroke', '#111'); p.setAttribute('stroke-width', '2');
    svg.append(p);
  }
  for (const m of markers) {
    const [cx, cy] = px([m.lon, m.lat]);
    const c = document.createElementNS(NS, 'circle');
    c.setAttribute('cx', cx.toFixed(1)); c.setAttribute('cy', cy.toFixed(1)); c.setAttribute('r', '4');
    c.setAttribute('fill', '#fff'); c.setAttribute('stroke', '#b71c1c'); c.setAttribute('stroke-width', '2');
    const t = document.createElementNS(NS, 'text');
    const right = cx > W - 170;
    t.setAttribute('x', (right ? cx - 6 : cx + 6).toFixed(1)); t.setAttribute('y', (cy - 6).toFixed(1)); t.setAttribute('font-size', '11');
    if (right) t.setAttribute('text-anchor', 'end');
    t.textContent = m.number;
    svg.append(c, t);
  }
  return svg;
}

/** Open the printable dossier of line `code` in a new window (call from a click handler). */
export async function openDossierPrint(code) {
  const w = window.open('', '_blank');
  if (!w) return null; // pop-up blocked: the caller says so
  const doc = w.document;
  const base = new URL('.', location.href).href;
  doc.open();
  doc.write('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>界线档案 Boundary line dossier</title></head><body class="print-page"></body></html>');
  doc.close();
  doc.head.append(el('base', { href: base }), el('link', { rel: 'stylesheet', href: `${base}css/print.css` }));
  const printButton = el('button', { type: 'button' }, '打印 Print');
  printButton.addEventListener('click', () => w.print());
  const main = el('main', { id: 'dossier' }, el('p', {}, '正在加载… Loading…'));
  doc.body.append(el('div', { class: 'print-tools no-print' }, printButton, el('span', {}, '使用浏览器打印为纸张或 PDF。Print to paper or PDF from the browser.')), main);
  await renderInto(main, code, w);
  return w;
}

async function renderInto(main, code, w) {
  let d;
  try { d = await loadLine(code); } catch (err) {
    main.replaceChildren(el('p', { class: 'error' }, `加载失败 Failed to load: ${err.detail || err.message}`));
    return;
  }
  w.document.title = `界线档案 ${d.nameA}—${d.nameB} · Boundary dossier ${d.lineCode}`;
  let geometry = null;
  try { geometry = parseWkt(d.wkt); } catch { geometry = null; }
  const markers = d.markers || [];
  const svg = sketch(geometry, markers);
  main.replaceChildren(
    el('h1', {}, `${d.nameA || d.codeA} — ${d.nameB || d.codeB} 界线档案`),
    el('p', { class: 'subtitle' }, `Boundary line dossier · ${d.lineCode} · 打印于 printed ${new Date().toLocaleDateString('zh-CN')}`),
    el('h2', {}, '一、基本情况 Particulars'),
    el('table', { class: 'kv' }, el('tbody', {}, [
      ['界线编号 Line code', d.lineCode],
      ['级别 Level', LEVELS[d.level] || d.level],
      ['甲方 Party A', `${dash(d.nameA)}（${d.codeA}）`],
      ['乙方 Party B', `${dash(d.nameB)}（${d.codeB}）`],
      ['长度 Length', km(d.lengthMetres)],
      ['重叠面积 Overlap', d.overlapSquareMetres ? `${Math.round(d.overlapSquareMetres)} m²` : '—'],
      ['数据版本 Source version', d.sourceVersion],
      ['计算时间 Computed', when(d.computedAt)],
      ['几何 Geometry', d.geometrySynthetic ? '程序生成（合成数据）Generated — synthetic' : '来源数据 From source data'],
    ].map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, dash(v))))),
    ),
    el('h2', {}, '二、界线示意 Sketch'),
    svg || el('p', { class: 'empty' }, '无几何 No geometry'),
    d.geometrySynthetic ? el('p', {}, el('span', { class: 'synthetic' }, '合成 synthetic'), ' 示意图基于程序生成的几何，仅供演示。The sketch uses generated geometry, for demonstration only.') : null,
    el('h2', {}, '三、版本 Versions'),
    table([['数据版本 Source version'], ['长度 Length', 'num'], ['计算时间 Computed'], ['失效 Valid to']],
      (d.versions || []).map((v) => [v.sourceVersion, km(v.lengthMetres), when(v.computedAt), v.validTo ? when(v.validTo) : '现行 current'])),
    el('h2', {}, '四、界桩 Markers'),
    table([['编号 No.'], ['类型 Type'], ['经度 Lon', 'num'], ['纬度 Lat', 'num'], ['管护方 Kept by'], ['状况 Condition'], ['埋设 Installed']],
      markers.map((m) => [m.number, m.typeLabel || MARKER_TYPES[m.type] || m.type, Number(m.lon).toFixed(6), Number(m.lat).toFixed(6), m.keptBy === d.codeA ? d.nameA : m.keptBy === d.codeB ? d.nameB : m.keptBy, conditionLabel(m.condition), m.installedOn])),
    d.inspections ? el('h2', {}, '五、联合巡查 Joint inspections') : null,
    d.inspections ? table([['日期 Date'], ['类型 Kind'], ['参加方 Parties'], ['发现 Findings'], ['后续 Follow-up'], ['记录 By']],
      d.inspections.map((i) => [i.inspectedOn, i.kindLabel || INSPECTION_KINDS[i.kind] || i.kind, i.parties, i.findings, i.followUp, i.recordedBy])) : null,
    d.disputes ? el('h2', {}, '六、边界争议 Disputes') : null,
    d.disputes ? table([['编号 No.'], ['标题 Title'], ['状态 Status'], ['上报 Filed upward']],
      d.disputes.map((x) => [`#${x.id}`, x.title, DISPUTE_STATUS[x.status] || x.statusLabel || x.status, x.filedUpwardOn ? `${x.filedUpwardOn} ${x.filedUpwardTo || ''}` : '—'])) : null,
    el('div', { class: 'signatures' }, el('div', {}, `${d.nameA || '甲方'} 代表签字 Signature, party A`), el('div', {}, `${d.nameB || '乙方'} 代表签字 Signature, party B`)),
    el('p', { class: 'note' }, '乡镇、村级界线为程序生成的合成数据，仅供演示；县界为真实数据。Township and village lines are synthetic (generated) demo data; county outlines are real.'));
}
