// Names from the dataset (countries, elements, groups, regions, uses) in Japanese. The dataset carries English names;
// a Japanese page shows these instead. names.test.ts fails when a code in the shipped CSVs has no entry here.
import type { Locale } from './translate';

/** ISO 3166-1 alpha-3 code (and the dataset's aggregates WLD, ROW, EUU) → Japanese name. */
export const COUNTRY_NAMES_JA = {
  WLD: '世界',
  ROW: 'その他の国',
  EUU: '欧州連合（EU27か国）',
  AUS: 'オーストラリア',
  BDI: 'ブルンジ',
  BRA: 'ブラジル',
  CAN: 'カナダ',
  CHL: 'チリ',
  CHN: '中国',
  DEU: 'ドイツ',
  EST: 'エストニア',
  FRA: 'フランス',
  GRL: 'グリーンランド',
  IND: 'インド',
  JPN: '日本',
  KOR: '韓国',
  MDG: 'マダガスカル',
  MMR: 'ミャンマー',
  MYS: 'マレーシア',
  NGA: 'ナイジェリア',
  NLD: 'オランダ',
  RUS: 'ロシア',
  THA: 'タイ',
  TZA: 'タンザニア',
  USA: '米国',
  VNM: 'ベトナム',
  ZAF: '南アフリカ',
} as const satisfies Record<string, string>;

/** Element symbols and the dataset's material groups → Japanese name. */
export const MATERIAL_NAMES_JA = {
  La: 'ランタン',
  Ce: 'セリウム',
  Pr: 'プラセオジム',
  Nd: 'ネオジム',
  Pm: 'プロメチウム',
  Sm: 'サマリウム',
  Eu: 'ユウロピウム',
  Gd: 'ガドリニウム',
  Tb: 'テルビウム',
  Dy: 'ジスプロシウム',
  Ho: 'ホルミウム',
  Er: 'エルビウム',
  Tm: 'ツリウム',
  Yb: 'イッテルビウム',
  Lu: 'ルテチウム',
  Sc: 'スカンジウム',
  Y: 'イットリウム',
  REE: 'レアアース全体',
  LREE: '軽希土類',
  HREE: '重希土類',
  NdPr: 'NdPr（ネオジム・プラセオジム）',
} as const satisfies Record<string, string>;

/** The regions of countries.csv. */
export const REGION_NAMES_JA = {
  World: '世界',
  Asia: 'アジア',
  Europe: '欧州',
  Africa: 'アフリカ',
  Oceania: 'オセアニア',
  'North America': '北米',
  'South America': '南米',
} as const satisfies Record<string, string>;

/** The uses listed in elements.csv. */
export const USE_NAMES_JA = {
  catalysts: '触媒',
  batteries: '電池',
  polishing: '研磨剤',
  'permanent magnets': '永久磁石',
  phosphors: '蛍光体',
  ceramics: 'セラミックス',
  'fibre optics': '光ファイバー',
  'medical scintillators': '医療用シンチレーター',
} as const satisfies Record<string, string>;

type Kind = 'country' | 'material' | 'region' | 'use';
const JA: Record<Kind, Readonly<Record<string, string>>> = {
  country: COUNTRY_NAMES_JA,
  material: MATERIAL_NAMES_JA,
  region: REGION_NAMES_JA,
  use: USE_NAMES_JA,
};

/**
 * A dataset name in the page's language: Japanese from the dictionaries above, else the English the data carries.
 * @example localName('ja', 'country', 'JPN', 'Japan') // '日本'
 */
export function localName(locale: Locale, kind: Kind, code: string, english: string = code): string {
  if (locale !== 'ja') return english;
  return Object.hasOwn(JA[kind], code) ? (JA[kind][code] ?? english) : english;
}

/** A name picker bound to one locale, for components that name many countries or materials. */
export function namer(locale: Locale) {
  return {
    country: (iso3: string, english?: string) => localName(locale, 'country', iso3, english),
    material: (code: string, english?: string) => localName(locale, 'material', code, english),
    region: (region: string) => localName(locale, 'region', region),
    use: (use: string) => localName(locale, 'use', use),
  };
}
