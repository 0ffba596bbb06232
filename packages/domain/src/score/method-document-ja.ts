// The method document in Japanese (the portal's method page in Japanese): the same numbers as methodDocument(),
// computed by the same code, so a weight or example never differs between the languages. A test compares the
// numeric cells of every table with the English document's.
import { type EuCrm2023Reproduction, reproduceEuCrm2023 } from '../indicators/eu-crm-2023.ts';
import { COMPANY_UPLOAD_SOURCE } from '../method/company-score.ts';
import { dataMaterials } from '../method/materials.ts';
import {
  FALLBACK_QUALITY,
  MAX_FIGURE_AGE_YEARS,
  MAX_STAND_IN_AGE_YEARS,
  PROXY_QUALITY,
  QUALITY_LOST_PER_YEAR,
  STATUS_QUALITY,
} from '../method/parameters.ts';
import { EU27, EU27_MEMBERS } from '../region/eu27.ts';
import { disruptionProbability } from '../simulation/risk.ts';
import { COMPONENT_INFO_JA } from './component-info-ja.ts';
import {
  ComponentId,
  DEFAULT_WEIGHTS,
  FULL_STOCKPILE_DAYS,
  MAX_UNSCORED_GOVERNANCE_SHARE,
  METHOD_VERSION,
  MIN_COVERAGE,
} from './method.ts';
import { backTestEmbargo, backTestScores, EMBARGO_CUTS, WORKED_EXAMPLE } from './method-examples.ts';
import { resilienceScore } from './resilience-score.ts';
import { scoreSensitivity } from './sensitivity.ts';

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)} %`;
const num = (x: number, digits = 2) => x.toFixed(digits);
const label = (id: ComponentId) => COMPONENT_INFO_JA[id].label;
/** Names and titles kept in their own language inside the Japanese text (inline HTML, from code, never input). */
const en = (text: string) => `<span lang="en">${text}</span>`;
/** Source ids (eu-crm-2017) are identifiers: marked so, as no translation applies to them. */
const sourceIds = (doc: string) =>
  doc.replace(/(?<![\w-])(eu-crm-20\d\d|wgi-2022|doj-hmg-2010)(?![\w-])/g, '<span translate="no">$1</span>');

const FALLBACK_JA: Record<string, string> = {
  own: '自身',
  mix: '商業混合物',
  group: 'グループ',
  all: '全レアアース',
};
const STATUS_JA: Record<string, string> = { verified: '検証済み', estimated: '推定', unverified: '未検証' };

function componentTable(): string {
  return ComponentId.options
    .map(
      (id) =>
        `| ${label(id)} | ${COMPONENT_INFO_JA[id].formula} | ${num(DEFAULT_WEIGHTS[id])} | ${COMPONENT_INFO_JA[id].why} |`,
    )
    .join('\n');
}

function workedExample(): string {
  const example = resilienceScore(WORKED_EXAMPLE);
  const sensitivity = scoreSensitivity(WORKED_EXAMPLE);
  if (example.status !== 'ok' || !sensitivity) throw new Error('the worked example must have enough data');
  const rows = example.components
    .map(
      (c) =>
        `| ${label(c.id)} | ${num(c.risk, 3)} | ${num(c.weight, 3)} | ${num(c.points, 2)} / ${num(c.maxPoints, 2)} |`,
    )
    .join('\n');
  const sens = sensitivity.components
    .map(
      (c) =>
        `| ${label(c.id)} | ${num(c.pointsLost, 2)} | ${c.weightUp >= 0 ? '+' : ''}${num(c.weightUp, 2)} | ${c.weightDown >= 0 ? '+' : ''}${num(c.weightDown, 2)} |`,
    )
    .join('\n');
  return `### 1. 構成要素ごとに（説明用の丸めた数値）

日本の分離段階のジスプロシウム：90 % が中国から（WGI 5.67、輸出許可制が発効中）、10 % がマレーシアから
（4.14、パートナー）、リサイクル 1 %、代替性指数 0.9、備蓄 60 日分を保有。

| 構成要素 | リスク | 重み | 点数 / 満点 |
|---|---|---|---|
${rows}

**スコア：${num(example.score, 1)}**（カバー率 ${pct(example.coverage)}）。最も足を引っ張るのは
**${label(example.drag ?? 'supplierConcentration')}**。

感度（\`scoreSensitivity\`）：各構成要素のリスクが失わせる点数と、その重みを半分だけ上げ下げしたとき（他は再正規化）に
スコアがどれだけ動くか。最も大きく動かす重み：**${label(sensitivity.mostSensitiveWeight ?? 'supplierConcentration')}**。

| 構成要素 | 失われる点数 | 重み × 1.5 | 重み × 0.5 |
|---|---|---|---|
${sens}`;
}

function backTest(): string {
  const { end2009, embargo, end2010 } = backTestScores();
  const embargoRun = backTestEmbargo();
  const score = (r: typeof end2009) => (r.result.score === null ? 'データ不足' : num(r.result.score, 1));
  const shortfall = embargoRun.deterministic.totals.shortfall;
  const restricted = embargo.result.components.find((c) => c.id === 'restrictedSupply')?.risk ?? 0;
  return `### 2. 検証：2009年のデータと2010年の禁輸（\`BACK_TEST_ROWS\` から再計算）

同梱のデータセットと同じ行：日本の輸入は2009年に 85.49 %、2010年に 81.61 % が中国から（財務省、サーチナ経由）。
2010年のウォール・ストリート・ジャーナルの「中国から約20,000 t」は総量のない数量なのでシェアではない。中国の輸出枠は
2009年から発効（それ以前の年はデータにない）し、2010年に約 40 % 削減された。中国は2010-09-21から2010-11-20まで
日本向けの輸出を止めた（グローバル・トレード・アラート）。

- 2009年末：**${score(end2009)}**（カバー率 ${pct(end2009.result.coverage)}）。最も足を引っ張るのは
  ${label(end2009.result.drag ?? 'supplierConcentration')}：中国の輸出枠がすでに輸出を制限していた。
- 禁輸中の2010-10-15：**${score(embargo)}**、輸出を制限する国からの供給 ${pct(restricted, 1)}（禁輸と輸出枠の削減）。
- 2010年末：**${score(end2010)}**（禁輸は終わり、輸出枠の削減はまだ発効中）。
- 2009年の基準での禁輸の試算（年100の指数。中国の 85.49 を、日本の税関の記録どおり10月に ${pct(EMBARGO_CUTS.october)}、
  11月に ${pct(EMBARGO_CUTS.november)} 削減。他の供給国に 10 % の余剰能力。備蓄なし）：不足は100のうち
  **${num(shortfall, 1)}**、1年分の需要の ${pct(shortfall / 100, 1)}。その後：日本の輸入は2011年に15,400 t へ減り
  （−34 %、日経）、中国のシェアは 68.4 % になった。`;
}

/** Why an EU figure can or cannot be reproduced, in Japanese (the English reasons come with the reproduction). */
function whyJa(r: EuCrm2023Reproduction): string {
  if (r.matches)
    return '処理段階を世界の供給のみ（`GSonly`）で、中国 100 %・WGI 5.67：SR = 5.67 × (1 − `EoL-RIR`) × SI_SR';
  if (r.reproduced !== null)
    return `中国 100 % では ${r.reproduced.toFixed(2)} となり ${r.published} にならない：${r.element} についてのEUの入力が異なる（中国以外の処理シェア、または別のガバナンス値）。それらはここでは公開されていない`;
  if (r.element === 'Sc') return 'スカンジウム：処理シェア（複数の生産者）はここでは公開されていない';
  if (r.element === 'Ce')
    return '処理は 100 % 中国ではない（公表のSRはHHI_WGI ≈ 4.1–4.2 を示す）。世界のシェアはここでは公開されていない';
  if (r.why.startsWith('the bottleneck is extraction'))
    return 'ボトルネックは採掘で、EUの調達（GS+EU）で重み付けされる：世界の鉱山シェアとEUの調達シェアはここでは公開されていない';
  return '処理はEUの調達（GS+EU）を輸入依存度 100 % で重み付けする：世界とEUの調達シェアはここでは公開されていない';
}

function euTable(): string {
  return reproduceEuCrm2023()
    .map(
      (r) =>
        `| ${r.element} | ${num(r.published, 1)} | ${r.reproduced === null ? '–' : num(r.reproduced, 2)} | ${r.matches ? 'はい' : 'いいえ'} | ${whyJa(r)} |`,
    )
    .join('\n');
}

/**
 * The scoring method in Japanese (Markdown): what methodDocument() says, with the same numbers from the same code.
 * @example methodDocumentJa().startsWith('# REEレジリエンスの評価手法') // true
 */
export function methodDocumentJa(): string {
  const probabilities = [
    ['オーストラリア', 2.02],
    ['日本', 2.25],
    ['中国', 5.67],
    ['ミャンマー', 8.21],
  ]
    .map(([name, wgi]) => `${name}（${wgi}）：${pct(disruptionProbability(Number(wgi)), 1)}`)
    .join(' · ');
  const quality = Object.entries(FALLBACK_QUALITY)
    .map(([level, q]) => `${FALLBACK_JA[level] ?? level} ${pct(q)}`)
    .join(' · ');
  const statusQuality = Object.entries(STATUS_QUALITY)
    .map(([status, q]) => `${STATUS_JA[status] ?? status} ${pct(q)}`)
    .join(' · ');
  return sourceIds(`# REEレジリエンスの評価手法（バージョン ${METHOD_VERSION}）

この文書はコードの \`methodDocument()\` の日本語版です（英語版は \`pnpm --filter @ree/domain method\` で生成）。以下の重み、
パラメータ、計算例はすべてコードが使うものと同じです。1.0.0 からの変更と日本のスコアの動き：\`CHANGELOG.md\`。

## スコアが表すもの

\`resilienceScore\` は、一つの需要者（日本のような国、EU27か国、または企業）を、一つの物質（元素、NdPr、またはグループ）、
サプライチェーンの一つの段階、一つの年について評価します：**0から100、100が最もレジリエント**。
九つの構成要素からなり、それぞれがデータを0（リスクなし）から1（最悪）の*リスク*に変えます。スコアは

    score = 100 × Σᵢ wᵢ × (1 − riskᵢ) ÷ Σᵢ wᵢ     （データのある構成要素について）

つまり各構成要素は \`100 × wᵢ/Σw × (1 − riskᵢ)\` 点を加え、点数の合計がスコアになります。結果は最も点を失わせる構成要素
（**足かせ**）と、各構成要素の出典と注記を示します。

## 構成要素と既定の重み

| 構成要素 | リスク（0–1） | 重み | 理由 |
|---|---|---|---|
${componentTable()}

供給とは、需要者の国別の輸入、どの国にも帰属しない輸入（*未配分*）、およびその段階の自国の生産です。ガバナンスは
世界銀行のWGIをEUの0–10の尺度にしたもの：(2.5 − 6指標の平均) × 2（eu-crm-2017）。備蓄の完全なカバーは
${FULL_STOCKPILE_DAYS} 日です。

## データセットの行からスコアの入力へ（\`scoreFromDataset\`）

APIがデータセットのバージョンの行を読み込み、\`scoreFromDataset\` がそれを入力とスコアに変えます。同梱のCSV
（\`parseDataset\`）で同じ呼び出しをすると同じ数値になります（\`examples/score-japan.mjs\`）。

**どの数値が物質を表すか。** まずその年の自身の数値。なければ最も近い年（前後 ${MAX_STAND_IN_AGE_YEARS} 年まで）の自身の数値、
または次の順の最も近い代用：商業混合物（NdとPrにはNdPr、NdPrにはNd）、EUのグループ（重希土類は重希土類の数値を使い、
軽希土類の数値は使わない）、そしてそのどれにもまったくないときだけ全レアアースの数値（その年、または ${MAX_FIGURE_AGE_YEARS} 年前まで）。
例：Dy：${dataMaterials('Dy')
    .map((d) => d.material)
    .join(' → ')}。重希土類そのもの：${dataMaterials('HREE')
    .map((d) => d.material)
    .join(
      ' → ',
    )}（追跡している構成元素のほうが、量では大半が軽希土類である全レアアースよりも調達をよく表す）。
ランタノイドとは別に生産されるスカンジウムは代用を取りません。代用は、それを使う構成要素の*データ品質*を下げ
（${quality}。1年離れるごとに −${pct(QUALITY_LOST_PER_YEAR)}）、推定値も同様です（${statusQuality}）。これはスコアではなく
カバー率を下げ、結果は何が代用されたかを示します。

**不完全なデータからのシェア。** 一つのシリーズ（USGS MCS）では、版を指定しない限り最新版だけを数えます。古い版は
名前を付けて保持し、混ぜません。数量は同じ出版物が示す総量（世界の総量、輸入の総量、または「その他の国」を含む全一覧）
に対してだけシェアになります。一つの生産者の数量や、世界の総量のない中国の数量はシェアではありません。異なる出版物の
公表シェアは、異なる国について互いを補えます。合計が 100 % をわずかに超える丸めたシェアは、全体に合わせて縮めます。

**未配分の供給**（USGSの「その他の国」、または公表シェアが残す部分）は不明であり、供給国ではありません。スコアはそれを
多数の小さな供給国に分散しているとみなし（集中度、ガバナンス、制限された供給に何も加えず、最大の供給国にもパートナーにも
ならない）、その**幅**の下限として最悪の場合を示します：そのすべてを持つ供給国がもう一つあり、ガバナンスが最悪で、
輸出を制限している場合です。それがなしうることの半分が不明なので、供給の構成要素はカバー率の中で
データ品質の (1 − 未配分 ÷ 2) 倍として数えます。

**輸出管理**は発効日から終了日まで、停止中を除いて、元素と仕向地ごとに、基準日で判定します。既定はその年の最終日、
当年なら今日です。中国の2025年10月の措置は2025-11-08発効予定で、2025-11-07に2026-11-10まで停止されました：
それまで一度も発効していません。

**パートナー。** 発効中の協定が確保するのは、需要者の、協定の供給元の国からの*明細のある*輸入だけです（ライナスは
マウント・ウェルドの鉱石をマレーシアで分離する：JARE–ライナスは日本のMYSからの輸入を確保する）。国に明細のない協定は
数えられるものを何も確保せず、結果はそう示します。

**備蓄。** 報告された保有量だけをカバーとして数えます。目標は政策であって保有ではありません。非公表の保有量は不明であり
（2020年以降の日本）、その構成要素は目標を示したうえで除外されます。

**リサイクル、代替、輸入依存度。** EUの使用済み製品のリサイクル投入率と代替性指数（eu-crm-2023）を元素ごとに使い、
混合物やグループにはその元素の平均を使います。自身のリサイクル率が公表されていない需要者は、EUの値をデータ品質
${pct(PROXY_QUALITY)} で使います。公表された純輸入依存度（米国はUSGSのもの）があれば使います。それがなく、その段階の
需要者自身の生産もないとき、輸入だけから計算した輸入依存度は上限であり、データ品質 ${pct(PROXY_QUALITY)} で数えます
（日本は信越化学でレアアースを分離しているが、量は公表されていない：不明はゼロではないが、構成要素を除外すると
スコアを甘くする）。

**ガバナンス**はデータにある唯一の版であるWGI 2022です。他の年については、2022年が代用されたことを結果が示します。

## 需要者としての地域と企業

**EU27か国**（\`${EU27}\`、ユーロスタットのコード）は一つの需要者です：その輸入は加盟国の域外からの輸入です。加盟国間の
取引は域内市場なので、${EU27_MEMBERS.length} の加盟国（\`EU27_MEMBERS\`、2020年2月1日以降の構成）の一つである輸出国は、
スコア、その推移、シナリオの基準、\`scoreTradeFlows\` のいずれでも数えず、総量はユーロスタットの示すとおり域外として読みます。
EU27か国のスコアはすべてそう明記し、除外した域内の行を示します。EU自身の指標（スコープ \`EU\`：リサイクル投入率、
輸入依存度）はこの地域自身のもので、代用ではありません。EU27か国の輸入の数値がない物質は、他の需要者と同様に代用を
取るか、「データ不足」になります。

**企業**（\`scoreCompanyMix\`）：分析者がアップロードした、供給国・物質・段階・年ごとの購入（トンまたはシェア）がその輸入です。
トンはその合計に対するシェアになり、それが供給のすべてなので、未配分はありません。各物質と段階は、アップロードが示す
最新の年について、公開バージョンのガバナンス、すべての仕向地に発効中の輸出管理、代替性指数に対して、同じ構成要素で
評価されます。その行は \`${COMPANY_UPLOAD_SOURCE}\` として引用されます。企業の協定、在庫、リサイクル投入、自社生産は
データにないので、それらの構成要素は国から借りるのではなく不明（除外し、カバー率を下げる）とします。

## 答えが「データ不足」になるとき

- そのセルに名前のある供給がまったくない：スコアはなく、結果は試したものを列挙します。
- データが不明な構成要素は除外され、他の重みが再正規化されます。**カバー率**はデータのある重みの合計に占める割合で、
  各重みはそのデータ品質で数えます。${pct(MIN_COVERAGE)} 未満ではスコアは「データ不足」となり、欠けているものを列挙します。
- ガバナンス値のない名前のある供給国は、供給の ${pct(MAX_UNSCORED_GOVERNANCE_SHARE)} までなら、ガバナンスが最悪（10）として
  数えます。それを超えると、ガバナンスの構成要素は欠けます。

## 計算例（テストがすべての数値を再計算する）

${workedExample()}

${backTest()}

## テストが確かめる性質（\`fast-check\`、各1,000例）

- スコアは常に0から100の間で、\`NaN\` にならない。その幅の下限はスコアを超えない。
- 備蓄やリサイクルを増やしても、スコアは下がらない。
- ガバナンスのよい供給国から悪い供給国へ供給を移しても、受け取る側がすでに同量以上を供給し、両者の制限とパートナーの
  状態が同じなら、スコアは上がらない。
- 構成要素の点数の合計はスコアになり、再正規化した重みの合計は1になる。

## チェーンのスコア

\`chainScore\` は各段階を評価し、最も低いものをチェーンのスコア、その段階を**ボトルネック**として示します。

## 途絶のシミュレーション

\`simulateDisruption\` は月ごとに進みます。ショックは供給国の輸出（と余剰能力）を一定の割合で削り、施設の生産を奪い、
または需要を増やします。失われた供給は他の供給国の余剰能力から比例して調達し直し（求められればパートナーを優先）、
次に備蓄を取り崩し、残りが不足になります。毎月、供給 + 備蓄から + 不足 = 需要 が成り立ちます。

\`simulateRisk\` は*シナリオを中心とした*モンテカルロ法です。各サンプルで、シナリオの各ショックは深さ（削減、失われた生産、
急増）× U(0.5, 1.5)（上限 100 %）、期間 × U(0.5, 1.5)（最低1か月）で起きます。削減がどれほど深く長いかは誰にも
わからないからです。さらに、すべての供給国が無作為に途絶しえます：その年間確率はガバナンスから
p = 2 % + 48 % × (WGI ÷ 10)²（仮定であり、変更できる）：${probabilities}。
そのような途絶は一様な開始月から1–6か月、一様な 25–100 % を差し止めます。結果：平均、P50、P95、P95を超える期待不足、
主な要因、サンプルしたもの。シード付き（\`sfc32\`）：同じシードは \`Node\` でもどのブラウザでも同じ結果になります。

## EUの供給リスク（\`supplyRiskFromDataset\`）

    SR = [HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2)] × (1 − EoL_RIR) × SI_SR
    HHI_WGI,t = Σ S_c² × WGI_c × t_c

これ（eu-crm-2017）を採掘と処理について求め、高いほうが**ボトルネック**です。元素ごとの入力：各段階の
その元素自身のシェア（または最も近い代用、明記する）、その元素についてのEUのIR、\`EoL-RIR\`、SI_SR、既定では貿易係数なし
（EUは2023年にどのレアアース供給国にも適用しなかった）、未配分の供給は分散（何も加えない）、ガバナンス値のない名前のある
供給国は10。データには元素ごとのEUの調達がないので、世界の供給で代用します。

**基準日について**（既定：その年の最終日、または今日）：その日にEU向けにその元素に発効している輸出管理を示し、
発表済みで未発効のものとその理由も示します。分析者は手法の輸出制限係数（\`restrictedTradeFactor\`、eu-crm-2017では
1.1–1.5）を設定できます。その場合、その日に管理が発効している各供給国の項にだけ、それを掛けます。

### 公表された入力から再現したEU CRM 2023の数値（\`reproduceEuCrm2023\`）

EUは元素ごとにSR、\`EoL-RIR\`、SI_SR、IRを公表しています（\`CritMAT\` の転記による）が、その背後の国別シェアは公表して
いません。SRを再現できるのは、一つの供給国がすべての供給を持つとわかっている場合だけです：重希土類の処理で、
世界の供給のみ、100 % 中国。

| 元素 | 公表値 | 再現値 | 一致 | 理由 |
|---|---|---|---|---|
${euTable()}

EUのグループの数値（HREE 5.1、LREE 3.7）は、\`CritMAT\` がSI_SRを空欄にしている集計値で、再現できません。
\`CritMAT\` はこれらの結果に2025年の公表年を付けていますが、その出典はCRM 2023の報告書です。

## 引用

- eu-crm-2017 — ${en('Blengini et al., "EU methodology for critical raw materials assessment", Resources Policy 2017, doi 10.1016/j.resourpol.2017.05.008; JRC EUR 28654 EN, doi 10.2760/73303.')}
- eu-crm-2023 — ${en('European Commission, Study on the Critical Raw Materials for the EU 2023, doi 10.2873/725585')}。
  \`CritMAT\`（\`meyerdata/CritMAT\`）による転記。
- doj-hmg-2010 — ${en('U.S. DOJ/FTC Horizontal Merger Guidelines (2010)')}。
- wgi-2022 — ${en('World Bank, Worldwide Governance Indicators 2022')}。
`);
}
