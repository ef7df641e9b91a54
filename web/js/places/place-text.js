// Bilingual labels of the places module: search match kinds, other-name kinds, place status, naming cases.

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
