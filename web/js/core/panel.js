// The side panel: opened from header buttons, one tab per concern. Tabs are
// grouped (planning, place names, boundaries); each group has its own header
// button and only its tabs are shown. Tabs are registered by their modules:
// { id, label, init(section) -> { show() } }. Labels and titles given as
// "中文 English" strings are rendered bilingually (i18n.js).
import { el } from './escape.js';
import { biText, biAttr } from './i18n.js';

export function createPanel({ container, toggle, onResize, onOpen, title = '规划 Planning' }) {
  const tabs = [];
  const groups = new Map();
  const tabBar = el('div', { class: 'panel-tabs', role: 'tablist' });
  const body = el('div', { class: 'panel-body' });
  const heading = el('h2', {}, biText(title));
  const close = el('button', { type: 'button', class: 'panel-close' }, '×');
  biAttr(close, 'title', '关闭', 'Close');
  biAttr(close, 'aria-label', '关闭', 'Close');
  container.append(el('div', { class: 'panel-head' }, heading, close), tabBar, body);
  let current = null;
  const listeners = [];
  const changed = () => { for (const fn of listeners) { try { fn(); } catch (err) { console.error(err); } } };

  function markToggles() {
    for (const [name, g] of groups) {
      const on = !container.hidden && !!current && current.group === name;
      g.toggle.classList.toggle('active', on);
      g.toggle.setAttribute('aria-expanded', String(on));
    }
  }

  function hide() {
    container.hidden = true;
    markToggles();
    onResize();
    changed();
  }

  function select(id) {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) return null;
    const wasHidden = container.hidden;
    container.hidden = false;
    if (wasHidden) { onResize(); if (onOpen) onOpen(); }
    const g = groups.get(tab.group);
    heading.replaceChildren(biText(g ? g.title : title));
    if (g) g.last = tab.id;
    const visible = tabs.filter((t) => t.group === tab.group);
    for (const t of tabs) {
      const on = t === tab;
      t.button.hidden = t.group !== tab.group || visible.length < 2;
      t.button.classList.toggle('active', on);
      t.button.setAttribute('aria-selected', String(on));
      t.section.hidden = !on;
    }
    current = tab;
    markToggles();
    tab.api.show();
    changed();
    return tab.api;
  }

  function openGroup(name) {
    const g = groups.get(name);
    const first = tabs.find((t) => t.group === name);
    const id = (g && g.last) || (first && first.id);
    if (id) select(id);
  }

  /** Register a group of tabs opened (and closed) by its header button. */
  function group(name, button, groupTitle) {
    groups.set(name, { toggle: button, title: groupTitle, last: null });
    button.setAttribute('aria-controls', container.id || 'panel');
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => {
      if (!container.hidden && current && current.group === name) hide();
      else openGroup(name);
    });
  }

  group('planning', toggle, title);
  close.addEventListener('click', hide);

  return {
    add(id, label, init, groupName = 'planning') {
      const button = el('button', { type: 'button', role: 'tab', class: 'panel-tab', 'data-tab': id, hidden: true }, biText(label));
      const section = el('section', { class: 'panel-section', role: 'tabpanel', 'data-tab': id, hidden: true });
      tabBar.append(button);
      body.append(section);
      const tab = { id, group: groupName, button, section, api: init(section) };
      button.addEventListener('click', () => select(id));
      tabs.push(tab);
      return tab.api;
    },
    group,
    select,
    openGroup,
    hasTab: (id) => tabs.some((t) => t.id === id),
    hasGroup: (name) => groups.has(name),
    /** Called after a tab is shown or the panel is closed. */
    onChange: (fn) => listeners.push(fn),
    /** { group, tab } of the open panel, or null. */
    state: () => (container.hidden || !current ? null : { group: current.group, tab: current.id }),
    open: () => openGroup('planning'),
    close: hide,
    isOpen: (id) => !container.hidden && !!current && current.id === id,
    current: () => (container.hidden || !current ? null : current.id),
    scrollTop: () => { body.scrollTop = 0; },
  };
}
