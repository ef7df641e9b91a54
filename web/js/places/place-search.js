// Header place-name search: suggestions while typing (debounced), Enter or a
// click runs the search and lists the results (name, romanized, Uyghur,
// category, how it matched); choosing one zooms to it and opens its popup.
// A right-click on the map lists the names nearby (reverse lookup, 2 km).
import { el } from '../core/escape.js';
import { biText, biAttr } from '../core/i18n.js';
import { debounce, uyghur, setChildren } from '../core/forms.js';
import { matchKindLabel } from './place-text.js';
import { suggestPlaces, searchPlaces, placesNear } from './places-api.js';

const REVERSE_RADIUS = 2000;

/** ctx: { L, map, categoryLabel(code), nameOf(code), showPlace(result) , openPlace(id) } */
export function initSearch(container, ctx) {
  const inputId = 'place-search-input';
  const listId = 'place-search-list';
  const box = el('input', {
    id: inputId, type: 'search', class: 'search-input', autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
  });
  biAttr(box, 'placeholder', '搜索地名（汉字 / 拼音 / 首字母）', 'Search names (汉字 / pinyin / initials)', '搜索地名 Search names (汉字 / pinyin / 首字母)');
  biAttr(box, 'aria-label', '搜索地名', 'Search place names');
  const go = el('button', { type: 'button', class: 'search-go' }, '⌕');
  biAttr(go, 'title', '搜索', 'Search');
  biAttr(go, 'aria-label', '搜索', 'Search');
  const list = el('div', { id: listId, class: 'search-dropdown', role: 'listbox', hidden: true });
  const form = el('form', { class: 'header-search', role: 'search' }, box, go, list);
  container.append(form);

  let seq = 0;
  let items = [];   // { node, pick() }
  let active = -1;

  function open(nodes, entries) {
    setChildren(list, ...nodes);
    items = entries;
    active = -1;
    list.hidden = nodes.length === 0;
    box.setAttribute('aria-expanded', String(!list.hidden));
  }
  const closeList = () => { list.hidden = true; box.setAttribute('aria-expanded', 'false'); active = -1; };
  function highlight(i) {
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach((it, j) => { it.node.classList.toggle('active', j === active); it.node.setAttribute('aria-selected', String(j === active)); });
    items[active].node.scrollIntoView({ block: 'nearest' });
  }
  const message = (text, cls = 'search-msg') => open([el('div', { class: cls }, text)], []);

  const suggest = debounce(async () => {
    const q = box.value.trim();
    const my = ++seq;
    if (!q) { closeList(); return; }
    try {
      const r = await suggestPlaces(q, 8);
      if (my !== seq) return;
      const names = (r && r.suggestions) || [];
      const entries = names.map((name, i) => {
        const label = typeof name === 'string' ? name : (name && (name.name || name.text)) || '';
        const node = el('div', { class: 'search-item suggestion', role: 'option', id: `sugg-${i}`, 'aria-selected': 'false' },
          el('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'), label);
        const pick = () => { box.value = label; run(); };
        node.addEventListener('mousedown', (e) => { e.preventDefault(); pick(); });
        return { node, pick };
      });
      if (entries.length) open(entries.map((e) => e.node), entries);
      else message('无建议，按回车搜索 No suggestions — press Enter to search');
    } catch (err) {
      if (my !== seq) return;
      message(err.status === 404 ? '地名搜索暂不可用 Place search not available (404)' : `建议失败 Suggest failed: ${err.detail || err.message}`, 'search-msg error');
    }
  }, 220);

  function resultRow(r, onPick) {
    const node = el('div', { class: 'search-item result', role: 'option', 'aria-selected': 'false' },
      el('div', { class: 'result-line' },
        el('strong', {}, r.name || '—'),
        r.romanized ? el('span', { class: 'roman' }, r.romanized) : null,
        r.status && r.status !== 'STANDARD' ? el('span', { class: 'tag tag-historical' }, r.status === 'HISTORICAL' ? '历史 historical' : r.status) : null),
      r.uyghurName ? el('div', { class: 'result-ug' }, uyghur(r.uyghurName)) : null,
      el('div', { class: 'result-meta' },
        el('span', {}, ctx.categoryLabel(r.category)),
        r.unitCode ? el('span', {}, ctx.nameOf(r.unitCode) || r.unitCode) : null,
        r.matchKind ? el('span', { class: `match match-${String(r.matchKind).toLowerCase()}` }, matchKindLabel(r.matchKind),
          r.matchedName && r.matchedName !== r.name ? `：${r.matchedName}` : '') : null,
        // a similar name borne by several places is listed once: say so (searching the name lists them all)
        r.sameNameCount > 1 ? el('span', { class: 'same-name' }, `同名 ${r.sameNameCount} 处 · ${r.sameNameCount} places`) : null,
        typeof r.distanceMetres === 'number' ? el('span', {}, `${Math.round(r.distanceMetres)} m`) : null));
    node.addEventListener('mousedown', (e) => { e.preventDefault(); onPick(r); });
    return { node, pick: () => onPick(r) };
  }

  const choose = (r) => { closeList(); ctx.showPlace(r); };

  /** An open naming case (officers only): not a place yet; picking it opens the case. */
  function proposalRow(p) {
    const node = el('div', { class: 'search-item result proposal', role: 'option', 'aria-selected': 'false' },
      el('div', { class: 'result-line' },
        el('strong', {}, p.proposedName || '—'),
        p.proposedRomanized ? el('span', { class: 'roman' }, p.proposedRomanized) : null,
        el('span', { class: 'tag tag-proposal' }, `申请中 proposal · ${p.stateLabel || p.state}`)),
      el('div', { class: 'result-meta' },
        el('span', {}, ctx.categoryLabel(p.category)),
        p.unitCode ? el('span', {}, ctx.nameOf(p.unitCode) || p.unitCode) : null,
        p.currentName ? el('span', {}, `现名 Current name: ${p.currentName}`) : null,
        el('span', {}, `案件 Case #${p.caseId}`)));
    const pick = () => { closeList(); if (ctx.openCase) ctx.openCase(p.caseId); };
    node.addEventListener('mousedown', (e) => { e.preventDefault(); pick(); });
    return { node, pick };
  }

  async function run() {
    suggest.cancel();
    const q = box.value.trim();
    if (!q) return;
    const my = ++seq;
    message('正在搜索… Searching…');
    try {
      const r = await searchPlaces(q, 10);
      if (my !== seq) return;
      const results = (r && r.results) || [];
      const proposals = (r && r.proposals) || [];
      if (!results.length && !proposals.length) { message(`没有找到“${q}” No place named “${q}”`); return; }
      const entries = results.map((x) => resultRow(x, choose));
      const pending = proposals.map(proposalRow);
      open([el('div', { class: 'search-head' }, `搜索结果 Results (${results.length})`), ...entries.map((e) => e.node),
        ...(pending.length ? [el('div', { class: 'search-head' }, `在办申请 Open proposals (${pending.length})`)] : []),
        ...pending.map((e) => e.node)], [...entries, ...pending]);
    } catch (err) {
      if (my !== seq) return;
      message(err.status === 404 ? '地名搜索暂不可用 Place search not available (404)' : `搜索失败 Search failed: ${err.detail || err.message}`, 'search-msg error');
    }
  }

  box.addEventListener('input', suggest);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) suggest(); else highlight(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    else if (e.key === 'Escape') { closeList(); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && items[active]) items[active].pick(); else run();
    }
  });
  box.addEventListener('blur', () => setTimeout(closeList, 150));
  box.addEventListener('focus', () => { if (list.childElementCount && box.value.trim()) { list.hidden = false; } });
  go.addEventListener('click', run);
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });

  // ---- right-click: names nearby ----
  const { L, map } = ctx;
  map.on('contextmenu', async (e) => {
    const content = el('div', { class: 'popup nearby-popup' },
      el('h3', {}, biText('附近地名 Nearby names')),
      el('p', { class: 'muted small' }, `${e.latlng.lng.toFixed(5)}, ${e.latlng.lat.toFixed(5)} · ${REVERSE_RADIUS / 1000} km`),
      el('p', { class: 'panel-state loading' }, '正在查找… Looking up…'));
    const popup = L.popup({ maxWidth: 360, minWidth: 260 }).setLatLng(e.latlng).setContent(content).openOn(map);
    try {
      const r = await placesNear(e.latlng.lng.toFixed(6), e.latlng.lat.toFixed(6), REVERSE_RADIUS, 10);
      const results = (r && r.results) || [];
      const ul = el('ul', { class: 'nearby-list' }, results.map((x) => {
        const b = el('button', { type: 'button', class: 'link-button' }, x.name || '—');
        b.addEventListener('click', () => { map.closePopup(popup); ctx.showPlace(x); });
        return el('li', {}, b, x.romanized ? el('span', { class: 'roman' }, ` ${x.romanized}`) : null,
          el('span', { class: 'muted small' }, ` · ${ctx.categoryLabel(x.category)}`,
            typeof x.distanceMetres === 'number' ? ` · ${Math.round(x.distanceMetres)} m` : ''));
      }));
      content.lastChild.replaceWith(results.length ? ul : el('p', { class: 'muted' }, '2 公里内没有地名 No names within 2 km'));
    } catch (err) {
      content.lastChild.replaceWith(el('p', { class: 'panel-state error' },
        err.status === 404 ? '附近查询暂不可用 Reverse lookup not available (404)' : `查询失败 Lookup failed: ${err.detail || err.message}`));
    }
    popup.update();
  });

  return { focus: () => box.focus(), run: (q) => { box.value = q; return run(); }, suggestNow: () => suggest() };
}
