// Bilingual labels of the division layers: the OGC API collections shown and urban / rural.

export const URBAN_RURAL = {
  URBAN: '城镇 Urban',
  RURAL: '乡村 Rural',
  MIXED: '城乡混合 Mixed',
};

/** The three collections of the OGC API, in display order. */
export const COLLECTIONS = [
  { id: 'counties', zh: '县界', en: 'Counties' },
  { id: 'townships', zh: '乡镇', en: 'Townships' },
  { id: 'villages', zh: '村／社区', en: 'Villages & communities' },
];

export const collectionName = (c) => `${c.zh} ${c.en}`;
