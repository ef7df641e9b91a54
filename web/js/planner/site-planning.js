// Site-planning tab (planners): choose types, rule, objective, weighting,
// scenario and candidates (all villages or points clicked on the map), run the
// optimiser, show the chosen sites as numbered markers with the newly covered
// villages highlighted, and list previous runs (click to show again).
import { el } from '../core/escape.js';
import { biText, biHtml } from '../core/i18n.js';
import { createRun, loadRuns, loadRun } from './planner-api.js';
import { typePicker, radios, uniqueName } from './type-picker.js';
import { startPick, stopPick } from '../map/map-pick.js';
import { villageHighlight, zoomToVillage, UNCOVERED_STYLE, NEWLY_STYLE } from './coverage.js';
import { percent, integer } from '../core/text.js';
import { SCENARIOS, RULES } from './planner-text.js';

const STILL_STYLE = { ...UNCOVERED_STYLE, fill: false, dashArray: '5 4', weight: 1.8, opacity: 0.9 };
const OBJECTIVES = { MIN_SITES: '最少选址 Fewest sites', MAX_COVERAGE: '最佳 k 个 Best k sites' };

const siteIcon = (L, n, cls = '') => L.divIcon({ className: cls ? `${cls}-marker` : 'site-marker', html: `<span class="site-icon ${cls}">${Number(n) || ''}</span>`, iconSize: [24, 24], iconAnchor: [12, 12] });

export function createPlanning(section, ctx) {
  const { L, map } = ctx;
  const group = L.layerGroup();
  ctx.addOverlay(group, biHtml('选址方案', 'Site plan'), 5);

  if (!ctx.canEdit) {
    section.append(el('p', { class: 'panel-note' }, ctx.loggedIn
      ? '选址规划需要规划员或管理员角色 Site planning needs the PLANNER or ADMIN role.'
      : el('span', {}, '以规划员身份', el('a', { href: 'login.html' }, '登录 log in'), '后可运行选址规划 Log in as a planner to run site planning.')));
    return { show() {}, refresh() {} };
  }

  const title = el('input', { name: 'title', maxlength: '120', placeholder: '方案名称 Title', value: '' });
  const picker = typePicker(ctx.types, ['RURAL_COMMUNITY_SERVICE'], uniqueName('plan-type'));
  const urbanRural = el('select', { name: 'urbanRural' },
    el('option', { value: 'RURAL' }, '乡村（村）Rural villages'),
    el('option', { value: 'URBAN' }, '城镇（社区）Urban communities'),
    el('option', { value: '' }, '全部 All'));
  const rule = radios(uniqueName('plan-rule'), Object.entries(RULES), 'containment');
  const distance = el('input', { type: 'number', min: '1', max: '200000', step: '100', value: '2000', class: 'input-num', 'aria-label': '距离（米）Distance (m)' });
  const objective = radios(uniqueName('plan-obj'), Object.entries(OBJECTIVES), 'MIN_SITES');
  const targetPct = el('input', { type: 'number', min: '1', max: '100', step: '1', value: '90', class: 'input-num', 'aria-label': '目标覆盖率 Target share (%)' });
  const k = el('input', { type: 'number', min: '1', max: '500', step: '1', value: '5', class: 'input-num', 'aria-label': '选址数 k' });
  const weighting = radios(uniqueName('plan-w'), [['COUNT', '村数 Villages'], ['POPULATION', '人口 Population']], 'COUNT');
  const scenario = radios(uniqueName('plan-scn'), Object.entries(SCENARIOS), 'current');
  const candMode = radios(uniqueName('plan-cand'), [['villages', '全部村的人口点 Every village'], ['drawn', '地图点选 Points I click']], 'villages');
  const drawButton = el('button', { type: 'button', class: 'small-button', 'data-action': 'draw-candidates' }, biText('在地图上添加候选点 Add points on map'));
  const clearDrawn = el('button', { type: 'button', class: 'small-button' }, biText('清空 Clear'));
  const drawnInfo = el('span', { class: 'muted small' });
  const run = el('button', { type: 'submit', class: 'primary small', 'data-action': 'run-plan' }, biText('运行选址 Run'));
  const state = el('div', { class: 'panel-state', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'plan-result' });
  const runsBox = el('div', { class: 'runs' });
  const drawnRow = el('div', { class: 'form-row', hidden: true }, drawButton, clearDrawn, drawnInfo);
  const form = el('form', { class: 'panel-form', novalidate: true },
    el('label', { class: 'field-row' }, el('span', {}, '名称 Title'), title),
    picker.node,
    el('div', { class: 'form-row' }, el('label', {}, '需求单元 Demand ', urbanRural)),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '规则 Rule'), rule.node, el('label', {}, distance, ' 米 m')),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '目标 Objective'), objective.node),
    el('div', { class: 'form-row' },
      el('label', { class: 'obj-share' }, '覆盖率达到 reach ', targetPct, ' %'),
      el('label', { class: 'obj-k' }, 'k = ', k, ' 个 sites')),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '权重 Weighting'), weighting.node),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '情景 Scenario'), scenario.node),
    el('div', { class: 'form-row' }, el('span', { class: 'form-label' }, '候选 Candidates'), candMode.node),
    drawnRow,
    el('div', { class: 'form-row buttons' }, run));
  section.append(form, state, result, el('h3', {}, biText('历史方案 Previous runs')), runsBox);

  const drawnLayer = L.layerGroup().addTo(map);
  let drawn = [];

  const sync = () => {
    distance.disabled = rule.value() !== 'distance';
    const min = objective.value() === 'MIN_SITES';
    form.querySelector('.obj-share').hidden = !min;
    form.querySelector('.obj-k').hidden = min;
    drawnRow.hidden = candMode.value() !== 'drawn';
    if (candMode.value() !== 'drawn') stopPick();
    drawnInfo.textContent = `${drawn.length} 个候选点 candidate points`;
  };
  rule.onChange(sync); objective.onChange(sync); candMode.onChange(sync);
  sync();

  function renderDrawn() {
    drawnLayer.clearLayers();
    drawn.forEach((p, i) => {
      L.marker([p.lat, p.lon], { pane: 'sites', icon: siteIcon(L, i + 1, 'candidate'), title: p.name, keyboard: false })
        .on('click', () => { drawn.splice(i, 1); renderDrawn(); })
        .addTo(drawnLayer);
    });
    sync();
  }
  drawButton.addEventListener('click', () => startPick(map, {
    hint: '点击地图添加候选点，点已有点可删除 Click to add candidate points; click a point to remove it',
    onPick: (ll) => { drawn.push({ lon: +ll.lng.toFixed(6), lat: +ll.lat.toFixed(6), name: `候选 Candidate ${drawn.length + 1}` }); renderDrawn(); },
  }));
  clearDrawn.addEventListener('click', () => { drawn = []; renderDrawn(); });

  function request() {
    const min = objective.value() === 'MIN_SITES';
    const types = picker.value();
    return {
      title: title.value.trim() || `${types.map((c) => (ctx.typeByCode.get(c) || {}).nameZh || c).join('、')} ${new Date().toLocaleString('zh-CN', { hour12: false })}`,
      types,
      rule: rule.value(),
      distance: rule.value() === 'distance' ? Number(distance.value) : null,
      urbanRural: urbanRural.value || null,
      objective: objective.value(),
      targetShare: min ? Number(targetPct.value) / 100 : null,
      k: min ? null : Number(k.value),
      weighting: weighting.value(),
      scenario: scenario.value(),
      candidates: candMode.value() === 'drawn' ? drawn : null,
    };
  }

  async function submit() {
    const req = request();
    if (!req.types.length) { setState('error', '请至少选择一种设施类型 Choose at least one facility type'); return; }
    if (req.candidates && !req.candidates.length) { setState('error', '请先在地图上点选候选点 Click candidate points on the map first'); return; }
    stopPick();
    run.disabled = true;
    setState('loading', '正在求解… Solving…');
    try {
      const res = await createRun(req);
      setState('', '');
      showResult(res, req);
      loadRunList();
    } catch (err) {
      setState('error', `求解失败 Run refused (HTTP ${err.status || '—'}) ${err.title || ''}: ${err.detail || err.message}`);
    } finally { run.disabled = false; }
  }

  function setState(kind, text) {
    state.className = `panel-state ${kind}`;
    state.textContent = text;
  }

  function showResult(res, req) {
    group.clearLayers();
    const weighted = (req && req.weighting === 'POPULATION') || res.weighting === 'POPULATION';
    group.addLayer(villageHighlight(L, ctx, res.stillUncovered || [], STILL_STYLE));
    group.addLayer(villageHighlight(L, ctx, res.newlyCovered || [], NEWLY_STYLE));
    const chosen = res.chosen || [];
    const bounds = [];
    chosen.forEach((c, i) => {
      const m = L.marker([c.lat, c.lon], { pane: 'sites', icon: siteIcon(L, i + 1), title: c.name || '' });
      m.bindTooltip(el('span', {}, `${i + 1}. ${c.name || ''} · 覆盖 covers ${(c.covers || []).length}`), { direction: 'top', offset: [0, -10] });
      m.on('click', () => c.unitCode && zoomToVillage(ctx, c.unitCode));
      group.addLayer(m);
      bounds.push([c.lat, c.lon]);
    });
    if (!map.hasLayer(group)) group.addTo(map);
    if (bounds.length) map.flyToBounds(L.latLngBounds(bounds).pad(0.15), { maxZoom: 12, duration: 0.6 });

    const yes = (v) => (v ? '✓ 是 yes' : '✗ 否 no');
    const rows = [
      ['覆盖 Share', el('span', {}, el('strong', { class: 'big' }, percent(res.shareBefore)), ' → ', el('strong', { class: 'big ok' }, percent(res.shareAfter)),
        weighted ? el('span', { class: 'muted' }, ' (按人口 population-weighted)') : null)],
      ['覆盖村 Covered', `${integer.format(res.coveredBefore)} → ${integer.format(res.coveredAfter)} / ${integer.format(res.demandUnits)}`],
      ['新选址 New sites', String(chosen.length)],
      ['候选 Candidates', integer.format(res.candidates)],
      ['可达 Reachable', res.targetShare !== null && res.targetShare !== undefined
        ? el('span', { class: res.targetReachable ? 'valid' : 'invalid' }, `${yes(res.targetReachable)} · 最高可达 best reachable ${percent(res.bestReachableShare)}`)
        : `最高可达 best reachable ${percent(res.bestReachableShare)}`],
      ['最优 Optimal', el('span', { class: res.optimal ? 'valid' : '' }, yes(res.optimal))],
      ['界 Bound / 差距 gap', `${res.bound ?? '—'} / ${res.gap ?? '—'}`],
      ['方法 Method', el('span', { class: 'small' }, res.method || '—')],
      ['用时 Time', `${integer.format(res.elapsedMillis ?? 0)} ms`],
    ];
    const list = el('ol', { class: 'site-list' }, chosen.map((c, i) => {
      const b = el('button', { type: 'button', class: 'link-button' }, c.name || `${c.lon.toFixed(4)}, ${c.lat.toFixed(4)}`);
      b.addEventListener('click', () => map.flyTo([c.lat, c.lon], Math.max(map.getZoom(), 12.5), { duration: 0.6 }));
      return el('li', {}, el('span', { class: 'site-icon inline' }, String(i + 1)), ' ', b,
        el('span', { class: 'muted' }, ` 覆盖 covers ${(c.covers || []).length}${c.unitCode ? ` · ${ctx.nameOf(c.unitCode) || c.unitCode}` : ''}`));
    }));
    result.replaceChildren(
      el('h3', {}, `方案 Run #${res.id ?? '—'}${res.title ? ` · ${res.title}` : ''}`),
      el('table', { class: 'kv' }, el('tbody', {}, rows.map(([kk, v]) => el('tr', {}, el('th', {}, kk), el('td', {}, v))))),
      el('p', { class: 'small' },
        el('span', { class: 'legend-chip newly' }, `新覆盖 newly covered ${(res.newlyCovered || []).length}`), ' ',
        el('span', { class: 'legend-chip still' }, `仍未覆盖（虚线）still uncovered (dashed) ${(res.stillUncovered || []).length}`)),
      chosen.length ? list : el('p', { class: 'muted' }, '无需新增选址或候选点无法改善覆盖 No new site needed, or no candidate improves coverage.'),
      el('button', { type: 'button', class: 'small-button', 'data-action': 'clear-plan' }, biText('清除地图 Clear map')));
    result.querySelector('[data-action="clear-plan"]').addEventListener('click', () => { group.clearLayers(); result.replaceChildren(); });
  }

  async function loadRunList() {
    runsBox.replaceChildren(el('p', { class: 'panel-state loading' }, '正在加载… Loading…'));
    try {
      const runs = await loadRuns();
      if (!runs.length) { runsBox.replaceChildren(el('p', { class: 'muted' }, '暂无 None yet')); return; }
      runsBox.replaceChildren(el('table', { class: 'data-table runs-table' },
        el('thead', {}, el('tr', {}, ['#', '名称 Title', '目标 Obj.', '选址 Sites', '覆盖 Share', '用户 By'].map((h) => el('th', {}, h)))),
        el('tbody', {}, runs.map((r) => {
          const tr = el('tr', { class: 'clickable', tabindex: '0', title: r.createdAt || '' },
            el('td', {}, String(r.id)),
            el('td', {}, r.title || '—', el('span', { class: 'muted small' }, ` ${(r.types || []).join(', ')}`)),
            el('td', {}, r.objective === 'MIN_SITES' ? '最少 min' : '最佳k best k'),
            el('td', { class: 'num' }, String(r.sites ?? '—')),
            el('td', { class: 'num nowrap' }, `${percent(r.shareBefore)} → ${percent(r.shareAfter)}${r.optimal ? ' ✓' : ''}`),
            el('td', {}, r.createdBy || ''));
          const open = async () => {
            setState('loading', `正在加载方案 #${r.id}… Loading run…`);
            try {
              const full = await loadRun(r.id);
              setState('', '');
              showResult({ ...full.result, id: full.id }, full.request);
            } catch (err) { setState('error', `加载失败 Failed: ${err.detail || err.message}`); }
          };
          tr.addEventListener('click', open);
          tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
          return tr;
        }))));
    } catch (err) {
      runsBox.replaceChildren(el('p', { class: 'panel-state error' }, `加载失败 Failed to load: ${err.detail || err.message}`));
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  let listed = false;
  return {
    show() { if (!listed) { listed = true; loadRunList(); } },
    refresh() {},
  };
}
