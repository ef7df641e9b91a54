// JSON access to the backend. Errors (RFC 9457 problem details or network
// failures) are raised as ApiError with a bilingual-ready title and detail.
// URLs are relative so the app also works under a servlet context path.

import { csrfToken } from './csrf.js';

export class ApiError extends Error {
  constructor(status, title, detail, parameter = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.parameter = parameter;
  }
}

export async function getJson(url) {
  let response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/geo+json, application/problem+json' },
    });
  } catch (e) {
    throw new ApiError(0, '网络错误 Network error', e.message);
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try { body = await response.json(); } catch { body = null; }
  }
  return checked(response, body, url);
}

function checked(response, body, url, allowEmpty = false) {
  if (!response.ok) {
    throw new ApiError(response.status,
      (body && body.title) || `HTTP ${response.status} ${response.statusText}`.trim(),
      (body && body.detail) || '', (body && body.parameter) || null);
  }
  if (body === null && !allowEmpty) throw new ApiError(response.status, '响应无效 Invalid response', `no JSON from ${url}`);
  return body;
}

/**
 * POST / PUT / DELETE with a JSON body. Spring's CSRF check needs the raw
 * XSRF-TOKEN cookie value in the X-XSRF-TOKEN header.
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
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try { body = await response.json(); } catch { body = null; }
  }
  return checked(response, body, url, true);
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
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try { body = await response.json(); } catch { body = null; }
  }
  return checked(response, body, url, true);
}
