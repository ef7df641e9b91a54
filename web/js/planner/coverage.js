// Coverage tab: for a set of facility types and a rule, the share of villages
// covered, a township choropleth (byUnit) with its own legend, and the
// uncovered villages highlighted on the map and listed (click to zoom).
import { el } from '../core/escape.js';
import { biText, biHtml } from '../core/i18n.js';
import { loadCoverage } from './planner-api.js';
import { typePicker, radios, uniqueName } from './type-picker.js';
import { percent, integer } from '../core/text.js';
import { SCENARIOS, RULES, scenarioLabel } from './planner-text.js';

/** Share classes (upper bound exclusive except the last): colour and label. */
export const SHARE_CLASSES = [
  { max: 0.5, color: '#d73027', label: '< 50 %' },
  { max: 0.7, color: '#fc8d59', label: '50–70 %' },
  { max: 0.9, color: '#fee08b', label: '70–90 %' },
  { max: 0.99999, color: '#91cf60', label: '90–< 100 %' },
  { max: Infinity, color: '#1a9850', label: '100 %' },
];
export const shareColor = (s) => (s === null || s === undefined ? '#bdbdbd' : SHARE_CLASSES.find((c) => s < c.max).color);

/** SVG hatch patterns (in a hidden document-level <svg>), usable as fillColor: 'url(#id)'. */
function ensurePatterns() {
  if (document.getElementById('hatch-uncovered')) return;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '0'); svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  const defs = document.createElementNS(ns, 'defs');
  for (const [id, color, bg] of [['hatch-uncovered', '#b71c1c', 'rgba(255,255,255,0.55)'], ['hatch-newly', '#1b5e20', 'rgba(200,240,200,0.6)']]) {
    const pat = document.createElementNS(ns, 'pattern');
    pat.setAttribute('id', id); pat.setAttribute('patternUnits', 'userSpaceOnUse');
    pat.setAttribute('width', '7'); pat.setAttribute('height', '7'); pat.setAttribute('patternTransform', 'rotate(45)');
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('width', '7'); rect.setAttribute('height', '7'); rect.setAttribute('fill', bg);
    const line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '0'); line.setAttribute('y1', '0'); line.setAttribute('x2', '0'); line.setAttribute('y2', '7');
    line.setAttribute('stroke', color); line.setAttribute('stroke-width', '3');
    pat.append(rect, line);
    defs.append(pat);
  }
  svg.append(defs);
  document.body.append(svg);
}

export const UNCOVERED_STYLE = { color: '#b71c1c', weight: 2.6, opacity: 1, fillColor: 'url(#hatch-uncovered)', fillOpacity: 1, dashArray: null };
export const NEWLY_STYLE = { color: '#1b5e20', weight: 2.6, opacity: 1, fillColor: 'url(#hatch-newly)', fillOpacity: 1, dashArray: null };

/** Polygons of the given village codes as one non-interactive layer. */
export function villageHighlight(L, ctx, codes, style) {
  ensurePatterns();
  const feats = codes.map((c) => ctx.villageByCode.get(c)).filter(Boolean);
  return L.geoJSON(feats, { pane: 'highlight', interactive: false, style: () => style });
}

/** Zoom to a village and pulse its outline. */
export function zoomToVillage(ctx, code) {
  const f = ctx.villageByCode.get(code);
  if (!f) return;
  const layer = ctx.L.geoJSON(f, { pane: 'highlight', interactive: false, style: { color: '#111', weight: 4, fill: false, dashArray: '6 4' } }).addTo(ctx.map);
  ctx.map.flyToBounds(layer.getBounds(), { maxZoom: 13.5, padding: [40, 40], duration: 0.6 });
  setTimeout(() => layer.remove(), 3500);
}

function legendControl(L) {
  const control = L.control({ position: 'bottomleft' });
  let title = '';
  control.setTitle = (t) => { title = t; if (control._node) control._node.querySelector('.cl-title').textContent = t; };
  control.onAdd = () => {
    const node = el('div', { class: 'legend choropleth-legend' },
      el('div', { class: 'cl-title' }, title),
      el('ul', {}, SHARE_CLASSES.map((c) => el('li', {}, el('span', { class: 'swatch swatch-fill', style: `background:${c.color}` }), el('span', {}, c.label)))),
      el('ul', {}, el('li', {}, el('span', { class: 'swatch swatch-fill hatch-uncovered' }), el('span', {}, '未覆盖村 Uncovered village'))));
    control._node = node;
    L.DomEvent.disableClickPropagation(node);
    return node;
  };
  return control;
}

export function createCoverage(section, ctx) {
  const { L, map } = ctx;
  const picker = typePicker(ctx.types, ['RURAL_COMMUNITY_SERVICE'], uniqueName('cov-type'));
  const urbanRural = el('select', { name: 'urbanRural' },
    el('option', { value: 'rural' }, '乡村（村）Rural villages'),
    el('option', { value: 'urban' }, '城镇（社区）Urban communities'),
    el('option', { value: '' }, '全部 All villages & communities'));
  const rule = radios(uniqueName('cov-rule'), Object.entries(RULES), 'containment');
  const distance = el('input', { type: 'number', min: '1', max: '200000', step: '100', value: '2000', class: 'input-num', 'aria-label': '距离（米）Distance (m)' });
  const scenario = radios(uniqueName('cov-scn'), Object.entries(SCENARIOS), 'current');
  const asOf = el('input', { type: 'date', class: 'input-date' });
  const onlyChosen = el('input', { type: 'checkbox', checked: true });
  const colourBy = radios(uniqueName('cov-by'), [['share', '村数 By count'], ['populationShare', '人口 By population']], 'share');
  const show = el('button', { type: 'submit', class: 'primary small' }, biText('计算并显示 Show coverage'));
  const clear = el('button', { type: 'button', class: 'small-button' }, biText('清除地图 Clear map'));
  const state = el('div', { class: 'panel-state', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'coverage-result' });
  const form = el('form', { class: 'panel-form' },
    picker.node,
    el('div', { class: 'form-row' }, el('label', {}, '需求单元 Demand ', urbanRural)),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '规则 Rule'), rule.node,
      el('label', { class: 'distance-field' }, distance, ' 米 m')),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '情景 Scenario'), scenario.node),
    el('div', { class: 'form-row' }, el('label', {}, '截至 As of ', asOf), el('span', { class: 'muted small' }, '空 = 今天 empty = today')),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '着色 Colour'), colourBy.node),
    el('label', { class: 'check-row' }, onlyChosen, ' 地图上只显示所选类型的设施 Map shows only facilities of the chosen types'),
    el('div', { class: 'form-row buttons' }, show, clear));
  section.append(
    el('p', { class: 'muted small' }, '按所选设施类型计算每个村/社区是否被覆盖：所在村内有设施（所在村）或在给定距离内（距离）。 A village is covered if a facility of the chosen types lies in it (containment) or within the distance.'),
    form, state, result);

  const group = L.layerGroup();
  const legend = legendControl(L);
  ctx.addOverlay(group, biHtml('覆盖分析', 'Coverage'), 4);
  group.on('remove', () => legend.remove());
  group.on('add', () => { if (active && !legend._map) legend.addTo(map); });
  let data = null;
  let active = false;
  let seq = 0;

  const updateDistance = () => { distance.disabled = rule.value() !== 'distance'; };
  rule.onChange(updateDistance);
  updateDistance();

  function params() {
    return {
      types: picker.value(), rule: rule.value(),
      distance: rule.value() === 'distance' ? distance.value : null,
      level: 'village', urbanRural: urbanRural.value, scenario: scenario.value(), asOf: asOf.value || null,
    };
  }

  async function run() {
    const p = params();
    if (!p.types.length) { state.className = 'panel-state error'; state.textContent = '请至少选择一种设施类型 Choose at least one facility type'; return; }
    const my = ++seq;
    state.className = 'panel-state loading';
    state.textContent = '正在计算覆盖… Computing coverage…';
    show.disabled = true;
    try {
      const d = await loadCoverage(p);
      if (my !== seq) return;
      data = d;
      active = true;
      state.className = 'panel-state';
      state.textContent = '';
      draw();
    } catch (err) {
      if (my !== seq) return;
      state.className = 'panel-state error';
      state.replaceChildren(el('strong', {}, `无法计算 Cannot compute (HTTP ${err.status}) `), err.detail || err.title || err.message);
    } finally { show.disabled = false; }
  }

  function draw() {
    const by = colourBy.value();
    const shareOf = new Map(data.byUnit.map((u) => [u.code, u]));
    group.clearLayers();
    ctx.filterFacilities(onlyChosen.checked ? data.types || picker.value() : null);
    const choropleth = L.geoJSON(ctx.townships.filter((f) => shareOf.has(f.properties.code)), {
      pane: 'choropleth', interactive: false,
      style: (f) => {
        const u = shareOf.get(f.properties.code);
        return { stroke: true, color: '#333', weight: 1.2, opacity: 0.7, fillColor: shareColor(u.total ? u[by] : null), fillOpacity: 0.5 };
      },
    });
    group.addLayer(choropleth);
    group.addLayer(villageHighlight(L, ctx, data.uncovered || [], UNCOVERED_STYLE));
    legend.setTitle(`乡镇覆盖率 Township coverage (${by === 'share' ? '村数 count' : '人口 population'})`);
    if (!map.hasLayer(group)) group.addTo(map);
    else if (!legend._map) legend.addTo(map);
    renderResult(by);
  }

  function renderResult(by) {
    const d = data;
    const sub = (label, s) => (s && s.total ? el('span', { class: 'chip' }, `${label} ${integer.format(s.covered)}/${integer.format(s.total)} = ${percent(s.share)}`) : null);
    const summary = el('div', { class: 'cov-summary' },
      el('div', {}, el('strong', {}, d.unitName || d.unit), ` · ${(d.types || []).map((c) => (ctx.typeByCode.get(c) || {}).nameZh || c).join('、')} · ${scenarioLabel(d.scenario)} · 截至 as of ${d.asOf}`),
      el('div', { class: 'cov-figure' },
        el('span', { class: 'big', 'data-field': 'share' }, percent(d.share)),
        ` ${integer.format(d.covered)} / ${integer.format(d.total)} 已覆盖 covered`),
      el('div', { class: 'small' }, `人口覆盖 Population covered ${percent(d.populationShare)} (${integer.format(d.coveredPopulation)} / ${integer.format(d.population)})`,
        d.populationSynthetic ? el('span', { class: 'tag tag-synthetic' }, '合成 synthetic') : null),
      el('div', { class: 'chips' }, sub('城镇 Urban', d.urban), sub('乡村 Rural', d.rural)));
    const rows = [...d.byUnit].sort((a, b) => (a[by] ?? 0) - (b[by] ?? 0)).map((u) => {
      const tr = el('tr', { class: 'clickable', tabindex: '0' },
        el('td', {}, el('span', { class: 'dot', style: `background:${shareColor(u.total ? u[by] : null)}` }), ` ${u.name}`),
        el('td', { class: 'num' }, `${u.covered}/${u.total}`),
        el('td', { class: 'num' }, u.total ? percent(u.share) : '—'),
        el('td', { class: 'num' }, u.total ? percent(u.populationShare) : '—'));
      tr.addEventListener('click', () => {
        const f = ctx.townships.find((t) => t.properties.code === u.code);
        if (f) map.flyToBounds(L.geoJSON(f).getBounds(), { padding: [30, 30], duration: 0.6 });
      });
      return tr;
    });
    const unc = d.uncoveredUnits || [];
    const list = el('ol', { class: 'uncovered-list' }, unc.map((u) => {
      const b = el('button', { type: 'button', class: 'link-button' }, u.name);
      b.addEventListener('click', () => zoomToVillage(ctx, u.code));
      const pop = u.population !== null && u.population !== undefined ? `人口 population ${integer.format(u.population)}（合成 synthetic）` : '';
      return el('li', { title: `${u.code} ${pop}` }, b, el('span', { class: 'muted small' }, ` ${ctx.nameOf(u.parentCode) || u.parentCode || ''}`));
    }));
    result.replaceChildren(summary,
      el('h4', {}, biText('各乡镇 By township')),
      el('table', { class: 'data-table' },
        el('thead', {}, el('tr', {}, el('th', {}, '乡镇 Township'), el('th', {}, '覆盖 Cov.'), el('th', {}, '村数 Count'), el('th', {}, '人口 Pop.'))),
        el('tbody', {}, rows)),
      el('h4', {}, biText('未覆盖村 Uncovered villages'), ` (${unc.length})`),
      unc.length ? list : el('p', { class: 'muted' }, '全部覆盖 All covered'));
  }

  function clearMap() {
    active = false;
    group.clearLayers();
    ctx.filterFacilities(null);
    legend.remove();
    result.replaceChildren();
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  colourBy.onChange(() => data && active && draw());
  onlyChosen.addEventListener('change', () => data && active && draw());
  scenario.onChange(run);
  asOf.addEventListener('change', run);
  clear.addEventListener('click', clearMap);

  return {
    show() { if (!data) run(); },
    refresh() { if (active) return run(); return null; },
    /** Show coverage for given params (used by the planner to show the base situation). */
    current: () => data,
  };
}
