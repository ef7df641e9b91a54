// Naming and renaming cases (officers): the application form with a live
// Roman-spelling proposal and duplicate / homophone findings, the case list,
// and the case view with the allowed actions (each with the small form it
// needs), deadlines with overdue flags and the steps timeline.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';
import { field, input, textarea, select, problemBox, showProblem, val, dash, kvTable, dataTable, debounce, fmtInstant, today, setChildren } from '../core/forms.js';
import { CASE_KINDS, CASE_STATES, CONFLICT_KINDS, REPORT_KINDS, actionLabel } from './place-text.js';
import { startPick, stopPick } from '../map/map-pick.js';
import { loadNamingCases, checkName, applyForName, loadNamingCase, namingAction } from './places-api.js';

const statePill = (s, label) => el('span', { class: `status-pill case-${String(s || '').toLowerCase()}` }, CASE_STATES[s] || label || s);

/** ctx: { L, map, categories, categoryLabel, nameOf, units:[{code,name,level}], openPlace, placesChanged } */
export function createNaming(section, ctx) {
  const toolbar = el('div', { class: 'panel-toolbar' });
  const newButton = el('button', { type: 'button', class: 'primary small', 'data-action': 'new-application' }, biText('＋ 新申请 New application'));
  const listButton = el('button', { type: 'button', class: 'small-button' }, biText('案件列表 Case list'));
  toolbar.append(newButton, listButton);
  const view = el('div', { class: 'naming-view' });
  section.append(toolbar, view);
  newButton.addEventListener('click', () => showForm({ kind: 'NAMING' }));
  listButton.addEventListener('click', () => showList());

  // unit datalist (shared)
  const unitList = el('datalist', { id: 'naming-units' }, ctx.units.map((u) => el('option', { value: u.code }, `${u.name} ${u.level}`)));
  section.append(unitList);

  let mode = 'list';
  let token = 0; // the latest view wins over slower loads
  let marker = null;
  const clearMarker = () => { if (marker) { marker.remove(); marker = null; } stopPick(); };

  // ---------------- list ----------------
  async function showList() {
    mode = 'list';
    const my = ++token;
    clearMarker();
    const state = el('p', { class: 'panel-state loading' }, '正在加载案件… Loading cases…');
    setChildren(view, el('h3', {}, biText('命名、更名案件 Naming and renaming cases')), state);
    try {
      const cases = await loadNamingCases();
      if (my !== token) return;
      state.remove();
      if (!cases.length) { view.append(el('p', { class: 'muted' }, '暂无案件 No cases yet.')); return; }
      const rows = [...cases].sort((a, b) => b.id - a.id);
      view.append(dataTable([['#'], ['类型 Kind'], ['拟用名 Proposed'], ['状态 State'], ['期限 Deadlines']],
        rows.map((c) => [
          `#${c.id}`, CASE_KINDS[c.kind] || c.kind,
          el('span', {}, c.proposedName, c.currentName ? el('span', { class: 'muted small' }, ` ← ${c.currentName}`) : null),
          statePill(c.state, c.stateLabel),
          el('span', {}, c.announcementOverdue ? el('span', { class: 'overdue' }, '公告逾期 announcement overdue ') : null,
            c.filingOverdue ? el('span', { class: 'overdue' }, '备案逾期 filing overdue') : null),
        ]),
        (i) => {
          const attrs = { class: 'clickable', tabindex: '0', 'data-case': String(rows[i].id) };
          return attrs;
        }));
      view.querySelectorAll('tr[data-case]').forEach((tr) => {
        const open = () => showCase(Number(tr.dataset.case));
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      });
    } catch (err) {
      state.className = 'panel-state error';
      state.textContent = `加载失败 Failed to load: ${err.detail || err.message}`;
    }
  }

  // ---------------- application form ----------------
  function categoryOptions() {
    const tops = ctx.categories.filter((c) => !c.parentCode);
    const opts = [el('option', { value: '' }, '— 选择类别 choose —')];
    for (const t of tops) {
      const kids = ctx.categories.filter((c) => c.parentCode === t.code);
      opts.push(el('optgroup', { label: `${t.nameZh} ${t.nameEn}` },
        el('option', { value: t.code }, `${t.nameZh} ${t.nameEn}`),
        kids.map((c) => el('option', { value: c.code }, `${c.nameZh} ${c.nameEn}`))));
    }
    const orphans = ctx.categories.filter((c) => c.parentCode && !tops.some((t) => t.code === c.parentCode));
    orphans.forEach((c) => opts.push(el('option', { value: c.code }, `${c.nameZh} ${c.nameEn}`)));
    return opts;
  }

  function showForm(prefill = {}) {
    mode = 'form';
    ++token;
    clearMarker();
    const f = {
      kind: select('kind', Object.entries(CASE_KINDS)),
      placeId: input('placeId', { type: 'number', class: 'input-num' }),
      category: el('select', { name: 'category' }, categoryOptions()),
      unitCode: input('unitCode', { list: 'naming-units', placeholder: '选择或输入代码 pick or type a code', class: 'input-unit' }),
      proposedName: input('proposedName', { maxlength: '60' }),
      proposedRomanized: input('proposedRomanized'),
      lon: input('lon', { type: 'number', step: 'any', class: 'input-coord' }),
      lat: input('lat', { type: 'number', step: 'any', class: 'input-coord' }),
      scheme: textarea('scheme'),
      reasons: textarea('reasons'),
      attachment: input('attachment', { placeholder: '文件名或编号 file name / reference' }),
    };
    f.kind.value = prefill.kind || 'NAMING';
    if (prefill.placeId) f.placeId.value = prefill.placeId;
    if (prefill.category) f.category.value = prefill.category;
    if (prefill.unitCode) f.unitCode.value = prefill.unitCode;
    const unitName = el('span', { class: 'muted small unit-name' });
    const current = el('span', { class: 'muted small' }, prefill.currentName ? `现名 Current name: ${prefill.currentName}` : '');
    const placeRow = el('div', { class: 'field-row' }, el('span', {}, '更名的地名编号 Place to rename (ID)'), el('span', { class: 'coords' }, f.placeId, current));
    const check = el('div', { class: 'check-box', 'aria-live': 'polite' }, el('span', { class: 'muted small' }, '输入名称、类别和所在政区后自动检查。Enter the name, category and unit to check it.'));
    const pick = el('button', { type: 'button', class: 'small-button' }, biText('在地图上点选 Pick on map'));
    const problem = problemBox();
    const submit = el('button', { type: 'submit', class: 'primary small' }, biText('提交申请 Submit'));
    const form = el('form', { class: 'panel-form naming-form', novalidate: true },
      el('h3', {}, biText('命名、更名申请 Application')),
      field('类型 Kind', f.kind),
      placeRow,
      field('类别 Category *', f.category),
      el('div', { class: 'field-row' }, el('span', {}, '所在政区 Unit *'), el('span', { class: 'coords' }, f.unitCode, unitName)),
      field('拟用名称 Proposed name *', f.proposedName),
      check,
      field('罗马字母拼写 Romanized (留空用自动拼写 empty = the proposal)', f.proposedRomanized),
      el('div', { class: 'field-row' }, el('span', {}, '位置 Location (可选 optional, 须在所选政区内 inside the unit)'), el('span', { class: 'coords' }, f.lon, f.lat, pick)),
      field('命名方案 Scheme', f.scheme),
      field('理由 Reasons', f.reasons),
      field('附件 Attachment', f.attachment),
      problem,
      el('div', { class: 'form-row buttons' }, submit));
    setChildren(view, form);

    const syncKind = () => { placeRow.hidden = f.kind.value !== 'RENAMING'; };
    f.kind.addEventListener('change', syncKind);
    syncKind();
    const syncUnit = () => { unitName.textContent = ctx.nameOf(f.unitCode.value.trim()) || ''; };
    f.unitCode.addEventListener('input', syncUnit);
    syncUnit();

    let seq = 0;
    const runCheck = debounce(async () => {
      const name = f.proposedName.value.trim();
      const category = f.category.value;
      const unitCode = f.unitCode.value.trim();
      const my = ++seq;
      if (!name || !category || !unitCode) return;
      setChildren(check, el('span', { class: 'panel-state loading' }, '正在检查… Checking…'));
      try {
        const r = await checkName({ name, category, unitCode, placeId: f.kind.value === 'RENAMING' ? f.placeId.value : null });
        if (my !== seq) return;
        f.proposedRomanized.placeholder = r.romanizedProposal || '';
        const conflicts = r.conflicts || [];
        const problems = r.problems || [];
        setChildren(check, 
          el('div', { class: 'proposal' }, '自动拼写 Proposed spelling：', el('strong', { class: 'roman' }, r.romanizedProposal || '—'),
            r.toneless ? el('span', { class: 'muted small' }, `  (${r.toneless})`) : null),
          conflicts.length
            ? el('div', { class: 'conflicts' }, el('strong', {}, `重名 / 同音 ${conflicts.length} Duplicates / homophones:`),
              el('ul', {}, conflicts.map((c) => {
                const b = el('button', { type: 'button', class: 'link-button conflict-name' }, c.name);
                b.addEventListener('click', () => ctx.openPlace(c.placeId));
                return el('li', {}, el('span', { class: 'conflict-kind' }, CONFLICT_KINDS[c.kind] || c.kind), ' ', b,
                  ' · ', ctx.nameOf(c.unitCode) || '', el('code', { class: 'small' }, ` ${c.unitCode}`));
              })))
            : el('div', { class: 'ok-text' }, '✓ 未发现重名或同音 No duplicates or homophones'),
          problems.length ? el('div', { class: 'conflicts' }, el('strong', {}, '问题 Problems:'), el('ul', {}, problems.map((p) => el('li', {}, p)))) : null);
      } catch (err) {
        if (my !== seq) return;
        setChildren(check, el('div', { class: 'problem' }, err.detail || err.message));
        if (err.parameter && f[err.parameter]) f[err.parameter].classList.add('invalid-field');
      }
    }, 350);
    for (const k of ['proposedName', 'unitCode', 'placeId']) f[k].addEventListener('input', () => { f[k].classList.remove('invalid-field'); runCheck(); });
    for (const k of ['category', 'kind']) f[k].addEventListener('change', runCheck);
    runCheck();

    const setPoint = (ll) => {
      f.lat.value = ll.lat.toFixed(6); f.lon.value = ll.lng.toFixed(6);
      if (!marker) {
        marker = ctx.L.marker(ll, { draggable: true, pane: 'sites', icon: ctx.L.divIcon({ className: 'edit-pin', html: '', iconSize: [22, 22], iconAnchor: [11, 22] }) }).addTo(ctx.map);
        marker.on('dragend', () => setPoint(marker.getLatLng()));
      } else marker.setLatLng(ll);
    };
    pick.addEventListener('click', () => startPick(ctx.map, { hint: '点击地图放置地名位置 Click the map to place the name', onPick: (ll) => { setPoint(ll); stopPick(); } }));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      const body = {
        kind: f.kind.value,
        placeId: f.kind.value === 'RENAMING' && val(f.placeId) ? Number(f.placeId.value) : null,
        proposedName: val(f.proposedName), proposedRomanized: val(f.proposedRomanized),
        category: val(f.category), unitCode: val(f.unitCode),
        lon: val(f.lon) === null ? null : Number(f.lon.value), lat: val(f.lat) === null ? null : Number(f.lat.value),
        scheme: val(f.scheme), reasons: val(f.reasons), attachment: val(f.attachment),
      };
      submit.disabled = true;
      try {
        const c = await applyForName(body);
        clearMarker();
        showCase(c.id, c);
      } catch (err) {
        submit.disabled = false;
        showProblem(problem, err, f);
      }
    });
  }

  // ---------------- case view ----------------
  async function showCase(id, preloaded) {
    mode = 'case';
    const my = ++token;
    clearMarker();
    let c = preloaded;
    if (!c) {
      setChildren(view, el('p', { class: 'panel-state loading' }, '正在加载案件… Loading the case…'));
      try { c = await loadNamingCase(id); if (my !== token) return; } catch (err) {
        setChildren(view, el('p', { class: 'panel-state error' }, `加载失败 Failed to load: ${err.detail || err.message}`));
        return;
      }
    }
    renderCase(c);
  }

  function deadline(due, done, overdue) {
    if (!due && !done) return '—';
    return el('span', { class: overdue ? 'overdue' : '' },
      due ? `期限 due ${due}` : '', done ? ` · 完成 done ${done}` : ' · 未完成 not done',
      overdue ? ' · 逾期 OVERDUE' : '');
  }

  function renderCase(c) {
    const conflicts = c.conflicts || [];
    const placeLink = c.placeId ? el('button', { type: 'button', class: 'link-button' }, `#${c.placeId}`) : null;
    if (placeLink) placeLink.addEventListener('click', () => ctx.openPlace(c.placeId));
    const actionBox = el('div', { class: 'action-forms' });
    const buttons = el('div', { class: 'form-row case-actions' }, (c.allowedActions || []).map((a) => {
      const b = el('button', { type: 'button', class: `small-button${/REJECT|WITHDRAW/i.test(a) ? ' danger' : ''}`, 'data-action': String(a).toLowerCase() }, actionLabel(a));
      b.addEventListener('click', () => actionForm(c, String(a).toUpperCase(), actionBox));
      return b;
    }));
    setChildren(view, 
      el('h3', { class: 'case-title' }, `#${c.id} ${CASE_KINDS[c.kind] || c.kind}：`, c.proposedName,
        c.proposedRomanized ? el('span', { class: 'roman' }, ` ${c.proposedRomanized}`) : null, ' ', statePill(c.state, c.stateLabel)),
      (c.announcementOverdue || c.filingOverdue) ? el('div', { class: 'problem' },
        c.announcementOverdue ? el('div', {}, `公告逾期 Announcement overdue (due ${c.announcementDue})`) : null,
        c.filingOverdue ? el('div', {}, `备案逾期 Filing overdue (due ${c.filingDue})`) : null) : null,
      (c.allowedActions || []).length ? el('div', { class: 'case-actions-box' }, el('h4', {}, biText('下一步 Next steps')), buttons, actionBox)
        : el('p', { class: 'muted small' }, '案件已结束，无可用操作 The case is closed: no further actions.'),
      kvTable([
        c.currentName ? ['现名 Current name', c.currentName] : null,
        ['地名 Place', placeLink || '—'],
        ['拟用名称 Proposed', c.proposedName],
        ['罗马字母拼写 Romanized', dash(c.proposedRomanized), c.romanizedProposal && c.romanizedProposal !== c.proposedRomanized ? el('span', { class: 'muted small' }, ` (自动 proposal: ${c.romanizedProposal})`) : null],
        ['类别 Category', ctx.categoryLabel(c.category)],
        ['所在政区 Unit', ctx.nameOf(c.unitCode) || '', el('code', { class: 'muted' }, ` ${c.unitCode || ''}`)],
        ['位置 Location', typeof c.lon === 'number' ? el('code', {}, `${c.lon.toFixed(5)}, ${c.lat.toFixed(5)}`) : '—'],
        ['命名方案 Scheme', dash(c.scheme)],
        ['理由 Reasons', dash(c.reasons)],
        ['重名/同音 Conflicts', conflicts.length
          ? el('ul', { class: 'conflicts inline' }, conflicts.map((x) => el('li', {}, el('span', { class: 'conflict-kind' }, CONFLICT_KINDS[x.kind] || x.kind), ` ${x.name} · ${ctx.nameOf(x.unitCode) || x.unitCode}`)))
          : '无 none'],
        conflicts.length ? ['理由说明 Justification', dash(c.conflictJustification)] : null,
        c.protectedName ? ['保护名录 Protected', '是 yes', ` · ${dash(c.protectionJustification)}`] : null,
        ['评估报告 Assessment', dash(c.assessmentReport)],
        ['专家论证 Expert report', dash(c.expertReport)],
        ['征求意见 Consultation', c.consultationFrom ? `${c.consultationFrom} – ${dash(c.consultationTo)}` : '—', c.consultationReport ? el('div', {}, c.consultationReport) : null],
        ['批准 Approval', c.approvedOn ? `${c.approvedOn} · ${dash(c.approvingBody)} · ${dash(c.documentNumber)}` : '—'],
        ['公告 Announcement', deadline(c.announcementDue, c.announcedOn, c.announcementOverdue), c.announcementMedium ? ` · ${c.announcementMedium}` : null],
        ['备案 Filing', deadline(c.filingDue, c.filedOn, c.filingOverdue), c.filedWith ? ` · ${c.filedWith}` : null],
        ['申请人 Created', `${dash(c.createdBy)} · ${fmtInstant(c.createdAt)}`],
        ['版本 Version', String(c.version)],
      ]),
      el('h4', {}, biText('公众意见 Comments'), ` (${(c.comments || []).length})`),
      (c.comments || []).length ? dataTable([['收到 Received'], ['提出人 Author'], ['意见 Comment'], ['处理 Handling']],
        c.comments.map((m) => [m.receivedOn, m.author, m.content, m.handling])) : el('p', { class: 'muted small' }, '无 None'),
      el('h4', {}, biText('办理过程 Steps')),
      el('ol', { class: 'timeline' }, (c.steps || []).map((s) => el('li', {},
        el('div', { class: 'tl-head' }, el('strong', {}, actionLabel(s.action)),
          s.fromState !== s.toState ? el('span', {}, ` ${CASE_STATES[s.fromState] || dash(s.fromState)} → ${CASE_STATES[s.toState] || s.toState}`) : null),
        el('div', { class: 'muted small' }, `${dash(s.actor)} · ${fmtInstant(s.at)}`),
        s.remarks ? el('div', {}, s.remarks) : null,
        s.attachment ? el('div', { class: 'small' }, `附件 Attachment: ${s.attachment}`) : null))));
  }

  function actionForm(c, action, box) {
    const f = {};
    const rows = [];
    const add = (key, label, node) => { f[key] = node; rows.push(field(label, node)); };
    switch (action) {
      case 'ADD_REPORT':
        add('reportKind', '报告类型 Report kind', select('reportKind', Object.entries(REPORT_KINDS)));
        add('report', '报告内容 Report *', textarea('report', { rows: '3' }));
        add('attachment', '附件 Attachment', input('attachment'));
        break;
      case 'OPEN_CONSULTATION':
        add('consultationFrom', '征求意见开始 From *', input('consultationFrom', { type: 'date', value: today() }));
        add('consultationTo', '截止 To *', input('consultationTo', { type: 'date' }));
        break;
      case 'ADD_COMMENT':
        add('receivedOn', '收到日期 Received on', input('receivedOn', { type: 'date', value: today() }));
        add('author', '提出人 Author', input('author'));
        add('comment', '意见 Comment *', textarea('comment'));
        add('handling', '处理情况 Handling', textarea('handling'));
        break;
      case 'APPROVE':
        add('approvingBody', '批准机关 Approving body *', input('approvingBody', { value: '疏勒县人民政府' }));
        add('documentNumber', '批准文号 Document no. *', input('documentNumber'));
        add('date', '批准日期 Date *', input('date', { type: 'date', value: today() }));
        if ((c.conflicts || []).length) add('conflictJustification', `存在 ${c.conflicts.length} 个重名/同音，说明理由 Justify the conflicts *`, textarea('conflictJustification'));
        if (c.protectedName) add('protectionJustification', '保护名录地名更名理由 Justify renaming a protected name *', textarea('protectionJustification'));
        break;
      case 'RECORD_ANNOUNCEMENT':
        add('date', '公告日期 Announced on *', input('date', { type: 'date', value: today() }));
        add('medium', '公告媒介 Medium *', input('medium', { placeholder: '如：县政府网站 e.g. county website' }));
        break;
      case 'RECORD_FILING':
        add('date', '备案日期 Filed on *', input('date', { type: 'date', value: today() }));
        add('filedWith', '备案机关 Filed with *', input('filedWith', { placeholder: '如：喀什地区民政局' }));
        break;
      default: break;
    }
    const needsRemarks = ['REJECT', 'WITHDRAW'].includes(action);
    add('remarks', needsRemarks ? '理由 Remarks *' : '备注 Remarks', textarea('remarks'));
    if (['START_REVIEW', 'APPROVE', 'PUBLISH', 'REJECT', 'WITHDRAW', 'RECORD_ANNOUNCEMENT', 'RECORD_FILING'].includes(action) && !f.attachment) {
      add('attachment', '附件 Attachment', input('attachment'));
    }
    const problem = problemBox();
    const go = el('button', { type: 'submit', class: `primary small${needsRemarks ? ' danger-bg' : ''}` }, actionLabel(action));
    const cancel = el('button', { type: 'button', class: 'small-button' }, biText('取消 Cancel'));
    const form = el('form', { class: 'panel-form action-form', novalidate: true, 'data-form': action.toLowerCase() },
      el('h4', {}, actionLabel(action)), rows, problem, el('div', { class: 'form-row buttons' }, go, cancel));
    cancel.addEventListener('click', () => form.remove());
    setChildren(box, form);
    const first = form.querySelector('input,textarea,select');
    if (first) first.focus();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(problem, null, f);
      const body = { version: c.version };
      for (const [k, node] of Object.entries(f)) body[k] = val(node);
      go.disabled = true;
      try {
        const next = await namingAction(c.id, action, body);
        renderCase(next);
        if (action === 'PUBLISH' && ctx.placesChanged) ctx.placesChanged();
      } catch (err) {
        go.disabled = false;
        const reload = el('button', { type: 'button', class: 'small-button' }, biText('重新加载案件 Reload the case'));
        reload.addEventListener('click', () => showCase(c.id));
        showProblem(problem, err, f, ...(err.status === 409 ? [reload] : []));
      }
    });
  }

  return {
    show() { if (mode === 'list') showList(); },
    showList,
    showCase,
    showForm,
    applyRename(place) {
      showForm({ kind: 'RENAMING', placeId: place.id, currentName: place.standardName, category: place.category, unitCode: place.unitCode });
    },
  };
}
