// The topology check tab: gaps, overlaps, invalid geometries and units outside their parent, listed and drawn.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { select, dash, dataTable, setChildren } from '../core/forms.js';
import { parseWkt } from '../map/wkt.js';
import { checkTopology } from './boundaries-api.js';

const PROBLEM_STYLES = {
  gap: { color: '#ef6c00', label: '缝隙 Gap' },
  overlap: { color: '#c62828', label: '重叠 Overlap' },
  invalid: { color: '#6a1b9a', label: '几何无效 Invalid' },
  'outside-parent': { color: '#ad1457', label: '超出上级 Outside parent' },
};

export function createTopologyTab(section, ctx) {
  const { L, map } = ctx;
  const county = ctx.countyCode || '653122000000';
  const parent = select('parent', [[county, `本县各乡镇 Townships of the county (${county})`], [county.slice(0, 4), `地区各县 Counties of the prefecture (${county.slice(0, 4)})`]]);
  const run = el('button', { type: 'button', class: 'primary small', 'data-action': 'topology' }, biText('检查 Check'));
  const clear = el('button', { type: 'button', class: 'small-button' }, biText('清除 Clear'));
  const state = el('p', { class: 'panel-state' });
  const out = el('div', {});
  section.append(el('h3', {}, biText('拓扑检查 Topology check')),
    el('p', { class: 'muted small' }, '检查下级区划之间的缝隙、重叠、无效几何和超出上级范围。Checks the units below a parent for gaps, overlaps, invalid geometry and parts outside the parent.'),
    el('div', { class: 'panel-toolbar' }, parent, run, clear), state, out);
  const group = L.layerGroup().addTo(map);
  clear.addEventListener('click', () => { group.clearLayers(); setChildren(out); state.textContent = ''; });

  run.addEventListener('click', async () => {
    group.clearLayers();
    setChildren(out);
    state.className = 'panel-state loading';
    state.textContent = '正在检查… Checking…';
    run.disabled = true;
    try {
      const r = await checkTopology(parent.value);
      run.disabled = false;
      const problems = r.problems || [];
      state.className = 'panel-state';
      state.textContent = problems.length ? `${problems.length} 个问题 problems` : '';
      const layers = problems.map((p) => {
        let g = null;
        try { g = parseWkt(p.wkt); } catch { g = null; }
        const s = PROBLEM_STYLES[p.kind] || { color: '#37474f', label: p.kind };
        if (!g) return null;
        const layer = L.geoJSON(g, {
          pane: 'topology',
          style: { color: s.color, weight: 3, fillColor: s.color, fillOpacity: 0.45 },
          pointToLayer: (_f, ll) => L.circleMarker(ll, { pane: 'topology', radius: 8, color: s.color, weight: 3, fillOpacity: 0.4 }),
        });
        layer.bindTooltip(() => el('span', {}, `${s.label}: ${(p.units || []).map((u) => ctx.nameOf(u) || u).join(' / ')}`), { sticky: true });
        layer.addTo(group);
        return layer;
      });
      if (!problems.length) {
        setChildren(out, el('div', { class: 'notice ok' }, '✓ 未发现拓扑问题 No topology problems found.'));
      } else {
        setChildren(out, dataTable([['类型 Kind'], ['涉及单位 Units'], ['说明 Detail']], problems.map((p) => {
          const s = PROBLEM_STYLES[p.kind] || { color: '#37474f', label: p.kind };
          return [el('span', {}, el('span', { class: 'dot', style: `background:${s.color}` }), s.label),
            (p.units || []).map((u) => ctx.nameOf(u) || u).join('、'), dash(p.detail)];
        }), (i) => ({ class: 'clickable', 'data-problem': String(i) })));
        out.querySelectorAll('tr[data-problem]').forEach((tr) => tr.addEventListener('click', () => {
          const l = layers[Number(tr.dataset.problem)];
          if (l) { const b = l.getBounds(); if (b.isValid()) map.fitBounds(b, { padding: [60, 60], maxZoom: 16 }); }
        }));
        const all = L.featureGroup(layers.filter(Boolean));
        if (all.getLayers().length && all.getBounds().isValid()) map.fitBounds(all.getBounds(), { padding: [40, 40] });
      }
    } catch (err) {
      run.disabled = false;
      state.className = 'panel-state error';
      state.textContent = `检查失败 Check failed: ${err.detail || err.message}`;
    }
  });
  return { show() {} };
}
