// Step 1 of the import wizard: the upload form (layer, file, CRS, encoding, CSV columns). The server checks
// the file and answers its preview; nothing is stored before the commit.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { field, input, select, problemBox, showProblem, val } from '../core/forms.js';
import { IMPORT_CRS, ENCODINGS } from './exchange-text.js';
import { uploadImport } from './exchange-api.js';

/** The upload form for the layers this user may import; onPreview(preview) when the server has checked the file. */
export function createUploadStep(layers, onPreview) {
  const f = {
    layer: select('layer', layers),
    file: el('input', { type: 'file', name: 'file', accept: '.zip,.geojson,.json,.gz,.gpkg,.csv,.txt,.tsv' }),
    crs: select('crs', IMPORT_CRS),
    crsText: input('crsText', { placeholder: '如 e.g. EPSG:4545, CGCS2000, EPSG:32643', class: 'input-unit' }),
    encoding: select('encoding', ENCODINGS),
    lonColumn: input('lonColumn', { placeholder: 'lon / 经度 / x' }),
    latColumn: input('latColumn', { placeholder: 'lat / 纬度 / y' }),
    wktColumn: input('wktColumn', { placeholder: 'wkt / geometry' }),
  };
  f.layer.value = layers.some(([id]) => id === 'townships') ? 'townships' : layers[0][0];
  const crsTextRow = field('坐标系代码 CRS code', f.crsText);
  crsTextRow.hidden = true;
  const csvBox = el('fieldset', { class: 'csv-columns', hidden: true },
    el('legend', {}, biText('CSV 列 Columns（经纬度列或 WKT 列 lon/lat or WKT）')),
    el('div', { class: 'grid2' }, field('经度列 Longitude column', f.lonColumn), field('纬度列 Latitude column', f.latColumn),
      field('WKT 列 WKT column', f.wktColumn)));
  const upProblem = problemBox();
  const upload = el('button', { type: 'submit', class: 'primary small', 'data-action': 'upload' }, biText('上传并预览 Upload & preview'));
  const upState = el('p', { class: 'panel-state', role: 'status' });
  const intro = el('p', { class: 'muted small intro' });
  const setIntro = () => {
    intro.textContent = f.layer.value === 'facilities'
      ? '上传设施点文件（类型、名称、状态、床位、日期等字段）：先预览，确认后再写入；编号相同（无编号时类型和名称相同）的设施被更新，其余新建；提交前不保存任何数据。 Upload facility points (type, name, status, beds, dates …): you see a preview first; a facility with the same identifier (without one: the same type and name) is updated, the others are created; nothing is stored before you commit.'
      : '上传区划边界文件：先预览，确认后再写入；提交前不保存任何数据。 Upload division boundaries: you see a preview first; nothing is stored before you commit.';
  };
  setIntro();
  f.layer.addEventListener('change', setIntro);
  const uploadForm = el('form', { class: 'panel-form import-upload', novalidate: true },
    intro,
    el('div', { class: 'grid2' }, field('图层 Layer', f.layer), field('编码 Encoding', f.encoding)),
    field('文件 File（GeoJSON、GeoPackage、Shapefile .zip、CSV）', f.file),
    field('坐标系 CRS', f.crs), crsTextRow,
    csvBox, upProblem, el('div', { class: 'form-row buttons' }, upload), upState);

  const isCsv = () => { const n = (f.file.files[0] && f.file.files[0].name) || ''; return /\.(csv|txt|tsv)$/i.test(n); };
  f.file.addEventListener('change', () => { csvBox.hidden = !isCsv(); });
  f.crs.addEventListener('change', () => { crsTextRow.hidden = f.crs.value !== '*'; if (!crsTextRow.hidden) f.crsText.focus(); });
  const crsValue = () => (f.crs.value === '*' ? val(f.crsText) : (f.crs.value || null));
  // Problem `parameter` → the field to outline (crs: the select or the typed code).
  const uploadFields = () => ({ ...f, crs: f.crs.value === '*' ? f.crsText : f.crs });


  uploadForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(upProblem, null, uploadFields());
    const file = f.file.files[0];
    if (!file) {
      showProblem(upProblem, { title: '缺少文件 No file', detail: '请选择要上传的文件 Choose a file to upload', parameter: 'file' }, uploadFields());
      return;
    }
    if (f.crs.value === '*' && !val(f.crsText)) {
      showProblem(upProblem, { title: '缺少坐标系 No CRS', detail: '请输入坐标系代码，或选择“按文件声明” Type a CRS code, or choose "as declared in the file"', parameter: 'crs' }, uploadFields());
      return;
    }
    const params = { layer: f.layer.value, crs: crsValue(), encoding: f.encoding.value };
    if (isCsv()) Object.assign(params, { lonColumn: val(f.lonColumn), latColumn: val(f.latColumn), wktColumn: val(f.wktColumn) });
    const form = new FormData();
    form.append('file', file, file.name);
    upload.disabled = true;
    upState.className = 'panel-state loading';
    upState.textContent = `正在上传并检查 ${file.name}… Uploading and checking…`;
    try {
      const preview = await uploadImport(params, form);
      upState.textContent = '';
      upState.className = 'panel-state';
      onPreview(preview);
    } catch (err) {
      upState.textContent = '';
      upState.className = 'panel-state';
      showProblem(upProblem, err, uploadFields());
    } finally {
      upload.disabled = false;
    }
  });

  return uploadForm;
}
