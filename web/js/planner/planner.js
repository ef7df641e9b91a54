// Wires the facilities layer and the planning panel together: shared context,
// the header button, and "facilities changed" → map, dashboard and coverage
// refresh at once.
import { el } from '../core/escape.js';
import { biText, biHtml } from '../core/i18n.js';
import { loadFacilityTypes, deleteFacility } from '../facilities/facilities-api.js';
import { createFacilityLayer } from '../facilities/facility-layer.js';
import { createPanel } from '../core/panel.js';
import { createDashboard } from './dashboard.js';
import { createCoverage } from './coverage.js';
import { createFacilityEditor } from '../facilities/facility-editor.js';
import { createPlanning } from './site-planning.js';

const EDIT_ROLES = ['PLANNER', 'ADMIN'];

export async function initPlanner({ L, map, addOverlay, status, nameOf, me, townships, villages }) {
  const loggedIn = !!(me && me.authenticated);
  const roles = (me && me.roles) || [];
  const ctx = {
    L, map, addOverlay, status, nameOf, loggedIn,
    canEdit: loggedIn && roles.some((r) => EDIT_ROLES.includes(r)),
    townships,
    villageByCode: new Map(villages.filter((f) => f.properties && f.properties.code).map((f) => [f.properties.code, f])),
    types: [],
    typeByCode: new Map(),
  };

  // Header button (before the user area).
  const toggle = el('button', { type: 'button', class: 'header-button planning-toggle', 'aria-controls': 'panel', 'aria-expanded': 'false' }, biText('规划 Planning'));
  document.getElementById('user').before(toggle);

  status.loading('types', '正在加载设施类型… Loading facility types…');
  try {
    ctx.types = await loadFacilityTypes();
    ctx.typeByCode = new Map(ctx.types.map((t) => [t.code, t]));
    status.done('types');
  } catch (err) {
    status.done('types');
    status.error('types', '设施类型加载失败 Facility types failed to load', err);
  }

  let editor = null;
  const facilities = createFacilityLayer(ctx, {
    edit: (f) => editor && editor.edit(f),
    remove: async (f) => {
      await deleteFacility(f.id);
      map.closePopup();
      await ctx.facilitiesChanged({});
    },
  });
  facilities.group.addTo(map);
  ctx.filterFacilities = (codes) => facilities.setFilter(codes);

  async function reloadFacilities() {
    status.loading('facilities', '正在加载设施… Loading facilities…');
    try {
      const list = await facilities.reload();
      status.done('facilities');
      addOverlay(facilities.group, `${biHtml('民政设施', 'Facilities')} <span class="count">${list.length}</span>`, 3);
    } catch (err) {
      status.done('facilities');
      status.error('facilities', '设施加载失败 Facilities failed to load', err);
    }
  }

  const panel = createPanel({
    container: document.getElementById('panel'),
    toggle,
    onResize: () => setTimeout(() => map.invalidateSize(), 0),
    // The full legend would cover much of the narrower map: fold it (it stays one click away).
    onOpen: () => { const legend = document.querySelector('details.legend'); if (legend) legend.open = false; },
  });
  ctx.panel = panel;
  const dashboard = panel.add('dashboard', '看板 Dashboard', (s) => createDashboard(s, ctx));
  const coverage = panel.add('coverage', '覆盖 Coverage', (s) => createCoverage(s, ctx));
  editor = panel.add('facilities', '设施 Facilities', (s) => createFacilityEditor(s, ctx, facilities));
  panel.add('planning', '选址 Site planning', (s) => createPlanning(s, ctx));

  /** After an add / edit / delete: refresh the map, dashboard and coverage together. */
  ctx.facilitiesChanged = async ({ focus }) => {
    await Promise.all([reloadFacilities(), dashboard.refresh(), coverage.refresh()]);
    if (focus && typeof focus.lat === 'number') {
      map.panTo([focus.lat, focus.lon]);
      const m = facilities.marker(focus.id);
      if (m) m.openTooltip();
    }
  };

  await reloadFacilities();
  if (new URLSearchParams(location.search).has('panel') || location.hash === '#planning') panel.open();
  return ctx;
}
