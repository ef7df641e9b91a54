// Interface language: 双语 both (default), 中文 only, English only.
// Labels are rendered as <span class="bi"><span lang="zh" class="t-zh">…</span> <span lang="en" class="t-en">…</span></span>;
// a class on <html> (lang-both / lang-zh / lang-en, set early by js/lang-boot.js, a
// script in the page head) lets the CSS hide the other language. Attributes
// (placeholder, title, aria-label) cannot hold markup: biAttr() keeps both
// texts and rewrites the attribute when the mode changes. Data (names) are
// never translated; Uyghur text keeps its own lang/dir.
import { el } from './escape.js';

export const LANG_KEY = 'civatlas.lang';
export const LANG_MODES = [
  { id: 'both', label: '双语', title: '中文与英文 Chinese and English' },
  { id: 'zh', label: '中文', title: '仅中文 Chinese only' },
  { id: 'en', label: 'English', title: 'English only 仅英文' },
];
const listeners = new Set();

export function langMode() {
  const cls = [...document.documentElement.classList].find((c) => c.startsWith('lang-'));
  const m = cls ? cls.slice(5) : null;
  return LANG_MODES.some((x) => x.id === m) ? m : 'both';
}

function storedMode() {
  try {
    const m = localStorage.getItem(LANG_KEY);
    return LANG_MODES.some((x) => x.id === m) ? m : 'both';
  } catch { return 'both'; }
}

/** Pick the text for the current mode. */
export function pick(zh, en, both = `${zh} ${en}`) {
  const m = langMode();
  return m === 'zh' ? zh : m === 'en' ? en : both;
}

/** A bilingual label node; textContent stays "zh en" (the separator is kept), CSS shows one or both. */
export function bi(zh, en, sep = ' ') {
  const node = el('span', { class: 'bi' }, el('span', { lang: 'zh', class: 't-zh' }, zh));
  if (sep) node.append(sep);
  node.append(el('span', { lang: 'en', class: 't-en' }, en));
  return node;
}

// "中文部分 English part": the Chinese part is everything before the first Latin
// letter and contains CJK characters; the separator (spaces) is kept. A leading
// symbol ("＋ ", "← ") and a trailing " *" (required field) belong to both.
const SPLIT = /^([^A-Za-z]*?[\u3400-\u9fff\u3000-\u303f\uff00-\uffef][^A-Za-z]*?)(\s*)([A-Za-z][\s\S]*)$/;
const PREFIX = /^([^\p{L}\p{N}\s]+\s+)/u;
const SUFFIX = /(\s+\*)$/;

/** Split a "中文 English" string; null if it does not look like one. */
export function splitBi(text) {
  let rest = String(text ?? '');
  const pre = PREFIX.exec(rest);
  const prefix = pre ? pre[1] : '';
  rest = rest.slice(prefix.length);
  const suf = SUFFIX.exec(rest);
  const suffix = suf ? suf[1] : '';
  if (suffix) rest = rest.slice(0, -suffix.length);
  const m = SPLIT.exec(rest);
  return m ? { zh: m[1], en: m[3], sep: m[2], prefix, suffix } : null;
}

/** bi() for a "中文 English" string; other strings come back unchanged (as text). */
export function biText(text) {
  const s = splitBi(text);
  if (!s) return String(text ?? '');
  const node = bi(s.zh, s.en, s.sep);
  if (s.prefix) node.prepend(s.prefix);
  if (s.suffix) node.append(s.suffix);
  return node;
}

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** bi() as HTML markup, for APIs that take HTML strings (Leaflet's layer control). */
export function biHtml(zh, en) {
  return `<span class="bi"><span lang="zh" class="t-zh">${esc(zh)}</span> <span lang="en" class="t-en">${esc(en)}</span></span>`;
}

/** A bilingual attribute (placeholder, title, aria-label); `both` defaults to "zh en". */
export function biAttr(node, attr, zh, en, both) {
  node.dataset[`bi${attr.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase())}`] = JSON.stringify([zh, en, both ?? `${zh} ${en}`]);
  const list = new Set((node.dataset.biAttrs || '').split(' ').filter(Boolean));
  list.add(attr);
  node.dataset.biAttrs = [...list].join(' ');
  node.setAttribute(attr, pick(zh, en, both));
  return node;
}

function refreshAttrs(root = document) {
  for (const node of root.querySelectorAll('[data-bi-attrs]')) {
    for (const attr of node.dataset.biAttrs.split(' ')) {
      const raw = node.dataset[`bi${attr.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase())}`];
      if (!raw) continue;
      try { const [zh, en, both] = JSON.parse(raw); node.setAttribute(attr, pick(zh, en, both)); } catch { /* ignore */ }
    }
  }
}

/** Called when the mode changes (e.g. to retitle the document). */
export function onLangChange(fn) { listeners.add(fn); }

export function setLangMode(mode, { store = true } = {}) {
  if (!LANG_MODES.some((x) => x.id === mode)) mode = 'both';
  const root = document.documentElement;
  for (const m of LANG_MODES) root.classList.toggle(`lang-${m.id}`, m.id === mode);
  root.lang = mode === 'en' ? 'en' : 'zh-CN';
  if (store) { try { localStorage.setItem(LANG_KEY, mode); } catch { /* private mode */ } }
  refreshAttrs();
  for (const b of document.querySelectorAll('.lang-switch [data-lang-mode]')) {
    b.setAttribute('aria-pressed', String(b.dataset.langMode === mode));
  }
  for (const fn of listeners) { try { fn(mode); } catch (err) { console.error(err); } }
}

/** The header switch: three buttons, the current one pressed. */
export function langSwitch() {
  const mode = langMode();
  const node = el('div', { class: 'lang-switch', role: 'group', 'aria-label': '界面语言 Interface language' },
    LANG_MODES.map((m) => el('button', {
      type: 'button', class: 'lang-button', 'data-lang-mode': m.id, title: m.title,
      'aria-pressed': String(m.id === mode), lang: m.id === 'en' ? 'en' : 'zh',
    }, m.label)));
  node.addEventListener('click', (e) => {
    const b = e.target.closest('[data-lang-mode]');
    if (b) setLangMode(b.dataset.langMode);
  });
  return node;
}

/** Apply the stored mode (js/lang-boot.js in the head normally did already) and refresh attributes. */
export function initLang() {
  setLangMode(storedMode(), { store: false });
}

/** Document title for the current mode, from a "中文 English" title. */
export function titleText(title) {
  const s = splitBi(title);
  return s ? s.prefix + pick(s.zh, s.en, `${s.zh}${s.sep}${s.en}`) + s.suffix : title;
}
