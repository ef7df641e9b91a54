// Data exchange ("数据 Data" header button): the import wizard (exchange/import-wizard.js: upload → preview →
// commit) for the division layers (officers and admin) and the facilities layer (planners and admin, as for
// editing facilities), and the export menu (exchange/export-tab.js; everyone: collection, format, CRS,
// optional unit → a download link).
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { IMPORT_LAYERS } from './exchange-text.js';
import { createImportTab } from './import-wizard.js';
import { createExportTab } from './export-tab.js';

/**
 * ctx: { L, map, me, panel, status, units, beforeNode, reloadDivisions(layerIds) }.
 * Adds the "数据 Data" header button, the export tab (everyone) and the import tab (IMPORT_ROLES).
 */
export function initExchange(ctx) {
  const { me, panel, beforeNode, map } = ctx;
  if (!map.getPane('imports')) map.createPane('imports').style.zIndex = '615';
  const roles = (me && me.authenticated && me.roles) || [];
  const layers = IMPORT_LAYERS.filter(([, , allowed]) => roles.some((r) => allowed.includes(r)));
  const canImport = layers.length > 0;
  const toggle = el('button', { type: 'button', class: 'header-button group-toggle', 'data-group': 'data' }, biText('数据 Data'));
  beforeNode.before(toggle);
  panel.group('data', toggle, '数据交换 Data exchange');
  let importTab = null;
  if (canImport) importTab = panel.add('import', '导入 Import', (s) => createImportTab(s, ctx, layers), 'data');
  panel.add('export', '导出 Export', (s) => createExportTab(s, ctx), 'data');
  return { canImport, importTab };
}
