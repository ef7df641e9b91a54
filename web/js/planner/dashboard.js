// Dashboard tab: plan targets (table, coloured by progress), the county's
// urban / rural community-facility coverage against 100 % / 90 %, and a
// trend chart of the selected target.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { loadTargets, loadCoverage } from './planner-api.js';
import { loadEcharts } from '../core/echarts.js';
import { percent, integer } from '../core/text.js';

const num1 = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const fmt = (v, unit) => (v === null || v === undefined ? '—' : unit === '%' ? `${num1.format(v)} %` : num1.format(v));
const today = () => new Date().toISOString().slice(0, 10);

/** Progress class: met, close (≥ 80 % of the way), behind. */
function progressClass(t) {
  if (t.met) return 'met';
  if (t.target && t.current !== null && t.current / t.target >= 0.8) return 'close';
  return 'behind';
}

const COMMUNITY = [
  { id: 'T1', zh: '城市社区', en: 'Urban communities', type: 'URBAN_COMMUNITY_SERVICE', urbanRural: 'urban', target: 1.0, unitWord: '社区 communities' },
  { id: 'T2', zh: '农村（村）', en: 'Rural villages', type: 'RURAL_COMMUNITY_SERVICE', urbanRural: 'rural', target: 0.9, unitWord: '村 villages' },
];

export function createDashboard(section, ctx) {
  const asOf = el('input', { type: 'date', class: 'input-date', 'aria-label': '截至日期 As of' });
  const reload = el('button', { type: 'button', class: 'small-button' }, biText('刷新 Refresh'));
  const state = el('div', { class: 'panel-state', role: 'status', 'aria-live': 'polite' });
  const cards = el('div', { class: 'cov-cards' });
  const table = el('div', { class: 'targets-wrap' });
  const chartTitle = el('h4', { class: 'chart-title' });
  const chartBox = el('div', { class: 'chart', id: 'trend-chart' });
  section.append(
    el('div', { class: 'panel-toolbar' },
      el('label', {}, '截至 As of ', asOf), reload,
      el('span', { class: 'muted small' }, '空 = 今天 empty = today')),
    state,
    el('h3', {}, biText('社区综合服务设施覆盖 Community-facility coverage')),
    cards,
    chartTitle, chartBox,
    el('h3', {}, biText('规划目标 Plan targets')),
    table,
    el('p', { class: 'muted small' }, '人口与乡镇/村边界为合成数据 Populations and township/village boundaries are synthetic.'));

  let targets = [];
  let selected = 'T2';
  let chart = null;
  let loaded = false;
  let seq = 0;

  async function refresh() {
    const my = ++seq;
    state.className = 'panel-state loading';
    state.textContent = '正在加载… Loading…';
    const when = asOf.value || null;
    try {
      const covCalls = COMMUNITY.flatMap((c) => ['current', 'planned'].map((scenario) => loadCoverage({
        types: c.type, rule: 'containment', level: 'village', urbanRural: c.urbanRural, scenario, asOf: when,
      })));
      const [t, ...cov] = await Promise.all([loadTargets(when), ...covCalls]);
      if (my !== seq) return;
      targets = t;
      renderCards(cov);
      renderTable();
      state.className = 'panel-state';
      state.textContent = `截至 As of ${cov[0].asOf || when || today()}`;
      loaded = true;
      await renderChart();
    } catch (err) {
      if (my !== seq) return;
      state.className = 'panel-state error';
      state.textContent = `加载失败 Failed to load: ${err.title || ''} ${err.detail || err.message}`;
    }
  }

  function renderCards(cov) {
    cards.replaceChildren(...COMMUNITY.map((c, i) => {
      const cur = cov[i * 2], plan = cov[i * 2 + 1];
      const met = cur.share >= c.target - 1e-9;
      const bar = el('div', { class: 'bar', title: `目标 Target ${percent(c.target)}` },
        el('span', { class: 'bar-planned', style: `width:${Math.min(100, plan.share * 100)}%` }),
        el('span', { class: `bar-current ${met ? 'met' : 'behind'}`, style: `width:${Math.min(100, cur.share * 100)}%` }),
        el('span', { class: 'bar-target', style: `left:${c.target * 100}%` }));
      return el('div', { class: `cov-card ${met ? 'met' : 'behind'}`, 'data-target': c.id },
        el('div', { class: 'cov-card-head' }, el('strong', {}, `${c.id} ${c.zh} ${c.en}`),
          el('span', { class: `met-mark ${met ? 'met' : 'behind'}` }, met ? '✓ 达标 met' : '✗ 未达标 not met')),
        el('div', { class: 'cov-figure' },
          el('span', { class: 'big', 'data-field': 'share' }, percent(cur.share)),
          el('span', {}, ` ${integer.format(cur.covered)} / ${integer.format(cur.total)} ${c.unitWord}`),
          el('span', { class: 'muted' }, ` · 目标 target ${percent(c.target)}`)),
        bar,
        el('div', { class: 'small' }, '含规划 With planned: ',
          el('strong', { 'data-field': 'planned' }, percent(plan.share)),
          ` (${integer.format(plan.covered)} / ${integer.format(plan.total)})`,
          el('span', { class: 'muted' }, ` · 人口覆盖 population ${percent(cur.populationShare)}`)));
    }));
  }

  function renderTable() {
    const head = el('tr', {}, [['编号', 'ID'], ['指标 / 期限', 'Target / deadline'], ['现状', 'Current'], ['目标', 'Goal'], ['差距', 'Gap'], ['达标', 'Met'], ['含规划', 'With planned']]
      .map(([zh, en]) => el('th', { scope: 'col' }, zh, el('span', { class: 'en' }, en))));
    const rows = targets.map((t) => {
      const cls = progressClass(t);
      const plannedMet = t.withPlanned !== null && t.target !== null && t.withPlanned >= t.target - 1e-9;
      const tr = el('tr', { class: `target-row ${cls} ${t.id === selected ? 'selected' : ''}`, 'data-id': t.id, tabindex: '0', title: t.source || '' },
        el('td', {}, el('code', {}, t.id)),
        el('td', { class: 'target-title' }, t.titleZh || t.title, el('span', { class: 'en' }, t.titleEn || ''),
          t.deadline ? el('span', { class: 'deadline' }, `期限 Deadline ${t.deadline}`) : null),
        el('td', { class: 'num current' }, fmt(t.current, t.unit)),
        el('td', { class: 'num' }, fmt(t.target, t.unit)),
        el('td', { class: 'num' }, t.gap ? fmt(t.gap, t.unit) : '—'),
        el('td', { class: `met-cell ${t.met ? 'met' : 'behind'}`, 'aria-label': t.met ? '达标 met' : '未达标 not met' }, t.met ? '✓' : '✗'),
        el('td', { class: `num planned ${plannedMet && !t.met ? 'planned-met' : ''}`, title: plannedMet ? '含规划可达标 met with planned facilities' : '' }, fmt(t.withPlanned, t.unit), plannedMet ? ' ✓' : ''));
      const pick = () => { selected = t.id; renderTable(); renderChart(); };
      tr.addEventListener('click', pick);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(); });
      return tr;
    });
    table.replaceChildren(el('table', { class: 'targets' }, el('thead', {}, head), el('tbody', {}, rows)),
      el('p', { class: 'muted small' }, '点击一行查看趋势 Click a row for its trend. ',
        el('span', { class: 'legend-chip met' }, '达标 met'), ' ',
        el('span', { class: 'legend-chip close' }, '接近 ≥ 80 %'), ' ',
        el('span', { class: 'legend-chip behind' }, '落后 behind')));
  }

  async function renderChart() {
    const t = targets.find((x) => x.id === selected) || targets[0];
    if (!t) return;
    chartTitle.textContent = `趋势 Trend · ${t.id} ${t.titleZh || t.title}`;
    let echarts;
    try { echarts = await loadEcharts(); } catch (err) {
      chartBox.replaceChildren(el('p', { class: 'panel-state error' }, err.message));
      return;
    }
    if (section.hidden) return; // drawn when shown (ECharts needs a visible box)
    if (!chart) chart = echarts.init(chartBox, null, { renderer: 'svg' });
    const trend = t.trend || [];
    const pctUnit = t.unit === '%';
    const round = (v) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 16, top: 34, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : fmt(v, t.unit)) },
      legend: { top: 0, textStyle: { fontSize: 11 }, data: ['现状 Current', '含规划 With planned', '目标 Target'] },
      xAxis: { type: 'category', data: trend.map((p) => p.asOf), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', min: 0, max: pctUnit ? 100 : (v) => Math.max(v.max, t.target || 0) + 1,
        axisLabel: { fontSize: 10, formatter: pctUnit ? '{value} %' : '{value}' } },
      series: [
        { name: '现状 Current', type: 'line', data: trend.map((p) => round(p.value)), symbolSize: 6,
          itemStyle: { color: '#1f4e79' }, lineStyle: { width: 2.5 } },
        { name: '含规划 With planned', type: 'line', data: trend.map((p) => round(p.withPlanned)), symbolSize: 9,
          symbol: 'diamond', connectNulls: true, itemStyle: { color: '#e65100' }, lineStyle: { type: 'dashed' } },
        { name: '目标 Target', type: 'line', data: trend.map(() => t.target), symbol: 'none',
          lineStyle: { color: '#c62828', type: 'dashed', width: 1.5 }, itemStyle: { color: '#c62828' } },
      ],
    }, true);
    chart.resize();
  }

  asOf.addEventListener('change', refresh);
  reload.addEventListener('click', refresh);
  window.addEventListener('resize', () => chart && chart.resize());

  return {
    show() { if (!loaded) refresh(); else renderChart(); },
    refresh() { if (loaded) return refresh(); return null; },
  };
}
