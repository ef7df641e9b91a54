// Login page: CSRF-protected form, ?error / ?logout messages, demo accounts box.
import { loadConfig, loadMe } from './api.js';
import { el } from './escape.js';
import { protectForm } from './csrf.js';
import { APP_NAME } from './text.js';
import { bi, biText, biAttr, initLang, langSwitch, onLangChange, titleText, pick } from './i18n.js';

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

protectForm(form, () => showMessage('error', bi('缺少 CSRF 令牌，请刷新页面。', 'Missing CSRF token, please reload the page.')));

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
