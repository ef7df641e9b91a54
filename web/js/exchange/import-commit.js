// Step 3 of the import wizard: the commit form under a preview, and what a commit shows. One form and one
// submit handler for every layer; what differs per layer is in its choices: the inputs (divisions: the code
// field and what to do with invalid geometries; facilities: the field mapping), the body they send, the
// wording of a refusal, and what is reloaded after the commit.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { field, problemBox, showProblem, kvTable, setChildren } from '../core/forms.js';
import { FACILITY_FIELDS } from './exchange-text.js';
import { loadImport, commitImport } from './exchange-api.js';

const REFUSED_422 = '要素有问题，未保存任何数据 Features have problems: nothing was stored';

/** Division layers: which field holds the unit code; invalid geometries refused or repaired. */
function divisionChoices(p, fields, wizard) {
  const codeField = el('select', { name: 'codeField' },
    p.codeField ? null : el('option', { value: '' }, '— 请选择 Choose —'),
    fields.map((name) => el('option', { value: name }, name)));
  codeField.value = p.codeField && fields.includes(p.codeField) ? p.codeField : '';
  const radio = (value, label, checked) => el('label', { class: 'radio' },
    el('input', { type: 'radio', name: 'invalid', value, checked }), ` ${label}`);
  const invalidBox = el('fieldset', { class: 'radios-box', 'data-field': 'invalid' },
    el('legend', {}, `无效几何 Invalid geometries（${p.invalidGeometries ?? 0}）`),
    radio('reject', '拒绝：有无效几何则不导入 Reject: refuse the import', true),
    radio('repair', '修复（JTS GeometryFixer）Repair', false));
  return {
    inputs: [field('代码字段 Code field（行政区划代码 unit code）', codeField), invalidBox],
    note: '全部要素在一个事务中写入，任何要素有问题则全部不导入。 All features are written in one transaction; if any has a problem nothing is stored.',
    // A refusal names `file` (features with problems): outline the choice that can resolve it.
    problemFields: { codeField, invalid: invalidBox, file: p.invalidGeometries ? invalidBox : null, id: null },
    /** { body } to send, or { problem } to show instead. */
    request(form) {
      const invalid = (form.querySelector('input[name=invalid]:checked') || {}).value || 'reject';
      if (!codeField.value) {
        return { problem: { title: '缺少代码字段 No code field', detail: '请选择保存行政区划代码的字段 Choose the field that holds the unit code', parameter: 'codeField' } };
      }
      return { body: { codeField: codeField.value, invalid } };
    },
    refused409: '代码未知或导入已结束，未保存任何数据 Unknown codes or import already closed: nothing was stored',
    /** What the commit wrote, and the map layers reloaded. */
    committed: (r) => ({
      rows: [['更新 Updated', el('strong', { 'data-field': 'updated' }, String(r.updated ?? 0))],
        ['修复 Repaired', el('span', { 'data-field': 'repaired' }, String(r.repaired ?? 0))]],
      reloading: '正在刷新地图图层… Reloading the map layers…',
      reload: () => (wizard.reloadDivisions ? wizard.reloadDivisions([r.layer || p.layer]) : undefined),
      reloaded: '地图图层已刷新。统计与规划数据在重新加载页面后更新。 Map layers reloaded; statistics and planning data update after a page reload.',
      failed: '图层刷新失败，请重新加载页面 Reloading the layers failed, please reload the page',
    }),
  };
}

/** Facilities: the field mapping (proposed by the server, changeable). */
function facilityChoices(p, fields, wizard) {
  const proposed = p.mapping || {};
  const selects = {};
  const rows = Object.entries(FACILITY_FIELDS).map(([key, label]) => {
    const s = el('select', { name: `mapping.${key}`, 'data-mapping': key },
      el('option', { value: '' }, '— 无 None —'),
      fields.map((name) => el('option', { value: name }, name)));
    s.value = proposed[key] && fields.includes(proposed[key]) ? proposed[key] : '';
    selects[key] = s;
    return field(label, s);
  });
  const mappingBox = el('fieldset', { class: 'import-mapping', 'data-field': 'mapping' },
    el('legend', {}, biText('字段对应 Field mapping（设施字段 ← 文件字段 facility field ← file field）')), el('div', { class: 'grid2' }, rows));
  return {
    inputs: [mappingBox],
    note: '改动字段对应后，提交时按新的对应重新检查全部要素。全部设施在一个事务中写入，任何要素有问题则全部不导入。 After changing the mapping every feature is checked again on commit. All facilities are written in one transaction; if any has a problem nothing is stored.',
    problemFields: { mapping: mappingBox, file: null, id: null },
    request() {
      const mapping = {};
      for (const [key, s] of Object.entries(selects)) mapping[key] = s.value || null;
      return { body: { mapping } };
    },
    refused409: '导入已结束，未保存任何数据 Import already closed: nothing was stored',
    /** What the commit wrote; the preview points go, and the facilities, dashboard and coverage are reloaded. */
    committed: (r) => {
      wizard.clearMap();
      return {
        rows: [['新建 Created', el('strong', { 'data-field': 'created' }, String(r.created ?? 0))],
          ['更新 Updated', el('strong', { 'data-field': 'updated' }, String(r.updated ?? 0))]],
        reloading: '正在刷新设施、看板和覆盖… Reloading facilities, dashboard and coverage…',
        reload: () => (wizard.facilitiesChanged ? wizard.facilitiesChanged({}) : undefined),
        reloaded: '设施图层、看板和覆盖已刷新。 Facilities, dashboard and coverage reloaded.',
        failed: '刷新失败，请重新加载页面 Reloading failed, please reload the page',
      };
    },
  };
}

/**
 * The commit form of preview p and the box its result goes in: [form, resultBox].
 * wizard: { back (the preview's "upload again" button), backToUpload(), setStep(n), clearMap(),
 * reloadDivisions(layerIds), facilitiesChanged(event) }.
 */
export function createCommitStep(p, fields, wizard) {
  const choices = (p.layer === 'facilities' ? facilityChoices : divisionChoices)(p, fields, wizard);
  const commitProblem = problemBox();
  const commit = el('button', { type: 'submit', class: 'primary small', 'data-action': 'commit' }, `提交导入 Commit (${p.count})`);
  const commitState = el('p', { class: 'panel-state', role: 'status' });
  const resultBox = el('div', { class: 'import-result' });
  const commitForm = el('form', { class: 'panel-form boxed-form import-commit', novalidate: true },
    el('h4', {}, biText('提交 Commit')),
    ...choices.inputs,
    el('p', { class: 'muted small' }, choices.note),
    commitProblem, el('div', { class: 'form-row buttons' }, commit), commitState);
  const showResult = (r, byAnother = false) => showCommitted(p, r, byAnother, choices.committed(r), { commitForm, resultBox }, wizard);

  commitForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(commitProblem, null, choices.problemFields);
    const { body, problem } = choices.request(commitForm);
    if (problem) {
      showProblem(commitProblem, problem, choices.problemFields);
      return;
    }
    commit.disabled = true;
    commitState.className = 'panel-state loading';
    commitState.textContent = '正在导入… Importing…';
    try {
      const r = await commitImport(p.id, body);
      commitState.textContent = '';
      commitState.className = 'panel-state';
      showResult(r || {});
    } catch (err) {
      commitState.textContent = '';
      commitState.className = 'panel-state';
      commit.disabled = false;
      if (alreadyCommitted(err, p, commitProblem, commit, (r) => showResult(r, true))) return;
      const head = err.status === 409 ? choices.refused409 : err.status === 422 ? REFUSED_422 : null;
      showProblem(commitProblem, err, choices.problemFields, head ? el('p', { class: 'small' }, head) : null);
    }
  });
  return [commitForm, resultBox];
}

/**
 * A 409 on commit that says the import was committed by another submission (status COMMITTED, with the first
 * commit's result) or is being committed right now (COMMITTING): not an error, and not "nothing was stored".
 * Shows the first result through showFirst(result), or a notice with a button that looks again. True if handled.
 */
function alreadyCommitted(err, p, commitProblem, commit, showFirst) {
  const problem = err && err.status === 409 ? err.problem : null;
  const state = problem && problem.status;
  if (state === 'COMMITTED') {
    showProblem(commitProblem, null);
    showFirst(problem.result || {});
    return true;
  }
  if (state !== 'COMMITTING') return false;
  commit.disabled = true;
  const check = el('button', { type: 'button', class: 'small-button', 'data-action': 'check-commit' }, biText('刷新状态 Check again'));
  const checking = el('span', { class: 'muted small', role: 'status' });
  check.addEventListener('click', async () => {
    check.disabled = true;
    checking.textContent = ' 正在查询… Checking…';
    try {
      const now = await loadImport(p.id);
      if (now.status === 'COMMITTED') {
        // the commit's 409 carries the first result (nothing is written again)
        try {
          await commitImport(p.id, {});
        } catch (again) {
          if (alreadyCommitted(again, p, commitProblem, commit, showFirst)) return;
          throw again;
        }
      } else if (now.status === 'PREVIEWED') {
        // the other submission failed and stored nothing: this one may be committed again
        showProblem(commitProblem, null);
        commit.disabled = false;
        commitProblem.hidden = false;
        commitProblem.replaceChildren(el('strong', {}, '另一次提交未完成，未保存任何数据 The other submission did not complete: nothing was stored'),
          el('p', {}, '可以再次提交。 You may commit again.'));
        return;
      }
      checking.textContent = ` 仍在写入 Still being committed (${now.status || '—'})`;
    } catch (e) {
      checking.textContent = ` 查询失败 Check failed: ${e.detail || e.message}`;
    } finally { check.disabled = false; }
  });
  commitProblem.replaceChildren(
    el('strong', { 'data-commit-state': 'COMMITTING' }, '正在由另一次提交写入，请稍候刷新 / being committed by another submission'),
    el('p', {}, err.detail || ''),
    el('div', { class: 'form-row' }, check, checking));
  commitProblem.hidden = false;
  return true;
}

/** The committed import: what was written, a new-import button, and the reload of what the import changed. */
async function showCommitted(p, r, byAnother, how, { commitForm, resultBox }, wizard) {
  wizard.setStep(3);
  commitForm.hidden = true;
  const again = el('button', { type: 'button', class: 'small-button', 'data-action': 'new-import' }, biText('新的导入 New import'));
  again.addEventListener('click', wizard.backToUpload);
  const reloadState = el('p', { class: 'panel-state loading', role: 'status' }, how.reloading);
  setChildren(resultBox,
    el('div', { class: 'notice ok', role: 'status', 'data-result': byAnother ? 'already' : 'ok' },
      el('strong', {}, byAnother ? '已提交（由另一次提交完成）/ already committed (by another submission)' : '导入完成 Import committed'),
      byAnother ? el('p', { class: 'small' }, '本次提交未再写入；以下为首次提交的结果。 This submission wrote nothing again; below is the first commit\'s result.') : null,
      kvTable([
        ...how.rows,
        ['坐标系 CRS', el('code', {}, r.crs || p.crs || '—')],
        ['转换 Conversion', r.conversion || p.conversion],
      ])),
    reloadState,
    el('div', { class: 'form-row buttons' }, again));
  wizard.back.disabled = true;
  try {
    await how.reload();
    reloadState.className = 'panel-state';
    reloadState.textContent = how.reloaded;
  } catch (err) {
    reloadState.className = 'panel-state error';
    reloadState.textContent = `${how.failed}: ${err.detail || err.message}`;
  }
}
