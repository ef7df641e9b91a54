// Calls of the places module: categories, a place and its edits, search, announcements and export
// (/api/places/…), and the naming cases (/api/naming/…).
import { getJson, sendJson, seg, withQuery } from '../core/api.js';

export const loadCategories = () => getJson('api/places/categories');
export const loadPlace = (id) => getJson(`api/places/${seg(id)}`);
/** The place as of a day (its `nameAsOf`). */
export const loadPlaceAsOf = (id, asOf) => getJson(withQuery(`api/places/${seg(id)}`, { asOf }));
export const savePlace = (id, body) => sendJson('PUT', `api/places/${seg(id)}`, body);

export const suggestPlaces = (q, limit) => getJson(withQuery('api/places/suggest', { q, limit }));
export const searchPlaces = (q, limit) => getJson(withQuery('api/places/search', { q, limit }));
/** Names near a point (lon, lat as sent: strings with 6 decimals), radius in metres. */
export const placesNear = (lon, lat, radius, limit) => getJson(withQuery('api/places/reverse', { lon, lat, radius, limit }));

export const loadAnnouncements = () => getJson('api/places/announcements');
/** Links (downloads and a feed), not calls. */
export const placesExportUrl = (format) => withQuery('api/places/export', { format });
export const ANNOUNCEMENTS_FEED_URL = 'api/places/announcements.atom';

export const loadNamingCases = () => getJson('api/naming/cases');
export const loadNamingCase = (id) => getJson(`api/naming/cases/${seg(id)}`);
/** Duplicate / homophone check and romanization proposal of a proposed name. */
export const checkName = (params) => getJson(withQuery('api/naming/check', params));
export const applyForName = (body) => sendJson('POST', 'api/naming/cases', body);
export const namingAction = (id, action, body) => sendJson('POST', `api/naming/cases/${seg(id)}/actions/${action.toLowerCase()}`, body);
