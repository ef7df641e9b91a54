// "Click the map to place a point" mode, shared by the facility form and the
// site planner: only one picker is active at a time. While picking, map
// features do not react to clicks (no popups), the cursor is a crosshair and
// a hint with a cancel button is shown over the map.
import { el } from '../core/escape.js';
import { biText } from '../core/i18n.js';

let active = null;

/**
 * Start picking. onPick(latlng) is called for every click (the caller decides
 * whether to stop); onStop() when the mode ends (stopPick, Esc, cancel, or
 * another picker starting).
 */
export function startPick(map, { hint, onPick, onStop }) {
  stopPick();
  const container = map.getContainer();
  const cancel = el('button', { type: 'button', class: 'pick-cancel' }, biText('结束 Done (Esc)'));
  const box = el('div', { class: 'pick-hint', role: 'status' }, el('span', {}, hint), cancel);
  container.parentElement.append(box);
  const click = (e) => onPick(e.latlng);
  const key = (e) => { if (e.key === 'Escape') stopPick(); };
  map.on('click', click);
  document.addEventListener('keydown', key);
  cancel.addEventListener('click', () => stopPick());
  container.classList.add('picking');
  active = {
    stop() {
      map.off('click', click);
      document.removeEventListener('keydown', key);
      container.classList.remove('picking');
      box.remove();
      if (onStop) onStop();
    },
  };
}

export function stopPick() {
  const a = active;
  active = null;
  if (a) a.stop();
}
