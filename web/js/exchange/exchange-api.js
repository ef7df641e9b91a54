// Calls of the exchange module: an import's upload (preview), its state and its commit (/api/imports/…),
// and the export links (/api/exports/…).
import { getJson, sendJson, sendMultipart, seg, withQuery } from '../core/api.js';

/** Upload a file for a layer: the server checks it and answers the preview; nothing is stored yet. */
export const uploadImport = (params, formData) => sendMultipart(withQuery('api/imports', params), formData);
export const loadImport = (id) => getJson(`api/imports/${seg(id)}`);
/** Commit a previewed import; body: the layer's choices (code field and invalid geometries, or the field mapping). */
export const commitImport = (id, body) => sendJson('POST', `api/imports/${seg(id)}/commit`, body);
/** A download link, not a call. */
export const exportUrl = (collection, params) => withQuery(`api/exports/${seg(collection)}`, params);
