// Calls of the boundaries module: lines and their dossiers, inspections, markers, the topology check
// and disputes (/api/boundaries/…).
import { getJson, sendJson, sendMultipart, seg, withQuery } from '../core/api.js';

export const loadInspectionStatus = () => getJson('api/boundaries/inspections/status');
/** A line's dossier (particulars, versions, markers, inspections, disputes as the caller may see). */
export const loadLine = (code) => getJson(`api/boundaries/lines/${seg(code)}`);
export const recordInspection = (lineCode, body) => sendJson('POST', `api/boundaries/lines/${seg(lineCode)}/inspections`, body);
export const addMarker = (body) => sendJson('POST', 'api/boundaries/markers', body);
export const recordMarkerCondition = (markerId, body) => sendJson('POST', `api/boundaries/markers/${seg(markerId)}/conditions`, body);
export const checkTopology = (parent) => getJson(withQuery('api/boundaries/topology', { parent }));

export const loadDisputes = () => getJson('api/boundaries/disputes');
export const loadDispute = (id) => getJson(`api/boundaries/disputes/${seg(id)}`);
export const logDispute = (body) => sendJson('POST', 'api/boundaries/disputes', body);
export const addDisputeEvent = (id, body) => sendJson('POST', `api/boundaries/disputes/${seg(id)}/events`, body);
export const addDisputeLine = (id, version, body) => sendJson('POST', withQuery(`api/boundaries/disputes/${seg(id)}/lines`, { version }), body);
export const fileDispute = (id, body) => sendJson('POST', `api/boundaries/disputes/${seg(id)}/filing`, body);
export const attachToDispute = (id, evidenceKind, formData) =>
  sendMultipart(withQuery(`api/boundaries/disputes/${seg(id)}/attachments`, { evidenceKind }), formData);
/** A link (opened in a new window), not a call. */
export const disputeAttachmentUrl = (id, attachmentId) => `api/boundaries/disputes/${seg(id)}/attachments/${seg(attachmentId)}`;
