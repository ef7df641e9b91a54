// Login page: CSRF-protected form, ?error / ?logout messages, demo accounts box.
import { loadConfig, loadMe } from './api.js';
import { el } from './escape.js';
import { protectForm } from './csrf.js';
import { APP_NAME } from './text.js';

const form = document.getElementById('login-form');
const message = document.getElementById('message');

function showMessage(kind, text) {
  message.textContent = text;
  message.className = `message message-${kind}`;
  message.hidden = false;
}

const params = new URLSearchParams(location.search);
if (params.has('error')) showMessage('error', '用户名或密码错误。 Wrong username or password.');
else if (params.has('logout')) showMessage('info', '您已退出登录。 You have been logged out.');

protectForm(form, () => showMessage('error', '缺少 CSRF 令牌，请刷新页面。 Missing CSRF token, please reload the page.'));

function showDemoUsers(users) {
  const body = document.getElementById('demo-users');
  body.replaceChildren(...users.map((u) => {
    const use = el('button', { type: 'button', title: '填入表单 Fill in the form' }, '使用 Use');
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
  document.getElementById('app-title').textContent = title;
  document.title = `登录 Log in · ${title}`;
  if (config.status === 'fulfilled') {
    const users = config.value.demoUsers || [];
    if (users.length) showDemoUsers(users);
  } else if (!params.has('error')) {
    showMessage('error', `无法加载配置 Could not load configuration: ${config.reason.message}`);
  }
  if (me.status === 'fulfilled' && me.value.authenticated && !params.has('error')) {
    showMessage('info', `已登录为 ${me.value.username}。 Already logged in as ${me.value.username}.`);
  }
}

init();
