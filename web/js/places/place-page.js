// A place name's page (panel tab): all fields, other names, history, the "as of" lookup; for officers
// the edit form and "apply to rename".
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { field, input, textarea, select, problemBox, showProblem, val, dash, kvTable, dataTable, uyghur, today, setChildren } from '../core/forms.js';
import { ALT_KINDS, PLACE_STATUS, CASE_KINDS, CASE_STATES } from './place-text.js';
import { SYNTHETIC } from '../core/text.js';
import { loadPlace, loadPlaceAsOf, savePlace } from './places-api.js';

const syntheticTag = () => el('span', { class: 'tag tag-synthetic', title: '程序生成的位置 Generated location' }, SYNTHETIC);
const statusPill = (s, label) => el('span', { class: `status-pill place-${String(s || '').toLowerCase()}` }, PLACE_STATUS[s] || label || s || '—');

/** The name's page tab. */
export function createPlacePage(section, ctx) {
  const state = el('p', { class: 'panel-state' });
  const body = el('div', { class: 'place-page' });
  section.append(
    el('p', { class: 'muted small intro' }, '在顶部搜索框查找地名，或在地图上右键查看附近地名。Search in the header box or right-click the map for nearby names.'),
    state, body);
  let currentId = null;

  /** kept: after a 409, the officer's typed values and the record they were typed on, put back into the new form. */
  async function load(id, kept = null) {
    currentId = id;
    state.className = 'panel-state loading';
    state.textContent = '正在加载地名… Loading the place…';
    try {
      const data = await loadPlace(id);
      if (currentId !== id) return;
      state.textContent = ''; state.className = 'panel-state';
      render(data, kept);
    } catch (err) {
      state.className = 'panel-state error';
      state.textContent = `加载失败 Failed to load: ${err.detail || err.message}`;
    }
  }

  function render(data, kept = null) {
    const p = data.place || {};
    const alt = (p.altNames || []);
    const showOnMap = el('button', { type: 'button', class: 'small-button' }, biText('在地图上显示 Show on map'));
    showOnMap.addEventListener('click', () => ctx.showPlace({ id: p.id, name: p.standardName, romanized: p.romanized, uyghurName: p.uyghurName, category: p.category, unitCode: p.unitCode, lon: p.lon, lat: p.lat, status: p.status }, { keepPanel: true }));
    const actions = el('div', { class: 'form-row' }, typeof p.lon === 'number' ? showOnMap : null);
    if (ctx.officer && p.status !== 'HISTORICAL') {
      const rename = el('button', { type: 'button', class: 'small-button', 'data-action': 'apply-rename' }, biText('申请更名 Apply to rename'));
      rename.addEventListener('click', () => ctx.applyRename(p));
      actions.append(rename);
    }

    // "as of" lookup
    const asOf = el('input', { type: 'date', name: 'asOf', value: today() });
    const asOfGo = el('button', { type: 'button', class: 'small-button' }, biText('查询 Look up'));
    const asOfOut = el('span', { class: 'asof-out', role: 'status' });
    asOfGo.addEventListener('click', async () => {
      if (!asOf.value) return;
      asOfOut.textContent = '…';
      try {
        const r = await loadPlaceAsOf(p.id, asOf.value);
        setChildren(asOfOut, r.nameAsOf
          ? el('span', {}, `${asOf.value} 的名称 Name on that day：`, el('strong', {}, r.nameAsOf))
          : el('span', { class: 'muted' }, `${asOf.value} 无有效名称 No name in force on that day`));
      } catch (err) {
        setChildren(asOfOut, el('span', { class: 'error-text' }, err.detail || err.message));
      }
    });

    setChildren(body, 
      el('h3', { class: 'place-title' }, p.standardName || '—', ' ', statusPill(p.status, data.statusLabel),
        p.protectedName ? el('span', { class: 'tag tag-protected', title: '地名保护名录 Protected name' }, '保护 protected') : null),
      p.romanized ? el('p', { class: 'roman big-roman' }, p.romanized) : null,
      p.uyghurName ? el('p', { class: 'place-ug' }, uyghur(p.uyghurName)) : null,
      p.uyghurLatin ? el('p', { class: 'muted place-ug-latin' }, p.uyghurLatin) : null,
      actions,
      kvTable([
        ['编号 ID', el('code', {}, String(p.id))],
        ['罗马字母拼写 Romanized', dash(p.romanized),
          p.romanizedOverridden ? el('span', { class: 'muted small' }, `（自动拼写 proposal: ${p.romanizedProposal || '—'}）`) : null],
        ['维吾尔文 Uyghur', uyghur(p.uyghurName) || '—'],
        ['维吾尔文拉丁 Uyghur (Latin)', dash(p.uyghurLatin)],
        ['类别 Category', ctx.categoryLabel(p.category)],
        ['所在政区 Unit', ctx.nameOf(p.unitCode) || '', p.unitCode ? el('code', { class: 'muted' }, ` ${p.unitCode}`) : '—'],
        p.divisionCode ? ['区划代码 Division code', el('code', {}, p.divisionCode)] : null,
        ['坐标 Location', typeof p.lon === 'number' ? el('code', {}, `${p.lon.toFixed(5)}, ${p.lat.toFixed(5)}`) : '—', p.geometrySynthetic ? syntheticTag() : null],
        ['位置描述 Location description', dash(p.locationDescription)],
        ['含义 Meaning', dash(p.meaning)],
        ['来历 Origin', dash(p.origin)],
        ['历史沿革 History', dash(p.history)],
        ['保护名录 Protected', p.protectedName ? '是 yes' : '否 no'],
        ['有效期 Valid', `${dash(p.validFrom)} – ${p.validTo || '至今 now'}`],
        ['数据来源 Source', el('span', { class: 'muted small' }, dash(p.source))],
        ['版本 Version', String(p.version ?? '—')],
      ]),
      el('h4', {}, biText('其他名称 Other names'), ` (${alt.length})`),
      alt.length ? dataTable([['名称 Name'], ['拼写 Romanized'], ['类型 Kind'], ['语言 Lang.'], ['有效期 Valid']],
        alt.map((a) => [
          a.language && /^ug/i.test(a.language) ? uyghur(a.name) : a.name,
          a.romanized, ALT_KINDS[a.kind] || a.kind, a.language,
          `${dash(a.validFrom)} – ${a.validTo || '—'}`])) : el('p', { class: 'muted small' }, '无 None'),
      el('h4', {}, biText('命名更名记录 History'), ` (${(data.history || []).length})`),
      (data.history || []).length ? dataTable([['案件 Case'], ['类型 Kind'], ['名称 Name'], ['状态 State'], ['批准 Approved'], ['文号 Doc. no.']],
        data.history.map((h) => {
          const link = ctx.officer ? el('button', { type: 'button', class: 'link-button' }, `#${h.caseId}`) : `#${h.caseId}`;
          if (ctx.officer) link.addEventListener('click', () => ctx.openCase(h.caseId));
          return [link, CASE_KINDS[h.kind] || h.kind, h.name, CASE_STATES[h.state] || h.state,
            `${dash(h.approvedOn)}${h.approvingBody && h.approvingBody !== 'null' ? ` · ${h.approvingBody}` : ''}`, dash(h.documentNumber)];
        })) : el('p', { class: 'muted small' }, '无 None'),
      el('h4', {}, biText('某日名称 Name as of a date')),
      el('div', { class: 'form-row' }, asOf, asOfGo, asOfOut),
      ctx.officer ? editForm(p, kept) : null);
    if (kept) {
      const form = body.querySelector('.place-edit');
      if (form) form.scrollIntoView({ block: 'nearest' });
    }
  }

  function editForm(p, kept = null) {
    const f = {
      romanized: input('romanized', { value: p.romanized || '' }),
      uyghurName: input('uyghurName', { value: p.uyghurName || '', dir: 'rtl', lang: 'ug' }),
      uyghurLatin: input('uyghurLatin', { value: p.uyghurLatin || '' }),
      category: select('category', ctx.categories.map((c) => [c.code, `${c.parentCode ? '— ' : ''}${c.nameZh} ${c.nameEn}`])),
      locationDescription: textarea('locationDescription'),
      meaning: textarea('meaning'),
      origin: textarea('origin'),
      history: textarea('history'),
      protectedName: el('input', { type: 'checkbox', name: 'protectedName' }),
    };
    f.category.value = p.category || '';
    for (const k of ['locationDescription', 'meaning', 'origin', 'history']) f[k].value = p[k] || '';
    f.protectedName.checked = !!p.protectedName;
    const problem = problemBox();
    const notice = el('div', { class: 'notice ok', role: 'status', hidden: true, 'data-role': 'saved' });
    const EDITED = ['romanized', 'uyghurName', 'uyghurLatin', 'category', 'locationDescription', 'meaning', 'origin', 'history'];
    const typed = () => {
      const v = { protectedName: f.protectedName.checked };
      for (const k of EDITED) v[k] = f[k].value;
      return v;
    };
    const conflictNote = el('div', { class: 'notice warn', role: 'status', hidden: true, 'data-role': 'reloaded' });
    if (kept) {
      // reloaded after a 409: the typed values go back into the form, on the new version
      const LABELS = { romanized: '罗马字母拼写 Romanized', uyghurName: '维吾尔文 Uyghur', uyghurLatin: '维吾尔文拉丁 Uyghur (Latin)',
        category: '类别 Category', locationDescription: '位置描述 Location description', meaning: '含义 Meaning', origin: '来历 Origin',
        history: '历史沿革 History', protectedName: '保护名录 Protected' };
      const changed = [...EDITED, 'protectedName'].filter((k) => String(kept.from[k] ?? '') !== String(p[k] ?? '')).map((k) => LABELS[k]);
      for (const k of EDITED) f[k].value = kept.values[k];
      f.protectedName.checked = kept.values.protectedName;
      conflictNote.hidden = false;
      conflictNote.replaceChildren(
        el('strong', {}, `已重新加载：版本 ${kept.from.version} → ${p.version} Reloaded: version ${kept.from.version} → ${p.version}`),
        el('p', {}, changed.length
          ? `他人修改了 Changed by the other save: ${changed.join('、')}（见上表 see the table above）`
          : '他人未修改这些字段 The other save changed none of these fields'),
        el('p', { class: 'small' }, '您填写的内容已保留在表单中；再次保存即应用到新版本。 What you typed is kept in the form; save again to apply it on the new version.'));
    }
    const save = el('button', { type: 'submit', class: 'primary small' }, biText('保存 Save'));
    const form = el('form', { class: 'panel-form place-edit', novalidate: true },
      el('h4', {}, '编辑地名信息 Edit the record', el('span', { class: 'muted small' }, ` · 版本 version ${p.version}`)),
      el('p', { class: 'muted small' }, '标准名称只能通过更名程序修改。The standard name changes only through the renaming procedure.'),
      field('罗马字母拼写 Romanized', f.romanized),
      el('div', { class: 'grid2' }, field('维吾尔文 Uyghur', f.uyghurName), field('维吾尔文拉丁 Uyghur (Latin)', f.uyghurLatin)),
      field('类别 Category', f.category),
      field('位置描述 Location description', f.locationDescription),
      field('含义 Meaning', f.meaning),
      field('来历 Origin', f.origin),
      field('历史沿革 History', f.history),
      el('label', { class: 'check-row' }, f.protectedName, ' 列入地名保护名录 Protected name'),
      conflictNote, problem, notice,
      el('div', { class: 'form-row buttons' }, save));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      notice.hidden = true;
      save.disabled = true;
      const bodyData = { version: p.version, protectedName: f.protectedName.checked };
      for (const k of ['romanized', 'uyghurName', 'uyghurLatin', 'category', 'locationDescription', 'meaning', 'origin', 'history']) bodyData[k] = val(f[k]);
      try {
        await savePlace(p.id, bodyData);
        await load(p.id);
        const n = body.querySelector('.place-edit [data-role=saved]');
        if (n) { n.hidden = false; n.textContent = '已保存 Saved.'; }
        if (ctx.placesChanged) ctx.placesChanged();
      } catch (err) {
        save.disabled = false;
        if (err.status === 409) {
          const reload = el('button', { type: 'button', class: 'small-button', 'data-action': 'reload-place' }, biText('重新加载该地名 Reload this place'));
          reload.addEventListener('click', () => load(p.id, { values: typed(), from: p }));
          showProblem(problem, { ...err, parameter: null, detail: `他人已修改此记录：您填写的内容仍在表单中，重新加载后可再次保存。Someone else changed it: what you typed stays in the form; reload, then save again. (${err.detail || ''})` }, f, reload);
        } else showProblem(problem, err, f);
      }
    });
    return form;
  }

  return { show() {}, load, current: () => currentId };
}
