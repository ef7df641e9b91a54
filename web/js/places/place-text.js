// Bilingual labels for the gazetteer (place names, naming cases) and boundaries.

export const MATCH_KINDS = {
  EXACT: '完全匹配 exact',
  PREFIX: '前缀 prefix',
  SUBSTRING: '包含 contains',
  PINYIN: '拼音 pinyin',
  INITIALS: '首字母 initials',
  UYGHUR: '维吾尔文 Uyghur',
  FUZZY: '近似 similar',
  FORMER: '曾用名 former name',
  NEARBY: '附近 nearby',
};
export const matchKindLabel = (k) => MATCH_KINDS[k] || k || '';

export const ALT_KINDS = {
  SHORT: '简称 short name',
  COLLOQUIAL: '俗称 colloquial',
  FORMER: '曾用名 former name',
  ALIAS: '别名 alias',
  MINORITY: '少数民族语 minority language',
};

export const PLACE_STATUS = { STANDARD: '标准名称 Standard', HISTORICAL: '历史地名 Historical', PROPOSED: '拟用 Proposed' };

export const CASE_KINDS = { NAMING: '命名 Naming', RENAMING: '更名 Renaming' };

export const CASE_STATES = {
  APPLIED: '已申请 Applied',
  REVIEWING: '评估论证中 Under review',
  CONSULTING: '征求意见中 Consultation',
  APPROVED: '已批准 Approved',
  PUBLISHED: '已公告备案 Published',
  REJECTED: '不予批准 Rejected',
  WITHDRAWN: '已撤回 Withdrawn',
};

export const ACTIONS = {
  APPLY: '申请 Apply',
  START_REVIEW: '开始评估 Start review',
  ADD_REPORT: '添加报告 Add report',
  OPEN_CONSULTATION: '征求意见 Open consultation',
  ADD_COMMENT: '登记意见 Add comment',
  APPROVE: '批准 Approve',
  RECORD_ANNOUNCEMENT: '登记公告 Record announcement',
  RECORD_FILING: '登记备案 Record filing',
  PUBLISH: '发布生效 Publish',
  REJECT: '不予批准 Reject',
  WITHDRAW: '撤回 Withdraw',
};
export const actionLabel = (a) => ACTIONS[String(a || '').toUpperCase()] || a;

export const REPORT_KINDS = { ASSESSMENT: '综合评估报告 Assessment', EXPERT: '专家论证 Expert opinion', CONSULTATION: '征求意见报告 Consultation report' };

export const CONFLICT_KINDS = { IDENTICAL: '重名 identical', HOMOPHONE: '同音 homophone' };

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
