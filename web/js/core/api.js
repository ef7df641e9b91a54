// JSON access to the backend: request() is the one helper every call goes through; each module's
// calls (their URLs) are in its own *-api.js (places/places-api.js, boundaries/boundaries-api.js …).
// Errors (RFC 9457 problem details or network failures) are raised as ApiError with a bilingual-ready title and detail;
// the whole problem body is kept (err.problem) for answers that carry more
// (an import's status and first result, a conflict's parameter).
// URLs are relative so the app also works under a servlet context path.
//
// 503 (database unavailable) is handled here, in one place: the error says
// that nothing was saved and when to retry (Retry-After), and a GET is sent
// once more after Retry-After seconds before the error is raised. While it
// waits, listeners of onUnavailable() are told (the page shows a notice).

import { csrfToken } from './csrf.js';

export class ApiError extends Error {
  constructor(status, title, detail, parameter = null, problem = null, retryAfter = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.parameter = parameter;
    /** The problem body as the server sent it (or null): extra members such as `status`, `result`. */
    this.problem = problem;
    /** Seconds from the Retry-After header (503, 429), or null. */
    this.retryAfter = retryAfter;
  }

  /** The database (or the service) is unavailable for a moment: nothing was stored, try again. */
  get unavailable() { return this.status === 503; }
}

/** Shown when a 503 comes without a detail of its own. */
const UNAVAILABLE_DETAIL = (s) => `数据库暂时无法连接，本次操作未保存任何内容，请 ${s} 秒后重试 / the database cannot be reached for the moment: nothing was saved, try again in ${s} seconds`;
const UNAVAILABLE_TITLE = '服务暂时不可用 Service unavailable';
/** Longest wait before the one retry of a GET, whatever Retry-After says. */
const MAX_RETRY_WAIT_S = 30;

const unavailableListeners = new Set();
/** listener({ waiting: seconds, url, error }) when a GET is retried, listener({ waiting: 0, url }) when it is over. */
export function onUnavailable(listener) {
  unavailableListeners.add(listener);
  return () => unavailableListeners.delete(listener);
}
function tellUnavailable(event) {
  for (const l of unavailableListeners) { try { l(event); } catch { /* a listener's failure is not the request's */ } }
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or null. */
function retryAfterOf(response) {
  const h = response.headers.get('Retry-After');
  if (!h) return null;
  if (/^\d+$/.test(h.trim())) return Number(h.trim());
  const t = Date.parse(h);
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - Date.now()) / 1000));
}

async function bodyOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try { return await response.json(); } catch { return null; }
}

/** The one place a refused answer becomes an ApiError. */
function errorOf(response, body) {
  const problem = body && typeof body === 'object' && !Array.isArray(body) ? body : null;
  const retryAfter = retryAfterOf(response);
  if (response.status === 503) {
    const s = retryAfter ?? 5;
    return new ApiError(503, UNAVAILABLE_TITLE, (problem && problem.detail) || UNAVAILABLE_DETAIL(s),
      (problem && problem.parameter) || null, problem, s);
  }
  return new ApiError(response.status,
    (problem && problem.title) || `HTTP ${response.status} ${response.statusText}`.trim(),
    (problem && problem.detail) || '', (problem && problem.parameter) || null, problem, retryAfter);
}

function checked(response, body, url, allowEmpty = false) {
  if (!response.ok) throw errorOf(response, body);
  if (body === null && !allowEmpty) throw new ApiError(response.status, '响应无效 Invalid response', `no JSON from ${url}`);
  return body;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

const READ_ACCEPT = 'application/json, application/geo+json, application/problem+json';
const WRITE_ACCEPT = 'application/json, application/problem+json';

/**
 * The one way the page calls the backend; every feature's *-api.js goes through it.
 * GET: a JSON answer is required; a 503 is retried once after Retry-After seconds (options.retry false: not).
 * Any other method: Spring's CSRF check needs the raw XSRF-TOKEN cookie value in the X-XSRF-TOKEN header;
 * the body is options.json (sent as JSON) or options.form (FormData, multipart); an empty answer is fine;
 * never retried: the user decides (a 503 says nothing was saved).
 * A refusal is raised as ApiError with the whole problem body in err.problem.
 */
export async function request(method, url, { json, form, retry = true } = {}) {
  if (method === 'GET') return getWithRetry(url, retry);
  const token = await csrfToken();
  const headers = { Accept: WRITE_ACCEPT };
  if (token) headers['X-XSRF-TOKEN'] = token;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form; // the browser sets the multipart Content-Type with its boundary
  }
  const response = await send(url, { method, credentials: 'same-origin', headers, body });
  return checked(response, await bodyOf(response), url, true);
}

async function getWithRetry(url, retry) {
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, { credentials: 'same-origin', headers: { Accept: READ_ACCEPT } });
    const body = await bodyOf(response);
    if (response.status === 503 && retry && attempt === 0) {
      const error = errorOf(response, body);
      const wait = Math.min(MAX_RETRY_WAIT_S, Math.max(1, error.retryAfter ?? 5));
      tellUnavailable({ waiting: wait, url, error });
      await sleep(wait * 1000);
      tellUnavailable({ waiting: 0, url });
      continue;
    }
    return checked(response, body, url);
  }
}

/** fetch, with a network failure raised as ApiError (status 0). */
async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, '网络错误 Network error', e.message);
  }
}

/** GET JSON (see request). */
export const getJson = (url, options = {}) => request('GET', url, options);

/** POST / PUT / DELETE with an optional JSON body (see request). */
export const sendJson = (method, url, data) => request(method, url, { json: data });

/** POST a multipart form (file uploads; see request). */
export const sendMultipart = (url, formData) => request('POST', url, { form: formData });

/** Query string from an object, skipping null / undefined / '' values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString();
}

/** `path?query` (or just path when no parameter is set). */
export function withQuery(path, params) {
  const q = query(params);
  return q ? `${path}?${q}` : path;
}

/** A path segment taken from data (an id or a code). */
export const seg = (value) => encodeURIComponent(value);

// The page-wide calls (site settings and the current user); each feature keeps its own in its *-api.js.
export const loadConfig = () => getJson('api/config');
export const loadMe = () => getJson('api/me');
