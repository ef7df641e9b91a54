// JSON access to the backend. Errors (RFC 9457 problem details or network
// failures) are raised as ApiError with a bilingual-ready title and detail;
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

/** GET JSON; a 503 is retried once after Retry-After seconds (options.retry false: not). */
export async function getJson(url, options = {}) {
  const retry = options.retry !== false;
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json, application/geo+json, application/problem+json' },
      });
    } catch (e) {
      throw new ApiError(0, '网络错误 Network error', e.message);
    }
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

/**
 * POST / PUT / DELETE with a JSON body. Spring's CSRF check needs the raw
 * XSRF-TOKEN cookie value in the X-XSRF-TOKEN header. Never retried: the
 * user decides (a 503 says nothing was saved).
 */
export async function sendJson(method, url, data) {
  const token = await csrfToken();
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers['X-XSRF-TOKEN'] = token;
  if (data !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method, credentials: 'same-origin', headers,
      body: data === undefined ? undefined : JSON.stringify(data),
    });
  } catch (e) {
    throw new ApiError(0, '网络错误 Network error', e.message);
  }
  return checked(response, await bodyOf(response), url, true);
}

/** Query string from an object, skipping null / undefined / '' values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return q.toString();
}

export const loadConfig = () => getJson('api/config');
export const loadMe = () => getJson('api/me');

/**
 * Load all features of an OGC API collection, following rel="next" links
 * (bounded). Returns { features, numberMatched }.
 */
export async function loadCollection(id, limit = 1000, maxPages = 50) {
  let url = `ogc/collections/${encodeURIComponent(id)}/items?limit=${limit}`;
  const features = [];
  let numberMatched = null;
  for (let page = 0; url && page < maxPages; page++) {
    const fc = await getJson(url);
    if (!fc || !Array.isArray(fc.features)) throw new ApiError(200, '响应无效 Invalid response', `${id}: not a FeatureCollection`);
    features.push(...fc.features);
    if (typeof fc.numberMatched === 'number') numberMatched = fc.numberMatched;
    const next = (fc.links || []).find((l) => l.rel === 'next');
    url = next && fc.features.length > 0 ? next.href : null;
  }
  return { features, numberMatched };
}

export const loadFacilityTypes = () => getJson('api/facility-types');
export const loadFacilities = () => getJson('api/facilities');
export const loadTargets = (asOf) => getJson(`api/targets?${query({ trend: true, asOf })}`);
export const loadCoverage = (params) => getJson(`api/coverage?${query(params)}`);
export const loadRuns = () => getJson('api/planning/runs');
export const loadRun = (id) => getJson(`api/planning/runs/${encodeURIComponent(id)}`);
export const createRun = (request) => sendJson('POST', 'api/planning/runs', request);
export const saveFacility = (id, body, confirmOutside) =>
  sendJson(id ? 'PUT' : 'POST', `api/facilities${id ? `/${encodeURIComponent(id)}` : ''}${confirmOutside ? '?confirmOutside=true' : ''}`, body);
export const deleteFacility = (id) => sendJson('DELETE', `api/facilities/${encodeURIComponent(id)}`);

/** POST a multipart form (file uploads); same CSRF header and error handling as sendJson. */
export async function sendMultipart(url, formData) {
  const token = await csrfToken();
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response;
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers, body: formData });
  } catch (e) {
    throw new ApiError(0, '网络错误 Network error', e.message);
  }
  return checked(response, await bodyOf(response), url, true);
}
