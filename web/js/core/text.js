// Bilingual (Chinese first, English alongside) interface strings and value labels.

export const APP_NAME = '民政地图 Civil-affairs atlas';

export const URBAN_RURAL = {
  URBAN: '城镇 Urban',
  RURAL: '乡村 Rural',
  MIXED: '城乡混合 Mixed',
};

export const SYNTHETIC = '合成 synthetic';

export const SYNTHETIC_SHORT =
  '乡镇、村级边界与全部人口为程序生成，非真实数据；县界为真实数据。' +
  ' Township/village boundaries and all populations are generated, not real; county outlines are real.';

/** The three collections of the OGC API, in display order. */
export const COLLECTIONS = [
  { id: 'counties', zh: '县界', en: 'Counties' },
  { id: 'townships', zh: '乡镇', en: 'Townships' },
  { id: 'villages', zh: '村／社区', en: 'Villages & communities' },
];

export const collectionName = (c) => `${c.zh} ${c.en}`;

/** Facility type groups: colour and bilingual name (legend, markers). */
export const FACILITY_GROUPS = {
  COMMUNITY_SERVICE: { color: '#1565c0', zh: '社区服务', en: 'Community service' },
  SOCIAL_ASSISTANCE: { color: '#00897b', zh: '社会救助', en: 'Social assistance' },
  ELDERLY: { color: '#e65100', zh: '养老服务', en: 'Elderly care' },
  FUNERAL: { color: '#546e7a', zh: '殡葬服务', en: 'Funeral services' },
  RESCUE: { color: '#c2185b', zh: '救助管理', en: 'Rescue stations' },
  CHILD_WELFARE: { color: '#7b1fa2', zh: '儿童福利', en: 'Child welfare' },
  MENTAL_HEALTH: { color: '#5d4037', zh: '精神卫生', en: 'Mental health' },
  MARRIAGE: { color: '#d81b60', zh: '婚姻登记', en: 'Marriage registry' },
};
export const groupOf = (code) => FACILITY_GROUPS[code] || { color: '#424242', zh: code || '其他', en: 'Other' };

export const FACILITY_STATUS = {
  PLANNED: '规划 Planned',
  UNDER_CONSTRUCTION: '在建 Under construction',
  OPERATING: '运营 Operating',
  CLOSED: '关闭 Closed',
};

export const OPERATORS = { PUBLIC: '公办 Public', PRIVATE: '民办 Private' };

export const SCENARIOS = { current: '现状 Current', planned: '含规划 With planned' };
/** Label of a scenario as echoed by the server (CURRENT / WITH_PLANNED) or as sent (current / planned). */
export const scenarioLabel = (s) => ({ CURRENT: SCENARIOS.current, WITH_PLANNED: SCENARIOS.planned, PLANNED: SCENARIOS.planned })[String(s || '').toUpperCase()] || s || '';

export const RULES = { containment: '所在村 Containment', distance: '距离 Distance' };

export const URBAN_RURAL_FILTER = { rural: '乡村（村）Rural villages', urban: '城镇（社区）Urban communities', '': '全部 All' };

/** "城市社区… Urban community…" for a facility type object. */
export const typeName = (t) => (t ? `${t.nameZh} ${t.nameEn}` : '—');

const pct = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const percent = (share) => (share === null || share === undefined || Number.isNaN(share) ? '—' : `${pct.format(share * 100)} %`);
export const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
