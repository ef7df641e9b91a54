// Login page: CSRF-protected form, ?error / ?logout messages, demo accounts box.
// The form is sent with fetch (the same POST /login fields, _csrf from the
// XSRF-TOKEN cookie) so that a refusal is shown on this page in the user's
// language: a wrong password (Spring's redirect to login.html?error), a user
// name locked after too many failures (429 problem), the database being
// unavailable (503 problem). On success the page follows the redirect as the
// plain form does. Without JavaScript the form still posts by itself.
// This POST is the one write not sent through core/api.js's request(): it is a form post (urlencoded
// fields, not JSON) whose answer is where Spring's redirect landed, not a JSON body.
import { loadConfig, loadMe } from './core/api.js';
import { el } from './core/escape.js';
import { csrfToken } from './core/csrf.js';
import { APP_NAME } from './core/text.js';
import { bi, biText, biAttr, initLang, langSwitch, onLangChange, titleText, pick } from './core/i18n.js';

initLang();
document.querySelector('.app-header').append(langSwitch());

const form = document.getElementById('login-form');
const message = document.getElementById('message');

/** text: a string or a bi() node. */
function showMessage(kind, text) {
  message.replaceChildren(text);
  message.className = `message message-${kind}`;
  message.hidden = false;
}

const params = new URLSearchParams(location.search);
if (params.has('error')) showMessage('error', bi('用户名或密码错误。', 'Wrong username or password.'));
else if (params.has('logout')) showMessage('info', bi('您已退出登录。', 'You have been logged out.'));

const submitButton = form.querySelector('button[type=submit]');

/** The problem's detail (already bilingual from the server), or null when the answer is no problem JSON. */
async function problemDetail(response) {
  if (!(response.headers.get('Content-Type') || '').includes('json')) return null;
  try { const p = await response.json(); return (p && (p.detail || p.title)) || null; } catch { return null; }
}

async function logIn() {
  const token = await csrfToken();
  if (!token) {
    showMessage('error', bi('缺少 CSRF 令牌，请刷新页面。', 'Missing CSRF token, please reload the page.'));
    return;
  }
  const data = new URLSearchParams();
  data.set('username', form.elements.username.value);
  data.set('password', form.elements.password.value);
  data.set('_csrf', token);
  let response;
  try {
    response = await fetch(form.getAttribute('action') || 'login', {
      method: 'POST', credentials: 'same-origin', redirect: 'follow', body: data,
      headers: { Accept: 'application/json, application/problem+json;q=0.9, text/html;q=0.8' },
    });
  } catch (e) {
    showMessage('error', el('span', {}, bi('网络错误，未能登录', 'Network error, not logged in'), `: ${e.message}`));
    return;
  }
  const landed = new URL(response.url || location.href, location.href);
  if (response.ok && landed.pathname.endsWith('login.html') && landed.searchParams.has('error')) {
    // Spring Security's failure redirect: wrong user name or password
    showMessage('error', bi('用户名或密码错误。', 'Wrong user name or password.'));
    form.elements.password.value = '';
    form.elements.password.focus();
    return;
  }
  if (!response.ok) {
    const detail = await problemDetail(response);
    const retry = response.headers.get('Retry-After');
    showMessage('error', detail
      ? el('span', { 'data-status': String(response.status) }, detail)
      : el('span', { 'data-status': String(response.status) }, bi('登录失败', 'Login failed'), ` (HTTP ${response.status})`,
        retry ? ` · ${retry} s` : ''));
    form.elements.password.value = '';
    return;
  }
  // logged in: go where the form's redirect went (the map page)
  location.assign(landed.pathname.endsWith('login.html') ? './' : landed.href);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  submitButton.disabled = true;
  message.hidden = true;
  try { await logIn(); } finally { submitButton.disabled = false; }
});

function showDemoUsers(users) {
  const body = document.getElementById('demo-users');
  body.replaceChildren(...users.map((u) => {
    const use = biAttr(el('button', { type: 'button' }, bi('使用', 'Use')), 'title', '填入表单', 'Fill in the form');
    use.addEventListener('click', () => {
      form.elements.username.value = u.username;
      form.elements.password.value = u.password;
      form.elements.password.focus();
    });
    return el('tr', {}, el('td', {}, el('code', {}, u.username)), el('td', {}, el('code', {}, u.password)),
      el('td', {}, (u.roles || []).join(', ')), el('td', {}, use));
  }));
  document.getElementById('demo').hidden = false;
}

async function init() {
  const [config, me] = await Promise.allSettled([loadConfig(), loadMe()]);
  const title = (config.status === 'fulfilled' && config.value.title) || APP_NAME;
  document.getElementById('app-title').replaceChildren(biText(title));
  const retitle = () => { document.title = `${pick('登录', 'Log in')} · ${titleText(title)}`; };
  retitle();
  onLangChange(retitle);
  if (config.status === 'fulfilled') {
    const users = config.value.demoUsers || [];
    if (users.length) showDemoUsers(users);
  } else if (!params.has('error')) {
    showMessage('error', el('span', {}, bi('无法加载配置', 'Could not load configuration'), `: ${config.reason.message}`));
  }
  if (me.status === 'fulfilled' && me.value.authenticated && !params.has('error')) {
    showMessage('info', bi(`已登录为 ${me.value.username}。`, `Already logged in as ${me.value.username}.`));
  }
}

init();
