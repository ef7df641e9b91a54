// The place-names layer (points with name labels) and the popup of a chosen name.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { loadCollection } from '../map/ogc-api.js';
import { kvTable, uyghur } from '../core/forms.js';
import { PLACE_STATUS } from './place-text.js';

/** The place-names point layer (names shown as labels at zoom ≥ 13). */
export function createPlaceLayer(ctx) {
  const { L, map } = ctx;
  const group = L.layerGroup();
  const markers = new Map();
  map.createPane('placenames').style.zIndex = '615';
  const update = () => map.getContainer().classList.toggle('hide-label-placenames', map.getZoom() < 13);
  map.on('zoomend', update);
  update();
  return {
    group,
    markers,
    async load() {
      const { features } = await loadCollection('place-names');
      group.clearLayers();
      markers.clear();
      for (const f of features) {
        if (!f.geometry || f.geometry.type !== 'Point') continue;
        const p = f.properties || {};
        const [lon, lat] = f.geometry.coordinates;
        const m = L.circleMarker([lat, lon], {
          pane: 'placenames', radius: 4, color: '#263238', weight: 1.2,
          fillColor: p.status === 'HISTORICAL' ? '#bdbdbd' : '#fff59d', fillOpacity: 0.95,
        });
        m.bindTooltip(() => el('span', {}, p.name || '', p.romanized ? el('span', { class: 'roman' }, ` ${p.romanized}`) : ''),
          { permanent: true, direction: 'right', offset: [5, 0], className: 'map-label label-placenames', pane: 'labels' });
        m.on('click', () => ctx.showPlace({ id: p.id, name: p.name, romanized: p.romanized, uyghurName: p.uyghurName, category: p.category, unitCode: p.unitCode, lon, lat, status: p.status }));
        m.addTo(group);
        markers.set(String(p.id), m);
      }
      return features;
    },
  };
}

/** Popup for a chosen search result / layer point, with a button to the name's page. */
export function placePopupContent(r, ctx) {
  const details = el('button', { type: 'button', class: 'small-button', 'data-action': 'place-details' }, biText('详情 Details'));
  details.addEventListener('click', () => { ctx.map.closePopup(); ctx.openPlace(r.id); });
  return el('div', { class: 'popup place-popup' },
    el('h3', {}, r.name || '—', r.status && r.status !== 'STANDARD' ? el('span', { class: 'badge' }, PLACE_STATUS[r.status] || r.status) : null),
    r.romanized ? el('p', { class: 'roman big-roman' }, r.romanized) : null,
    r.uyghurName ? el('p', { class: 'popup-ug' }, uyghur(r.uyghurName)) : null,
    kvTable([
      ['类别 Category', ctx.categoryLabel(r.category)],
      ['所在 Unit', ctx.nameOf(r.unitCode) || r.unitCode || '—', r.unitCode ? el('code', { class: 'muted' }, ` ${r.unitCode}`) : null],
      typeof r.lon === 'number' ? ['坐标 Location', el('code', {}, `${r.lon.toFixed(5)}, ${r.lat.toFixed(5)}`)] : null,
    ]),
    el('div', { class: 'popup-actions' }, details));
}
