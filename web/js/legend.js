// Legend control: colour key, label zoom hint and the synthetic-data note.
import { el } from './escape.js';
import { COLORS, TOWNSHIP_PALETTE } from './layers.js';
import { SYNTHETIC_SHORT } from './text.js';

const line = (color, weight, dash) =>
  el('span', { class: 'swatch swatch-line', style: `border-top:${weight}px ${dash ? 'dashed' : 'solid'} ${color}` });
const fill = (color) => el('span', { class: 'swatch swatch-fill', style: `background:${color}` });
const item = (swatch, text) => el('li', {}, swatch, el('span', {}, text));

export function legendControl(L, villageLabelZoom) {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const strip = el('span', { class: 'swatch swatch-strip' },
      TOWNSHIP_PALETTE.slice(0, 8).map((c) => el('span', { style: `background:${c}` })));
    const node = el('details', { class: 'legend', open: true },
      el('summary', {}, '图例 Legend'),
      el('ul', {},
        item(line(COLORS.focus, 3), '本县 County of interest'),
        item(line(COLORS.neighbour, 1.5), '邻县 Neighbouring counties'),
        item(line('#333', 1.5, true), '虚线：几何无效 Dashed: invalid geometry'),
        item(strip, '乡镇（各不同色）Townships, one colour each'),
        item(fill(COLORS.urban), '社区（居委会）Urban community'),
        item(fill(COLORS.rural), '村（村委会）Village'),
      ),
      el('p', { class: 'legend-hint' }, `村名在缩放级别 ≥ ${villageLabelZoom} 时显示 Village names at zoom ≥ ${villageLabelZoom}`),
      el('p', { class: 'legend-synthetic' }, el('strong', {}, '合成 Synthetic: '), SYNTHETIC_SHORT));
    L.DomEvent.disableClickPropagation(node);
    L.DomEvent.disableScrollPropagation(node);
    return node;
  };
  return control;
}
