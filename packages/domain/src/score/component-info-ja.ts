// The nine components in Japanese, for the Japanese method document: the same ids as COMPONENT_INFO, typed so a
// new component without a Japanese entry fails typecheck.
import type { ComponentId } from './method.ts';

export const COMPONENT_INFO_JA: Readonly<
  Record<ComponentId, { label: string; formula: string; why: string }>
> = {
  supplierConcentration: {
    label: '供給国の集中度',
    formula:
      '需要国の供給（国別の輸入＋国内生産）のHHI ÷ 10,000。未配分の供給は何も加えない（分散とみなす）か、最悪の場合はその2乗',
    why: '供給国が少ないと、一つの決定や事故で供給の大半が失われうる（DOJ/FTC 2010の区分：2,500超は高度に集中。2023年指針は1,800で線を引く）。',
  },
  governanceConcentration: {
    label: 'ガバナンス加重の集中度',
    formula:
      '供給シェアについて Σ sᵢ² × WGIᵢ ÷ 10（EUのHHI_WGIと同じ）。本手法は国内供給をWGI 0として数える（独自の約束）',
    why: '供給国のガバナンスが弱いほど、集中の意味は大きくなる（eu-crm-2017）。',
  },
  largestSupplier: {
    label: '最大供給国への依存',
    formula: '名前のある最大の海外供給国の供給シェア（未配分の供給は供給国にならない）',
    why: '一国が差し止めうる量（IEAは上位3か国のシェアも併記する）。',
  },
  restrictedSupply: {
    label: '輸出を制限する国からの供給',
    formula: '基準日にこの物質・この需要国向けの輸出管理が発効している国からの供給シェア',
    why: '輸出枠、許可制、禁止（中国 2009–2014年、2010年、2025年）は、集中を実際の途絶に変える。',
  },
  partnerSupply: {
    label: 'パートナーに確保されていない供給',
    formula: '1 − （発効中の協定の供給元の国からの、明細のある供給のシェア ＋ 国内比率）',
    why: '引取契約と出資（双日–ライナス、JARE）は、需要国への供給を優先的に保つ。',
  },
  importReliance: {
    label: '輸入依存度',
    formula: '（輸入 − 輸出） ÷ （国内生産 ＋ 輸入 − 輸出）、0–1に丸める（eu-crm-2017）',
    why: '自国で生産する分は、他国に断たれることがない。',
  },
  recyclingAndDomestic: {
    label: 'リサイクルと国内供給',
    formula: '1 − ［リサイクル比率 ＋ （1 − リサイクル比率） × 国内比率］',
    why: '二次資源と国内資源は需要国自身の管理下にある。',
  },
  substitutability: {
    label: '代替可能性',
    formula: '代替性指数 SI_SR（0 = 完全に代替可能、1 = 代替なし）',
    why: '代替できる物質は、しばらくはなしで済ませられる。',
  },
  stockpileCover: {
    label: '備蓄によるカバー',
    formula: '0 と (1 − 保有する備蓄日数 ÷ 180) の大きい方。目標は保有ではなく、非公表の保有量は不明とする',
    why: '日本の2020年の戦略は高リスク金属で最大180日を目指す。備蓄は調達先を替える時間を稼ぐ。',
  },
};
