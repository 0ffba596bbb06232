import { disruptionProbability } from '../simulation/risk.ts';
import {
  COMPONENT_INFO,
  ComponentId,
  DEFAULT_WEIGHTS,
  FULL_STOCKPILE_DAYS,
  MAX_UNSCORED_GOVERNANCE_SHARE,
  METHOD_VERSION,
  MIN_COVERAGE,
} from './method.ts';
import { type ResilienceInput, resilienceScore } from './resilience-score.ts';

/** The worked example in METHOD.md: an illustration with round numbers, not a figure from the dataset. */
export const WORKED_EXAMPLE: ResilienceInput = {
  consumer: 'JPN',
  material: 'Dy',
  stage: 'separation',
  year: 2025,
  imports: { CHN: 90, MYS: 10 },
  wgi: { CHN: 5.67, MYS: 4.14 },
  exportRestricting: ['CHN'],
  partners: ['MYS'],
  recyclingShare: 0.01,
  substitutionIndex: 0.9,
  stockpileDays: 60,
};

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)} %`;
const num = (x: number, digits = 2) => x.toFixed(digits);

/**
 * The scoring method in words and formulas (Markdown), generated from the code so that every weight and number in
 * it is the one the code uses. `METHOD.md` is this text; a test fails when the two differ.
 */
export function methodDocument(): string {
  const rows = ComponentId.options
    .map(
      (id) =>
        `| ${COMPONENT_INFO[id].label} | ${COMPONENT_INFO[id].formula} | ${num(DEFAULT_WEIGHTS[id])} | ${COMPONENT_INFO[id].why} |`,
    )
    .join('\n');
  const example = resilienceScore(WORKED_EXAMPLE);
  if (example.status !== 'ok') throw new Error('the worked example must have enough data');
  const exampleRows = example.components
    .map(
      (c) =>
        `| ${c.label} | ${num(c.risk, 3)} | ${num(c.weight, 3)} | ${num(c.points, 2)} / ${num(c.maxPoints, 2)} |`,
    )
    .join('\n');
  const probabilities = [
    ['Australia', 2.02],
    ['Japan', 2.25],
    ['China', 5.67],
    ['Myanmar', 8.21],
  ]
    .map(([name, wgi]) => `${name} (${wgi}): ${pct(disruptionProbability(Number(wgi)), 1)}`)
    .join(' · ');

  return `# The REE Resilience scoring method (version ${METHOD_VERSION})

This file is generated from the code by \`methodDocument()\` (\`pnpm --filter @ree/domain method\`); a test fails when
it is out of date. Every weight and number below is the one the code uses.

## What the score says

\`resilienceScore\` rates one consumer (a country such as Japan, or a company) for one material (an element, NdPr,
or a group), at one stage of the chain (mining, separation, metal, magnet, recycling), in one year: **0 to 100,
where 100 is the most resilient**. It is built from nine components. Each turns data into a *risk* from 0 (no
risk) to 1 (worst); the score is

    score = 100 × Σᵢ wᵢ × (1 − riskᵢ) ÷ Σᵢ wᵢ     over the components that have data

so each component adds \`100 × wᵢ/Σw × (1 − riskᵢ)\` points, and the points add up to the score. Weights can be
overridden per call; the method version changes whenever a formula or default weight does.

## Components and default weights

| component | risk (0–1) | weight | why |
|---|---|---|---|
${rows}

Supply means the consumer's imports by exporting country plus its own (domestic) output at that stage. Domestic
supply counts as a supplier for concentration, with governance risk 0, never restricted, and as secured.
Governance is the World Bank WGI on the EU's 0–10 scale, (2.5 − mean of the six estimates) × 2 (eu-crm-2017).
Full stockpile cover is ${FULL_STOCKPILE_DAYS} days (Japan's 2020 international resource strategy).

## When the answer is "insufficient data"

- No supply at all for the cell: no score.
- A component whose data is unknown (restrictions, partners, recycling, substitution, stockpile not given) is left
  out and the weights of the others are renormalised. The share of the total weight that had data is the
  **coverage**; below ${pct(MIN_COVERAGE)} the score is "insufficient data", with the list of what is missing.
- Suppliers without a governance score may make up at most ${pct(MAX_UNSCORED_GOVERNANCE_SHARE)} of supply; they are
  then counted as worst governed (10). Above that, the governance component is missing.

## Worked example (round numbers, for illustration)

Japan's dysprosium at the separation stage: 90 % from China (WGI 5.67, export licensing in force), 10 % from
Malaysia (4.14, a partner), 1 % recycling, substitution index 0.9, 60 days of stockpile.

| component | risk | weight | points / max |
|---|---|---|---|
${exampleRows}

**Score: ${num(example.score, 1)}** (coverage ${pct(example.coverage)}).

## Properties the tests check (fast-check, 1,000 cases each)

- The score is always between 0 and 100 and never NaN.
- More stockpile, or more recycling, never lowers it.
- Moving supply from a better-governed supplier to a worse-governed one never raises it, when the receiving
  supplier already supplies at least as much (so concentration cannot fall) and both have the same restriction and
  partner status. (Without that condition, diversifying away from a dominant supplier can rightly raise the score.)
- The component points add up to the score; the renormalised weights add up to 1.

## Chain score

\`chainScore\` scores each stage and reports the lowest as the chain's score and its **bottleneck** stage — a
chain is as resilient as its weakest link, as the EU reports the higher of extraction and processing supply risk.

## Related indicators

- HHI = Σ (100 · sᵢ)², 0–10,000; DOJ/FTC (2010) bands: < 1,500 unconcentrated, 1,500–2,500 moderately,
  > 2,500 highly concentrated (doj-hmg-2010).
- Top-n share (the IEA's "top three" headline), import reliance, share from listed suppliers.
- EU supply risk (eu-crm-2017, eu-crm-2023):
  SR = [HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2)] × (1 − EoL_RIR) × SI_SR, with
  HHI_WGI,t = Σ S_c² × WGI_c × t_c (shares as fractions; t_c 0.8 with a trade agreement, 1.1–1.5 with export
  restrictions). Critical when SR ≥ 1 and economic importance ≥ 2.8. \`euSupplyRiskBottleneck\` reports the higher
  of extraction and processing.

## Disruption simulation

\`simulateDisruption\` runs month by month. Shocks cut a supplier's exports (and its spare capacity) by a fraction,
take a facility's output away, or raise demand. Lost supply is re-sourced from the other suppliers' spare capacity
in proportion to it — partners' first when asked — then the stockpile (days × annual demand ÷ 365) is drawn, and
what remains is shortfall. Every month balances: supplied + from stockpile + shortfall = demand. Months of cover =
initial stockpile ÷ the largest monthly gap.

\`simulateRisk\` is Monte Carlo over random disruptions. A supplier's annual disruption probability comes from its
governance: p = 2 % + 48 % × (WGI ÷ 10)² — an assumption, overridable, chosen so well-governed suppliers sit near
2 % and the worst near 50 %: ${probabilities}. A disruption withholds a uniform 25–100 % for 1–6 months from a
uniform start month. Results: mean, P50, P95, expected shortfall beyond P95, and the drivers (each supplier's share
of the supply lost in the worst 5 % of samples). Seeded (sfc32): the same seed gives the same result in Node and
every browser.

## Citations

- eu-crm-2017 — Blengini et al., "EU methodology for critical raw materials assessment", Resources Policy 2017,
  doi 10.1016/j.resourpol.2017.05.008; JRC EUR 28654 EN, doi 10.2760/73303.
- eu-crm-2023 — European Commission, Study on the Critical Raw Materials for the EU 2023, doi 10.2873/725585.
- doj-hmg-2010 — U.S. DOJ/FTC Horizontal Merger Guidelines (2010).
- wgi-2022 — World Bank, Worldwide Governance Indicators 2022.
- iea-gcmo-2024 — IEA, Global Critical Minerals Outlook 2024.
`;
}
