// In-page loading / warning / error messages (over the map, top centre).
import { el } from './escape.js';

export function createStatus(container) {
  const entries = new Map();

  function set(key, kind, ...content) {
    remove(key);
    const close = kind === 'loading' ? null
      : el('button', { type: 'button', class: 'status-close', title: '关闭 Close', 'aria-label': '关闭 Close' }, '×');
    const node = el('div', { class: `status-item status-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      kind === 'loading' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      el('span', { class: 'status-text' }, ...content), close);
    if (close) close.addEventListener('click', () => remove(key));
    entries.set(key, node);
    container.append(node);
  }

  function remove(key) {
    const node = entries.get(key);
    if (node) node.remove();
    entries.delete(key);
  }

  return {
    loading: (key, text) => set(key, 'loading', text),
    warn: (key, text) => set(key, 'warning', text),
    /** err: an ApiError or Error; its title/detail are shown as text. */
    error: (key, text, err) => set(key, 'error', el('strong', {}, text),
      err ? el('span', { class: 'status-detail' }, formatError(err)) : null),
    done: remove,
  };
}

function formatError(err) {
  const status = err.status ? `HTTP ${err.status} · ` : '';
  return status + (err.title || err.message || String(err)) + (err.detail ? ` — ${err.detail}` : '');
}
