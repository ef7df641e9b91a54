// Bilingual labels of the facilities module: type groups (colour, legend), status, operator, type names.

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

/** "城市社区… Urban community…" for a facility type object. */
export const typeName = (t) => (t ? `${t.nameZh} ${t.nameEn}` : '—');
