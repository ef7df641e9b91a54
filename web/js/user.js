// Header user area: current user and roles with a logout form, or a login link.
import { el } from './escape.js';
import { protectForm } from './csrf.js';

export function renderUser(container, me, onError) {
  container.replaceChildren();
  if (me && me.authenticated) {
    const form = el('form', { method: 'post', action: 'logout', class: 'logout-form' },
      el('input', { type: 'hidden', name: '_csrf' }),
      el('button', { type: 'submit', class: 'header-button' }, '退出 Log out'));
    protectForm(form, () => onError && onError('缺少 CSRF 令牌，请刷新页面 Missing CSRF token, please reload'));
    container.append(
      el('span', { class: 'user-label' }, '用户 User'),
      el('span', { class: 'user-name', title: '当前用户 Current user' }, me.username),
      ...(me.roles || []).map((r) => el('span', { class: 'role', title: '角色 Role' }, r)),
      form);
  } else {
    container.append(el('a', { href: 'login.html', class: 'header-button' }, '登录 Log in'));
  }
}
