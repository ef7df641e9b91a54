// The OGC API Features collections (the layers module): division, place-name and boundary layers.
import { ApiError, getJson, seg } from '../core/api.js';

/**
 * Load all features of an OGC API collection, following rel="next" links
 * (bounded). Returns { features, numberMatched }.
 */
export async function loadCollection(id, limit = 1000, maxPages = 50) {
  let url = `ogc/collections/${seg(id)}/items?limit=${limit}`;
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
