// Bilingual labels and styles of the boundaries module: levels, markers, inspections, disputes, line styles.
import { el } from '../core/escape.js';
import { SYNTHETIC } from '../core/text.js';

export const LEVELS = { COUNTY: '县级 County', TOWNSHIP: '乡级 Township', VILLAGE: '村级 Village' };

export const MARKER_TYPES = { SINGLE: '单立 Single', DOUBLE: '双立 Double', TRIPLE: '三立 Triple' };
export const MARKER_CONDITIONS = {
  INTACT: { label: '完好 Intact', color: '#2e7d32' },
  DAMAGED: { label: '损坏 Damaged', color: '#ef6c00' },
  MISSING: { label: '缺失 Missing', color: '#c62828' },
  MOVED: { label: '移位 Moved', color: '#6a1b9a' },
};
export const conditionLabel = (c) => (MARKER_CONDITIONS[c] ? MARKER_CONDITIONS[c].label : c || '—');
export const CRS = { 'EPSG:4326': 'WGS 84 (EPSG:4326)', 'EPSG:4490': 'CGCS2000 (EPSG:4490)', 'GCJ-02': 'GCJ-02（国测局 mars）' };

export const INSPECTION_KINDS = {
  ROUTINE: '例行联检 Routine', FLOOD: '洪水后 After flood', RIVER_SHIFT: '河流改道 River shift',
  ROAD_WORKS: '道路施工 Road works', OTHER: '其他 Other',
};
export const INSPECTION_STATUS = { OK: '正常 OK', DUE: '到期 Due', OVERDUE: '逾期 Overdue' };

export const DISPUTE_STATUS = {
  REPORTED: '已报告 Reported', INVESTIGATING: '调查中 Investigating', NEGOTIATING: '协商中 Negotiating',
  MEDIATION: '调解中 Mediation', DECIDED: '已裁决 Decided', ARCHIVED: '已归档 Archived',
};

/** Claimed and other lines of a dispute: CLAIM_A and CLAIM_B in clearly different colours. */
export const DISPUTE_LINES = {
  CLAIM_A: { label: '甲方主张线 Claim of party A', color: '#d32f2f', weight: 4, dashArray: null },
  CLAIM_B: { label: '乙方主张线 Claim of party B', color: '#1565c0', weight: 4, dashArray: '10 6' },
  LAWFUL: { label: '法定线 Lawful line', color: '#111111', weight: 3, dashArray: null },
  CUSTOMARY: { label: '习惯线 Customary line', color: '#8d6e63', weight: 3, dashArray: '2 6' },
  ACTUAL_JURISDICTION: { label: '实际管辖线 Actual jurisdiction', color: '#2e7d32', weight: 3, dashArray: '12 4 2 4' },
};

export const LINE_STYLES = {
  COUNTY: { color: '#4a148c', weight: 4.5, opacity: 0.9 },
  TOWNSHIP: { color: '#00695c', weight: 2.6, opacity: 0.9 },
  VILLAGE: { color: '#6d4c41', weight: 1.1, opacity: 0.85 },
};

/** "甲 — 乙": a line by the names (else codes) of the units on its two sides. */
export const lineName = (l) => `${l.nameA || l.codeA} — ${l.nameB || l.codeB}`;
/** The tag of a generated (synthetic) line. */
export const syntheticTag = () => el('span', { class: 'tag tag-synthetic', title: '程序生成的界线 Generated line' }, SYNTHETIC);
