// Deep links: the URL hash keeps the map view and the open panel tab,
// e.g. #map=12/39.41/76.05&panel=planning/dashboard (history.replaceState on
// moveend and on panel changes, so the back button is not flooded). The older
// hashes #places, #boundaries, #data and #planning still open their group.

export const LEGACY_HASHES = ['places', 'boundaries', 'data', 'planning'];
const NUM = '(-?\\d+(?:\\.\\d+)?)';
const MAP = new RegExp(`^${NUM}/${NUM}/${NUM}$`);

/** { view: { zoom, lat, lng } | null, panel: 'group/tab' | 'group' | null, legacy: bool } */
export function parseLink(hash) {
  const h = String(hash || '').replace(/^#/, '');
  if (LEGACY_HASHES.includes(h)) return { view: null, panel: h, legacy: true };
  const params = new URLSearchParams(h);
  let view = null;
  const m = MAP.exec(params.get('map') || '');
  if (m) {
    const [zoom, lat, lng] = m.slice(1).map(Number);
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) view = { zoom, lat, lng };
  }
  const panel = (params.get('panel') || '').trim() || null;
  return { view, panel, legacy: false };
}

/** The hash for the current view and panel state ({ group, tab } or null). */
export function formatLink(map, state) {
  const z = map.getZoom();
  const c = map.getCenter();
  const digits = Math.min(6, Math.max(2, Math.ceil(z / 3) + 1));
  let hash = `#map=${Number(z.toFixed(2))}/${c.lat.toFixed(digits)}/${c.lng.toFixed(digits)}`;
  if (state) hash += `&panel=${encodeURIComponent(state.group)}/${encodeURIComponent(state.tab)}`;
  return hash;
}

/** Open 'group/tab' (or a group, or a tab) in the panel; false if nothing matched. */
export function applyPanel(panel, spec) {
  if (!spec) return false;
  const [group, tab] = spec.split('/').map((s) => decodeURIComponent(s || ''));
  if (tab && panel.hasTab(tab)) { panel.select(tab); return true; }
  if (group && panel.hasGroup(group)) { panel.openGroup(group); return true; }
  if (group && panel.hasTab(group)) { panel.select(group); return true; }
  return false;
}

/** Keep the hash in step with the map and the panel; follow hand-edited hashes. */
export function bindDeepLink({ map, panel }) {
  let writing = false;
  const write = () => {
    const hash = formatLink(map, panel.state());
    if (hash === location.hash) return;
    writing = true;
    history.replaceState(history.state, '', hash);
    writing = false;
  };
  map.on('moveend', write);
  panel.onChange(write);
  window.addEventListener('hashchange', () => {
    if (writing) return;
    const link = parseLink(location.hash);
    if (link.legacy) {
      if (panel.hasGroup(link.panel)) panel.openGroup(link.panel);
    } else {
      if (link.view) map.setView([link.view.lat, link.view.lng], link.view.zoom);
      if (link.panel) applyPanel(panel, link.panel);
      else if (link.view) panel.close();
    }
    write();
  });
  write();
}
