// Small form helpers shared by the gazetteer and boundary panels: labelled
// fields, problem display (RFC 9457 detail next to the form, the field named
// by `parameter` outlined, what the user typed kept), debounce, formatting.
import { el } from './escape.js';
import { biText } from './i18n.js';

export const field = (label, input, cls = '') => el('label', { class: `field-row ${cls}` }, el('span', {}, typeof label === 'string' ? biText(label) : label), input);

export const input = (name, attrs = {}) => el('input', { name, autocomplete: 'off', ...attrs });
export const textarea = (name, attrs = {}) => el('textarea', { name, rows: '2', ...attrs });
export const select = (name, options, attrs = {}) => el('select', { name, ...attrs },
  options.map(([value, label]) => el('option', { value }, label)));

export const problemBox = () => el('div', { class: 'problem', role: 'alert', hidden: true });

/**
 * Show err (an ApiError) in box; outline fields[err.parameter] when present.
 * fields: { name: inputElement }. err null clears. extra: nodes appended (e.g. a reload button).
 */
export function showProblem(box, err, fields = {}, ...extra) {
  for (const f of Object.values(fields)) if (f && f.classList) f.classList.remove('invalid-field');
  if (!err) { box.hidden = true; box.replaceChildren(); return; }
  const head = err.status === 409 ? '冲突 Conflict' : (err.title || '错误 Error');
  box.replaceChildren(
    el('strong', {}, err.status ? `HTTP ${err.status} · ${head}` : head),
    el('p', {}, err.detail || err.message || String(err)),
    ...extra);
  box.hidden = false;
  const target = err.parameter && fields[err.parameter];
  if (target && target.classList) {
    target.classList.add('invalid-field');
    try { target.focus({ preventScroll: false }); } catch { /* ignore */ }
  }
}

export function debounce(fn, ms) {
  let t = null;
  const d = (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
  d.cancel = () => clearTimeout(t);
  return d;
}

/** Empty strings to null so optional fields are left out. */
export const val = (node) => {
  if (!node) return null;
  if (node.type === 'checkbox') return node.checked;
  const v = node.value.trim();
  return v === '' ? null : v;
};

export const dash = (v) => (v === null || v === undefined || v === '' || v === 'null' ? '—' : v);

const dt = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short' });
export const fmtInstant = (s) => { if (!s) return '—'; const d = new Date(s); return Number.isNaN(d.getTime()) ? String(s) : dt.format(d); };

const km = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
export const fmtKm = (m) => (typeof m === 'number' ? `${km.format(m / 1000)} km` : '—');

/** A key/value table; rows: [label, ...values] (values as nodes or text); null rows skipped. */
export function kvTable(rows) {
  const empty = (x) => x === null || x === undefined || x === '';
  return el('table', { class: 'kv' }, el('tbody', {}, rows.filter(Boolean).map(([label, ...v]) =>
    el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, ...(v.every(empty) ? ['—'] : v.filter((x) => !empty(x))))))));
}

/** A data table: columns [[label, cls]], rows: arrays of cell contents; rowAttrs(i) optional. */
export function dataTable(columns, rows, rowAttrs) {
  return el('table', { class: 'data-table' },
    el('thead', {}, el('tr', {}, columns.map(([label, cls]) => el('th', { class: cls || null }, label)))),
    el('tbody', {}, rows.map((cells, i) => el('tr', rowAttrs ? rowAttrs(i) : {},
      cells.map((c, j) => el('td', { class: (columns[j] && columns[j][1]) || null }, c === null || c === undefined || c === '' ? '—' : c))))));
}

/** Uyghur text: right-to-left, isolated from the surrounding text. */
export const uyghur = (text) => (text ? el('bdi', { dir: 'rtl', lang: 'ug', class: 'ug' }, text) : null);

export const today = () => new Date().toISOString().slice(0, 10);

/** replaceChildren that skips null / undefined / false (DOM would insert them as the text "null"). */
export const setChildren = (node, ...kids) => node.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
