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
