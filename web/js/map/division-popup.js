// Popup content for a division feature, built as DOM (all data inserted as text).
import { el } from '../core/escape.js';
import { URBAN_RURAL } from './division-text.js';
import { SYNTHETIC } from '../core/text.js';

const number = new Intl.NumberFormat('zh-CN');
const syntheticTag = () => el('span', { class: 'tag tag-synthetic', title: '程序生成的数据 Generated data' }, SYNTHETIC);

/** nameOf(code) returns the name of another loaded division (for the parent). */
export function popupContent(feature, nameOf) {
  const p = feature.properties || {};
  const rows = [];
  const row = (label, ...value) => rows.push(el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, ...value)));

  row('代码 Code', el('code', {}, p.code ?? feature.id ?? '—'));
  if (p.gbCode) row('国标码 GB/T 2260', el('code', {}, p.gbCode));
  row('类型 Kind', p.kindLabel || '—', p.kind ? el('span', { class: 'muted' }, ` ${p.kind}`) : null);
  row('城乡 Urban/rural', URBAN_RURAL[p.urbanRural] || p.urbanRural || '—');
  if (p.parentCode) {
    const parentName = nameOf(p.parentCode);
    row('上级 Parent', el('code', {}, p.parentCode), parentName ? ` ${parentName}` : null);
  } else {
    row('上级 Parent', '—');
  }
  if (p.population === null || p.population === undefined) {
    row('人口 Population', el('span', { class: 'muted' }, '无数据 no data'));
  } else {
    row('人口 Population', number.format(p.population), p.populationSynthetic ? syntheticTag() : null);
  }
  row('几何来源 Geometry source', p.geometrySource || '—', p.geometrySynthetic ? syntheticTag() : null);
  if (p.crsConversion) row('坐标转换 CRS conversion', p.crsConversion);
  row('几何 Geometry', p.geometryValid === false
    ? el('span', { class: 'invalid' }, `几何无效 invalid geometry: ${p.geometryInvalidReason || '?'}`)
    : el('span', { class: 'valid' }, '有效 valid'));

  return el('div', { class: 'popup' },
    el('h3', {}, p.name || p.code || '—', p.kindLabel ? el('span', { class: 'badge' }, p.kindLabel) : null),
    el('table', {}, el('tbody', {}, rows)),
    p.synthetic ? el('p', { class: 'popup-note' }, '标“合成”的数值为程序生成，非真实统计。 Values marked synthetic are generated, not real statistics.') : null);
}
