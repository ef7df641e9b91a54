// Bilingual (Chinese first, English alongside) strings and number formats used by the whole page;
// each module keeps its own value labels (map/division-text.js, facilities/facility-text.js, …).

export const APP_NAME = '民政地图 Civil-affairs atlas';

export const SYNTHETIC = '合成 synthetic';

export const SYNTHETIC_SHORT =
  '乡镇、村级边界与全部人口为程序生成，非真实数据；县界为真实数据。' +
  ' Township/village boundaries and all populations are generated, not real; county outlines are real.';

const pct = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const percent = (share) => (share === null || share === undefined || Number.isNaN(share) ? '—' : `${pct.format(share * 100)} %`);
export const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
