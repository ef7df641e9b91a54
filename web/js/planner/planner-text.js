// Bilingual labels of the planner: coverage scenarios and rules.

export const SCENARIOS = { current: '现状 Current', planned: '含规划 With planned' };
/** Label of a scenario as echoed by the server (CURRENT / WITH_PLANNED) or as sent (current / planned). */
export const scenarioLabel = (s) => ({ CURRENT: SCENARIOS.current, WITH_PLANNED: SCENARIOS.planned, PLANNED: SCENARIOS.planned })[String(s || '').toUpperCase()] || s || '';

export const RULES = { containment: '所在村 Containment', distance: '距离 Distance' };
