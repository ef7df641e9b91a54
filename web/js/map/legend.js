// Legend control: colour key, label zoom hint and the synthetic-data note.
import { el } from '../core/escape.js';
import { bi, biText } from '../core/i18n.js';
import { COLORS, TOWNSHIP_PALETTE } from './division-layers.js';
import { SYNTHETIC_SHORT } from '../core/text.js';

const line = (color, weight, dash) =>
  el('span', { class: 'swatch swatch-line', style: `border-top:${weight}px ${dash ? 'dashed' : 'solid'} ${color}` });
const fill = (color) => el('span', { class: 'swatch swatch-fill', style: `background:${color}` });
const item = (swatch, text) => el('li', {}, swatch, el('span', {}, typeof text === 'string' ? biText(text) : text));
const dot = (style) => el('span', { class: 'swatch swatch-dot' }, el('span', { style }));

/** facilityGroups: the facility type groups' colours and names (facilities/facility-text.js), given by the page. */
export function legendControl(L, villageLabelZoom, facilityGroups) {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const strip = el('span', { class: 'swatch swatch-strip' },
      TOWNSHIP_PALETTE.slice(0, 8).map((c) => el('span', { style: `background:${c}` })));
    const node = el('details', { class: 'legend', open: true },
      el('summary', {}, biText('图例 Legend')),
      el('ul', {},
        item(line(COLORS.focus, 3), '本县 County of interest'),
        item(line(COLORS.neighbour, 1.5), '邻县 Neighbouring counties'),
        item(line('#333', 1.5, true), '虚线：几何无效 Dashed: invalid geometry'),
        item(strip, '乡镇（各不同色）Townships, one colour each'),
        item(fill(COLORS.urban), '社区（居委会）Urban community'),
        item(fill(COLORS.rural), '村（村委会）Village'),
      ),
      el('p', { class: 'legend-sub' }, biText('民政设施 Facilities')),
      el('ul', { class: 'legend-grid' },
        Object.values(facilityGroups).map((g) => item(dot(`background:${g.color}`), bi(g.zh, g.en)))),
      el('ul', { class: 'legend-grid' },
        item(dot('background:#607d8b;border:1.5px solid #fff'), '运营 Operating'),
        item(dot('background:#fff;border:2px dashed #607d8b'), '规划 Planned'),
        item(dot('background:rgba(96,125,139,.4);border:2px dashed #607d8b'), '在建 Under construction'),
        item(dot('background:#bdbdbd;border:1px solid #616161'), '关闭 Closed'),
        item(el('span', { class: 'swatch swatch-fill hatch-uncovered' }), '未覆盖村 Uncovered village'),
        item(el('span', { class: 'swatch swatch-fill hatch-newly' }), '新覆盖村 Newly covered'),
        item(el('span', { class: 'swatch' }, el('span', { class: 'site-icon legend-site' }, '1')), '选址 Proposed site'),
      ),
      el('p', { class: 'legend-hint' }, bi(`村名在缩放级别 ≥ ${villageLabelZoom} 时显示`, `Village names at zoom ≥ ${villageLabelZoom}`)),
      el('p', { class: 'legend-synthetic' }, el('strong', {}, bi('合成', 'Synthetic'), ': '), biText(SYNTHETIC_SHORT)));
    L.DomEvent.disableClickPropagation(node);
    L.DomEvent.disableScrollPropagation(node);
    return node;
  };
  return control;
}
