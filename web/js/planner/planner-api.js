// Calls of the planner: plan targets, coverage and site-planning runs (the coverage module).
import { getJson, sendJson, seg, withQuery } from '../core/api.js';

export const loadTargets = (asOf) => getJson(withQuery('api/targets', { trend: true, asOf }));
export const loadCoverage = (params) => getJson(withQuery('api/coverage', params));
export const loadRuns = () => getJson('api/planning/runs');
export const loadRun = (id) => getJson(`api/planning/runs/${seg(id)}`);
export const createRun = (request) => sendJson('POST', 'api/planning/runs', request);
