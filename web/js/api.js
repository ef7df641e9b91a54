// JSON access to the backend. Errors (RFC 9457 problem details or network
// failures) are raised as ApiError with a bilingual-ready title and detail.
// URLs are relative so the app also works under a servlet context path.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
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
  if (!response.ok) {
    throw new ApiError(response.status,
      (body && body.title) || `HTTP ${response.status} ${response.statusText}`.trim(),
      (body && body.detail) || '');
  }
  if (body === null) throw new ApiError(response.status, '响应无效 Invalid response', `no JSON from ${url}`);
  return body;
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
