// The planner side panel: opened from the header, one tab per concern.
// Tabs are registered by their modules: { id, label, init(section) -> { show() } }.
import { el } from './escape.js';

export function createPanel({ container, toggle, onResize, onOpen }) {
  const tabs = [];
  const tabBar = el('div', { class: 'panel-tabs', role: 'tablist' });
  const body = el('div', { class: 'panel-body' });
  const close = el('button', { type: 'button', class: 'panel-close', title: '关闭 Close', 'aria-label': '关闭 Close' }, '×');
  container.append(
    el('div', { class: 'panel-head' }, el('h2', {}, '规划 Planning'), close),
    tabBar, body);
  let current = null;

  function setOpen(open) {
    container.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.classList.toggle('active', open);
    onResize();
    if (open && onOpen) onOpen();
    if (open && !current && tabs.length) select(tabs[0].id);
    else if (open && current) current.api.show();
  }

  function select(id) {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) return;
    if (container.hidden) {
      container.hidden = false; toggle.classList.add('active'); toggle.setAttribute('aria-expanded', 'true');
      onResize(); if (onOpen) onOpen();
    }
    for (const t of tabs) {
      const on = t === tab;
      t.button.classList.toggle('active', on);
      t.button.setAttribute('aria-selected', String(on));
      t.section.hidden = !on;
    }
    current = tab;
    tab.api.show();
  }

  toggle.addEventListener('click', () => setOpen(container.hidden));
  close.addEventListener('click', () => setOpen(false));

  return {
    add(id, label, init) {
      const button = el('button', { type: 'button', role: 'tab', class: 'panel-tab', 'data-tab': id }, label);
      const section = el('section', { class: 'panel-section', role: 'tabpanel', 'data-tab': id, hidden: true });
      tabBar.append(button);
      body.append(section);
      const tab = { id, button, section, api: init(section) };
      button.addEventListener('click', () => select(id));
      tabs.push(tab);
      return tab.api;
    },
    select,
    open: () => setOpen(true),
    isOpen: (id) => !container.hidden && current && current.id === id,
  };
}
