// A compact checkbox list of facility types, grouped, for the coverage and
// planning forms. Returns { node, value(), set(codes) }.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { groupOf } from '../facilities/facility-text.js';

export function typePicker(types, selected, name) {
  const boxes = [];
  const groups = new Map();
  for (const t of types) {
    if (!groups.has(t.group)) groups.set(t.group, []);
    groups.get(t.group).push(t);
  }
  const node = el('fieldset', { class: 'type-picker' },
    el('legend', {}, biText('设施类型 Facility types')),
    [...groups].map(([g, list]) => el('div', { class: 'type-group' },
      el('span', { class: 'type-group-name', style: `color:${groupOf(g).color}` }, `${groupOf(g).zh} ${groupOf(g).en}`),
      list.map((t) => {
        const box = el('input', { type: 'checkbox', name, value: t.code, checked: selected.includes(t.code) });
        boxes.push(box);
        return el('label', { class: 'type-option', title: t.code }, box, ` ${t.nameZh} `, el('span', { class: 'en' }, t.nameEn));
      }))));
  return {
    node,
    value: () => boxes.filter((b) => b.checked).map((b) => b.value),
    set: (codes) => { for (const b of boxes) b.checked = codes.includes(b.value); },
  };
}

/** A small radio group: options = [[value, label]]. Returns { node, value(), set(v), onChange(fn) }. */
export function radios(name, options, initial) {
  const inputs = [];
  const node = el('span', { class: 'radios', role: 'radiogroup' }, options.map(([v, label]) => {
    const input = el('input', { type: 'radio', name, value: v, checked: v === initial });
    inputs.push(input);
    return el('label', { class: 'radio' }, input, ` ${label}`);
  }));
  return {
    node,
    value: () => (inputs.find((i) => i.checked) || {}).value,
    set: (v) => { for (const i of inputs) i.checked = i.value === v; },
    onChange: (fn) => inputs.forEach((i) => i.addEventListener('change', fn)),
  };
}

let uid = 0;
export const uniqueName = (prefix) => `${prefix}-${++uid}`;
