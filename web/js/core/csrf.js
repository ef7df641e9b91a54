// CSRF for Spring Security form posts: the token is the XSRF-TOKEN cookie,
// copied into a hidden `_csrf` field right before the form is submitted.

export function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/**
 * The current token; if the cookie is not set yet, make one request to get it issued. That request is plain
 * fetch, not core/api.js's request(): request() asks for the token here, and the answer is not read.
 */
export async function csrfToken() {
  let token = readCookie('XSRF-TOKEN');
  if (!token) {
    try { await fetch('api/me', { credentials: 'same-origin' }); } catch { /* reported below */ }
    token = readCookie('XSRF-TOKEN');
  }
  return token;
}

/** Fill the form's hidden `_csrf` input at submit time; onMissing() if no token can be had. */
export function protectForm(form, onMissing) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = await csrfToken();
    if (!token) { if (onMissing) onMissing(); return; }
    let input = form.querySelector('input[name="_csrf"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = '_csrf';
      form.append(input);
    }
    input.value = token;
    form.submit(); // does not fire 'submit' again
  });
}
