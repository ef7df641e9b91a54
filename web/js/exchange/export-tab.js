// The export tab (everyone): collection, format, CRS and an optional unit → a download link.
import { el } from '../core/escape.js';
import { field, input, select, val } from '../core/forms.js';
import { EXPORT_COLLECTIONS, EXPORT_FORMATS, EXPORT_CRS } from './exchange-text.js';
import { exportUrl } from './exchange-api.js';

export function createExportTab(section, ctx) {
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
