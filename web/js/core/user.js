// Header user area: current user and roles with a logout form, or a login link.
import { el } from './escape.js';
import { biText, biAttr } from './i18n.js';
import { protectForm } from './csrf.js';

export function renderUser(container, me, onError) {
  container.replaceChildren();
  if (me && me.authenticated) {
    const form = el('form', { method: 'post', action: 'logout', class: 'logout-form' },
      el('input', { type: 'hidden', name: '_csrf' }),
      el('button', { type: 'submit', class: 'header-button' }, biText('退出 Log out')));
    protectForm(form, () => onError && onError('缺少 CSRF 令牌，请刷新页面 Missing CSRF token, please reload'));
    container.append(
      el('span', { class: 'user-label' }, biText('用户 User')),
      biAttr(el('span', { class: 'user-name' }, me.username), 'title', '当前用户', 'Current user'),
      ...(me.roles || []).map((r) => biAttr(el('span', { class: 'role' }, r), 'title', '角色', 'Role')),
      form);
  } else {
    container.append(el('a', { href: 'login.html', class: 'header-button' }, biText('登录 Log in')));
  }
}
