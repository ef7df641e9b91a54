// Announcements of published names (public panel tab), with the gazetteer's CSV / GeoJSON export and Atom feed.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { dash, kvTable, setChildren } from '../core/forms.js';
import { CASE_KINDS } from './place-text.js';
import { placesExportUrl, ANNOUNCEMENTS_FEED_URL, loadAnnouncements } from './places-api.js';

/** Announcements of published names (public). */
export function createAnnouncements(section, ctx) {
  const state = el('p', { class: 'panel-state' });
  const exportLinks = el('div', { class: 'form-row export-links' });
  const list = el('div', {});
  section.append(el('h3', {}, biText('地名公告 Announcements of standard names')),
    el('p', { class: 'muted small' }, '经批准并公告、备案后生效的地名。Names approved, announced and filed.'),
    exportLinks, state, list);
  let loaded = false;

  /** CSV / GeoJSON export of the published gazetteer (GET /api/places/export). */
  function checkExport() {
    for (const [fmt, label] of [['csv', 'CSV'], ['geojson', 'GeoJSON']]) {
      const url = placesExportUrl(fmt);
      exportLinks.append(el('a', { href: url, class: 'small-button', download: `gazetteer.${fmt}` }, `导出 Export ${label}`));
    }
    exportLinks.append(el('a', { href: ANNOUNCEMENTS_FEED_URL, class: 'small-button', type: 'application/atom+xml' },
      '订阅 Atom feed'));
  }

  async function refresh() {
    state.className = 'panel-state loading';
    state.textContent = '正在加载… Loading…';
    try {
      const rows = await loadAnnouncements();
      state.textContent = ''; state.className = 'panel-state';
      setChildren(list, rows.length ? el('div', { class: 'ann-list' }, rows.map((a) => {
        const show = el('button', { type: 'button', class: 'link-button' }, a.standardName || '—');
        show.addEventListener('click', () => ctx.openPlace(a.placeId));
        return el('article', { class: 'ann-card' },
          el('h4', {}, show, a.romanized ? el('span', { class: 'roman' }, ` ${a.romanized}`) : null,
            el('span', { class: 'badge' }, CASE_KINDS[a.kind] || a.kind)),
          kvTable([
            a.formerName ? ['原名 Former name', a.formerName] : null,
            ['类别 Category', ctx.categoryLabel(a.category)],
            ['所在 Unit', ctx.nameOf(a.unitCode) || a.unitCode],
            ['位置 Location', a.locationDescription || null, typeof a.lon === 'number' ? el('code', { class: 'muted' }, ` ${a.lon.toFixed(4)}, ${a.lat.toFixed(4)}`) : null],
            ['批准机关 Approved by', dash(a.approvingBody)],
            ['批准文号 Document no.', dash(a.documentNumber)],
            ['批准日期 Approved on', dash(a.approvedOn)],
            ['公告日期 Announced on', dash(a.announcedOn), a.announcementMedium ? ` · ${a.announcementMedium}` : null],
            ['案件 Case', `#${a.caseId}`],
          ]));
      })) : el('p', { class: 'muted' }, '暂无公告 No announcements yet.'));
    } catch (err) {
      state.className = 'panel-state error';
      state.textContent = `加载失败 Failed to load: ${err.detail || err.message}`;
    }
  }

  return {
    show() { if (!loaded) { loaded = true; checkExport(); } refresh(); },
    refresh,
  };
}
