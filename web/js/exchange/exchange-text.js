// Bilingual labels and choices of the exchange module: the import layers (and who may import them), the
// facility fields of a mapping, problem kinds, CRS and encoding choices, and the export menu.

const DIVISION_IMPORT_ROLES = ['ADMIN', 'NAME_OFFICER', 'BOUNDARY_OFFICER'];
const FACILITY_IMPORT_ROLES = ['PLANNER', 'ADMIN'];

/** [layer, label, roles that may import it] (the server checks the same per layer). */
export const IMPORT_LAYERS = [
  ['counties', '县界 Counties', DIVISION_IMPORT_ROLES],
  ['townships', '乡镇 Townships', DIVISION_IMPORT_ROLES],
  ['villages', '村／社区 Villages & communities', DIVISION_IMPORT_ROLES],
  ['facilities', '民政设施 Facilities', FACILITY_IMPORT_ROLES],
];

/** Facility fields of the import mapping, in the server's order. */
export const FACILITY_FIELDS = {
  externalId: '编号 Identifier',
  type: '类型 Type（代码或中文名 code or Chinese name）',
  name: '名称 Name',
  status: '状态 Status',
  operator: '举办主体 Operator',
  beds: '床位 Beds',
  nursingBeds: '护理型床位 Nursing beds',
  floorAreaM2: '建筑面积 Floor area (m²)',
  staff: '工作人员 Staff',
  plannedOn: '规划日期 Planned on',
  constructionStartedOn: '开工日期 Construction started',
  openedOn: '启用日期 Opened on',
  closedOn: '关闭日期 Closed on',
};

/** Colours of the previewed facility points by what a commit would do. */
export const POINT_ACTIONS = {
  create: ['#2e7d32', '新建 New'],
  update: ['#1565c0', '更新 Update'],
  error: ['#b71c1c', '有问题 Problem'],
};

/** CRS choices of the import form; '' = as declared by the file, '*' = typed in. */
export const IMPORT_CRS = [
  ['', '按文件声明 As declared in the file'],
  ['EPSG:4326', 'EPSG:4326 WGS 84 经纬度'],
  ['EPSG:4490', 'EPSG:4490 CGCS2000 经纬度'],
  ['EPSG:4534', 'EPSG:4534 CGCS2000 3° 高斯-克吕格 CM 75°E'],
  ['EPSG:4502', 'EPSG:4502 CGCS2000 6° 高斯-克吕格 CM 75°E'],
  ['GCJ-02', 'GCJ-02 国测局（高德、腾讯）Mars coordinates'],
  ['BD-09', 'BD-09 百度 Baidu'],
  ['*', '其他… Other (type a code)'],
];

export const ENCODINGS = [['UTF-8', 'UTF-8'], ['GBK', 'GBK（GB2312）']];

export const PROBLEM_KINDS = {
  unreadable: '无法读取 Unreadable',
  'no-geometry': '无几何 No geometry',
  crs: '坐标转换 CRS',
  'wrong-type': '几何类型不符 Wrong type',
  invalid: '无效几何 Invalid geometry',
  'no-code': '缺少代码 No code',
  'duplicate-code': '代码重复 Duplicate code',
  'unknown-code': '未知代码 Unknown code',
  'unknown-type': '未知类型 Unknown type',
  'no-name': '缺少名称 No name',
  'bad-status': '状态无效 Bad status',
  'bad-value': '取值无效 Bad value',
  'bad-number': '数字无效 Bad number',
  'bad-date': '日期无效 Bad date',
  negative: '负数 Negative',
  rules: '不符合规则 Rule broken',
  'duplicate-key': '编号重复 Duplicate key',
  'unknown-atlas-id': '图集编号不存在 Unknown atlas id',
  ambiguous: '无法确定 Ambiguous match',
};

export const CRS_SOURCE = {
  'declared by the file': '文件声明 declared by the file',
  'stated by the user': '用户指定 stated by the user',
};

export const EXPORT_COLLECTIONS = [
  ['counties', '县界 Counties'],
  ['townships', '乡镇 Townships'],
  ['villages', '村／社区 Villages & communities'],
  ['facilities', '民政设施 Facilities'],
  ['place-names', '地名 Place names'],
  ['boundary-lines', '界线 Boundary lines'],
];
export const EXPORT_FORMATS = [
  ['geojson', 'GeoJSON (.geojson)'],
  ['gpkg', 'GeoPackage (.gpkg)'],
  ['shp', 'Shapefile（zip 压缩包 zipped）'],
  ['csv', 'CSV（WKT 几何 geometry as WKT）'],
];
export const EXPORT_CRS = [
  ['EPSG:4326', 'EPSG:4326 WGS 84 经纬度'],
  ['EPSG:4490', 'EPSG:4490 CGCS2000 经纬度'],
  ['EPSG:4534', 'EPSG:4534 CGCS2000 3° 高斯-克吕格 CM 75°E'],
];
