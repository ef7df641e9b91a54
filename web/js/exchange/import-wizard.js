// The import tab: a wizard of three steps, upload (import-upload.js) → preview (import-preview.js) →
// commit (import-commit.js), with the step indicator and the map overlay the preview draws into.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { setChildren } from '../core/forms.js';
import { loadImport } from './exchange-api.js';
import { createUploadStep } from './import-upload.js';
import { previewView } from './import-preview.js';
import { createCommitStep } from './import-commit.js';

/** ctx: { L, map, panel, reloadDivisions(layerIds), facilitiesChanged(event) }; layers: those this user may import. */
export function createImportTab(section, ctx, layers) {
  const { L, map } = ctx;
  const overlay = L.layerGroup().addTo(map);
  const steps = el('ol', { class: 'wizard-steps' },
    el('li', { 'data-step': '1' }, '上传 Upload'),
    el('li', { 'data-step': '2' }, '预览 Preview'),
    el('li', { 'data-step': '3' }, '提交 Commit'));
  const setStep = (n) => steps.querySelectorAll('li').forEach((li) => {
    const s = Number(li.dataset.step);
    li.classList.toggle('current', s === n);
    li.classList.toggle('done', s < n);
    if (s === n) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  });

  const uploadForm = createUploadStep(layers, showPreview);
  const previewBox = el('div', { class: 'import-preview', hidden: true });

  section.append(steps, uploadForm, previewBox);
  setStep(1);

  function clearMap() { overlay.clearLayers(); }

  function backToUpload() {
    clearMap();
    previewBox.hidden = true;
    setChildren(previewBox);
    uploadForm.hidden = false;
    setStep(1);
  }

  /** Step 2 (and the commit form of step 3) for the server's preview p. */
  function showPreview(p) {
    clearMap();
    uploadForm.hidden = true;
    previewBox.hidden = false;
    previewBox.dataset.importId = p.id;
    setStep(2);
    const view = previewView(p, { L, map, overlay });
    const back = el('button', { type: 'button', class: 'small-button', 'data-action': 'back' }, biText('← 重新上传 Upload again'));
    back.addEventListener('click', backToUpload);
    const zoom = el('button', { type: 'button', class: 'small-button', 'data-action': 'zoom-extent', disabled: !view.bounds }, biText('缩放到范围 Zoom to extent'));
    zoom.addEventListener('click', () => { if (view.bounds) map.fitBounds(view.bounds, { padding: [30, 30], maxZoom: 14 }); });
    const commit = createCommitStep(p, p.fields || [], {
      back, backToUpload, setStep, clearMap,
      reloadDivisions: ctx.reloadDivisions, facilitiesChanged: ctx.facilitiesChanged,
    });
    setChildren(previewBox,
      el('div', { class: 'form-row' }, back, zoom),
      el('h3', {}, biText('预览 Preview')),
      ...view.nodes, ...commit);
    ctx.panel.scrollTop();
  }

  return {
    show() { if (!previewBox.hidden) overlay.addTo(map); },
    /** Open an earlier upload by id (GET /api/imports/{id}). */
    async open(id) { showPreview(await loadImport(id)); },
  };
}
