// Calls of the facilities module (/api/facilities, /api/facility-types).
import { getJson, sendJson, seg } from '../core/api.js';

export const loadFacilityTypes = () => getJson('api/facility-types');
export const loadFacilities = () => getJson('api/facilities');
export const loadFacility = (id) => getJson(`api/facilities/${seg(id)}`);
/** Create (no id) or update; confirmOutside: the planner confirmed a location outside the county. */
export const saveFacility = (id, body, confirmOutside) =>
  sendJson(id ? 'PUT' : 'POST', `api/facilities${id ? `/${seg(id)}` : ''}${confirmOutside ? '?confirmOutside=true' : ''}`, body);
export const deleteFacility = (id) => sendJson('DELETE', `api/facilities/${seg(id)}`);
