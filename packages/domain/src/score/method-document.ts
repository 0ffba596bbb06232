// METHOD.md, generated from the code so that every weight, parameter and example in it is the one the code uses.
import { reproduceEuCrm2023 } from '../indicators/eu-crm-2023.ts';
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
import {
  COMPONENT_INFO,
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

export { WORKED_EXAMPLE } from './method-examples.ts';

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)} %`;
const num = (x: number, digits = 2) => x.toFixed(digits);
const label = (id: ComponentId) => COMPONENT_INFO[id].label;

function componentTable(): string {
  return ComponentId.options
    .map(
      (id) =>
        `| ${label(id)} | ${COMPONENT_INFO[id].formula} | ${num(DEFAULT_WEIGHTS[id])} | ${COMPONENT_INFO[id].why} |`,
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
        `| ${c.label} | ${num(c.risk, 3)} | ${num(c.weight, 3)} | ${num(c.points, 2)} / ${num(c.maxPoints, 2)} |`,
    )
    .join('\n');
  const sens = sensitivity.components
    .map(
      (c) =>
        `| ${label(c.id)} | ${num(c.pointsLost, 2)} | ${c.weightUp >= 0 ? '+' : ''}${num(c.weightUp, 2)} | ${c.weightDown >= 0 ? '+' : ''}${num(c.weightDown, 2)} |`,
    )
    .join('\n');
  return `### 1. Component by component (round numbers, for illustration)

Japan's dysprosium at the separation stage: 90 % from China (WGI 5.67, export licensing in force), 10 % from
Malaysia (4.14, a partner), 1 % recycling, substitution index 0.9, 60 days of stockpile held.

| component | risk | weight | points / max |
|---|---|---|---|
${rows}

**Score: ${num(example.score, 1)}** (coverage ${pct(example.coverage)}). It drags most on
**${label(example.drag ?? 'supplierConcentration')}**.

Sensitivity (\`scoreSensitivity\`): the points each component's risk costs, and how the score moves when that
component's weight is raised or lowered by half (the others renormalised). The weight that moves it most:
**${label(sensitivity.mostSensitiveWeight ?? 'supplierConcentration')}**.

| component | points lost | weight × 1.5 | weight × 0.5 |
|---|---|---|---|
${sens}`;
}

function backTest(): string {
  const { end2009, embargo, end2010 } = backTestScores();
  const embargoRun = backTestEmbargo();
  const score = (r: typeof end2009) =>
    r.result.score === null ? 'insufficient data' : num(r.result.score, 1);
  const shortfall = embargoRun.deterministic.totals.shortfall;
  return `### 2. Back-test: 2009 data and the 2010 embargo (recomputed from \`BACK_TEST_ROWS\`)

The rows, as in the shipped dataset: Japan's imports were 85.49 % from China in 2009 and 81.61 % in 2010 (Ministry
of Finance via Searchina); the WSJ's "about 20,000 t from China" in 2010 is a tonnage with no total, so it is not a
share; China's export quotas were in force from 2009 (the years before are not in the data) and cut by about 40 %
in 2010; China held up exports to Japan from 2010-09-21 to 2010-11-20 (Global Trade Alert).

- End of 2009: **${score(end2009)}** (coverage ${pct(end2009.result.coverage)}), dragged down most by
  ${label(end2009.result.drag ?? 'supplierConcentration')}: China's quotas already restricted its exports.
- 2010-10-15, during the embargo: **${score(embargo)}**, restricted supply ${pct(embargo.result.components.find((c) => c.id === 'restrictedSupply')?.risk ?? 0, 1)}
  (the embargo and the quota cut).
- End of 2010: **${score(end2010)}** (the embargo was over; the quota cut was still in force).
- The embargo run on the 2009 baseline (index 100 a year; China's 85.49 cut by the observed ${pct(EMBARGO_CUTS.october)}
  in October and ${pct(EMBARGO_CUTS.november)} in November, as Japan's customs recorded; 10 % spare capacity elsewhere;
  no stockpile): shortfall **${num(shortfall, 1)}** of 100, ${pct(shortfall / 100, 1)} of a year's needs. What followed:
  Japan's imports fell to 15,400 t in 2011 (−34 %, Nikkei) and China's share to 68.4 %.`;
}

function euTable(): string {
  return reproduceEuCrm2023()
    .map(
      (r) =>
        `| ${r.element} | ${num(r.published, 1)} | ${r.reproduced === null ? '–' : num(r.reproduced, 2)} | ${r.matches ? 'yes' : 'no'} | ${r.why} |`,
    )
    .join('\n');
}

/**
 * The scoring method in words and formulas (Markdown), generated from the code so that every weight and number in
 * it is the one the code uses. `METHOD.md` is this text; a test fails when the two differ.
 */
export function methodDocument(): string {
  const probabilities = [
    ['Australia', 2.02],
    ['Japan', 2.25],
    ['China', 5.67],
    ['Myanmar', 8.21],
  ]
    .map(([name, wgi]) => `${name} (${wgi}): ${pct(disruptionProbability(Number(wgi)), 1)}`)
    .join(' · ');
  const quality = Object.entries(FALLBACK_QUALITY)
    .map(([level, q]) => `${level} ${pct(q)}`)
    .join(' · ');
  return `# The REE Resilience scoring method (version ${METHOD_VERSION})

This file is generated from the code by \`methodDocument()\` (\`pnpm --filter @ree/domain method\`); a test fails when
it is out of date. Every weight, parameter and example below is the one the code uses. What changed since 1.0.0 and
how Japan's scores moved: [CHANGELOG.md](CHANGELOG.md).

## What the score says

\`resilienceScore\` rates one consumer (a country such as Japan, the EU-27, or a company) for one material (an
element, NdPr, or a group), at one stage of the chain, in one year: **0 to 100, where 100 is the most resilient**.
It is built from nine components. Each turns data into a *risk* from 0 (no risk) to 1 (worst); the score is

    score = 100 × Σᵢ wᵢ × (1 − riskᵢ) ÷ Σᵢ wᵢ     over the components that have data

so each component adds \`100 × wᵢ/Σw × (1 − riskᵢ)\` points, and the points add up to the score. The result names the
component that costs most points (its **drag**) and the sources and notes behind every component.

## Components and default weights

| component | risk (0–1) | weight | why |
|---|---|---|---|
${componentTable()}

Supply means the consumer's imports by named exporting country, imports no named country accounts for
(*unallocated*), and its own output at that stage. Governance is the World Bank WGI on the EU's 0–10 scale,
(2.5 − mean of the six estimates) × 2 (eu-crm-2017). Full stockpile cover is ${FULL_STOCKPILE_DAYS} days.

## From dataset rows to the score's input (\`scoreFromDataset\`)

The API loads a dataset version's rows; \`scoreFromDataset\` turns them into the input and the score. The same call on
the shipped CSVs (\`parseDataset\`) gives the same numbers (\`examples/score-japan.mjs\`).

**Which figures describe a material.** Its own figures for the year first; else the nearest year's (up to
${MAX_STAND_IN_AGE_YEARS} years before or after) of its own, or of the nearest stand-in in this order: the commercial mix (NdPr for Nd and Pr;
Nd for NdPr), the EU group (a heavy element takes heavy-REE figures, never light-REE ones), and only when none of those has any, all rare earths' (of the year, or up to ${MAX_FIGURE_AGE_YEARS} years before) —
e.g. Dy: ${dataMaterials('Dy')
    .map((d) => d.material)
    .join(' → ')}; the heavy group itself: ${dataMaterials('HREE')
    .map((d) => d.material)
    .join(' → ')} (its tracked members describe its sourcing better than all rare earths, mostly light by
tonnage, do); scandium, produced apart from the lanthanides, takes none. A stand-in lowers the *data
quality* of the components
it feeds (${quality}; each year away −${pct(QUALITY_LOST_PER_YEAR)}), and so does an estimate (${Object.entries(
    STATUS_QUALITY,
  )
    .map(([status, q]) => `${status} ${pct(q)}`)
    .join(' · ')}); that lowers coverage, not the score, and the result says what stood in.

**Shares from incomplete data.** Of a series (USGS MCS) only the newest edition counts, unless an edition is asked
for; older editions are kept and named, never mixed in. Tonnages become shares only of a total the same publication
gives (a world total, total imports, or its full list with "other countries"): one producer's tonnage, or China's
without a world total, is not a share. Published shares of different publications may complement each other for
different countries. Rounded shares that add up to a little over 100 % are scaled to the whole.

**Unallocated supply** (USGS "other countries", or what published shares leave out) is unknown, never a supplier.
The score takes it as spread over many small suppliers (it adds nothing to concentration, governance or restricted
supply, and is never the largest supplier or a partner), and gives the worst case as the low end of its **range**:
one more supplier holding all of it, governed as badly as possible, restricting exports. Half of what it could do is
unknown, so the supply components count at (1 − unallocated ÷ 2) of their data quality in the coverage.

**Export controls** count from the day they take effect to their end, and not while suspended, per element and
destination, read on an as-of date: by default the year's last day, or today for the current year. China's October
2025 package was due on 2025-11-08 and suspended on 2025-11-07 until 2026-11-10: never in force before then.

**Partners.** An agreement in force secures only the consumer's *itemised* imports from the countries it delivers
from (Lynas separates Mount Weld's ore in Malaysia: JARE–Lynas secures Japan's imports from MYS). An agreement
whose countries are not itemised secures nothing that can be counted, and the result says so.

**Stockpiles.** Only holdings that are reported count as cover. A target is a policy, not a holding; undisclosed
holdings are unknown (Japan since 2020), so the component is left out with the target shown.

**Recycling, substitution, import reliance.** The EU's end-of-life recycling input rate and substitution index
(eu-crm-2023) per element — the mean of its elements' for a mix or group. A consumer without a published recycling
rate of its own takes the EU's at ${pct(PROXY_QUALITY)} data quality. A published net import reliance (USGS's for the
United States) is used; without one, and without the consumer's own output at the stage, import reliance computed
from imports alone is an upper bound, counted at ${pct(PROXY_QUALITY)} data quality (Japan separates rare earths at
Shin-Etsu, in amounts not published: unknown is not zero, but leaving the component out would flatter the score).

**Governance** is WGI 2022, the only edition in the data; for other years the result says that 2022 stands in.

## Regions and companies as consumers

**The EU-27** (\`${EU27}\`, Eurostat's code) is one consumer: its imports are its members' imports from outside the
Union. Trade between member states is the Union's internal market, so an exporter that is one of the
${EU27_MEMBERS.length} members (\`EU27_MEMBERS\`, the membership since 1 February 2020) is never counted — in the score, its
trend, a scenario baseline and \`scoreTradeFlows\` — and a total is read as Eurostat gives it, extra-EU. Every EU-27
score says so, and names any intra-EU row it left out. The EU's own indicators (scope \`EU\`: recycling input rate,
import reliance) are the region's own, not a proxy. A material without EU-27 import figures of its own takes a
stand-in as for any consumer, or is "insufficient data".

**A company** (\`scoreCompanyMix\`): an analyst's upload of its purchases by supplier country, material, stage and
year (tonnes, or shares) is its imports; tonnes become shares of their sum, which is all of its supply, so nothing is
unallocated. Each material and stage is scored at the newest year the upload gives, against a published version's
governance, export controls in force for every destination, and substitution index, with the same components; its
rows are cited as \`${COMPANY_UPLOAD_SOURCE}\`. A company's agreements, stock, recycled input and own output are not in
the data: those components are unknown (left out, lowering coverage) rather than borrowed from a country.

## When the answer is "insufficient data"

- No named supply at all for the cell: no score, and the result lists what was tried.
- A component whose data is unknown is left out and the weights of the others are renormalised. The **coverage** is
  the share of the total weight with data, each weight counted at its data quality; below ${pct(MIN_COVERAGE)} the
  score is "insufficient data", with the list of what is missing.
- Named suppliers without a governance score may make up at most ${pct(MAX_UNSCORED_GOVERNANCE_SHARE)} of supply; they
  are then counted as worst governed (10). Above that, the governance component is missing.

## Worked examples (a test recomputes every number)

${workedExample()}

${backTest()}

## Properties the tests check (fast-check, 1,000 cases each)

- The score is always between 0 and 100 and never NaN; its range's low end is never above the score.
- More stockpile, or more recycling, never lowers it.
- Moving supply from a better-governed supplier to a worse-governed one never raises it, when the receiving
  supplier already supplies at least as much and both have the same restriction and partner status.
- The component points add up to the score; the renormalised weights add up to 1.

## Chain score

\`chainScore\` scores each stage and reports the lowest as the chain's score and its **bottleneck** stage.

## Disruption simulation

\`simulateDisruption\` runs month by month. Shocks cut a supplier's exports (and its spare capacity) by a fraction,
take a facility's output away, or raise demand. Lost supply is re-sourced from the other suppliers' spare capacity
in proportion to it — partners' first when asked — then the stockpile is drawn, and what remains is shortfall.
Every month balances: supplied + from stockpile + shortfall = demand.

\`simulateRisk\` is Monte Carlo *around the scenario*. In every sample each of the scenario's shocks happens with its
depth (cut, lost output, surge) × U(0.5, 1.5), capped at 100 %, and its duration × U(0.5, 1.5), at least one month —
nobody knows how deep or long a cut will be. On top, every supplier may be disrupted at random: its annual
probability comes from its governance, p = 2 % + 48 % × (WGI ÷ 10)² (an assumption, overridable): ${probabilities};
such a disruption withholds a uniform 25–100 % for 1–6 months from a uniform start month. Results: mean, P50, P95,
expected shortfall beyond P95, the drivers, and what was sampled. Seeded (sfc32): the same seed gives the same result
in Node and every browser.

## The EU supply risk (\`supplyRiskFromDataset\`)

SR = [HHI_WGI,t(global) × IR/2 + HHI_WGI,t(sourcing) × (1 − IR/2)] × (1 − EoL_RIR) × SI_SR, with HHI_WGI,t = Σ S_c² ×
WGI_c × t_c (eu-crm-2017), for extraction and for processing; the higher is the **bottleneck**. Inputs per element:
the element's own shares at each stage (or the nearest stand-in, said), the EU's IR, EoL-RIR and SI_SR for the
element, no trade factor by default (the EU applied none to any rare-earth supplier in 2023), unallocated supply
as spread (it adds nothing), and a named supplier without a governance score at 10. The data has no per-element EU
sourcing: global supply stands in for it.

**As of a date** (default: the year's last day, or today): the export controls in force on the element towards the
EU on that date are named, with those announced but not in force and why. An analyst may set the method's
export-restriction factor (\`restrictedTradeFactor\`, 1.1–1.5 in eu-crm-2017); it then multiplies the term of each
supplier with a control in force on that date, and of no other.

### The EU CRM 2023 figures reproduced from their published inputs (\`reproduceEuCrm2023\`)

The EU publishes SR, EoL-RIR, SI_SR and IR per element (as CritMAT transcribes them) but not the country shares
behind them. An SR can be reproduced only where one supplier is known to hold all supply: the heavy rare earths'
processing, on global supply only, 100 % China.

| element | published | reproduced | matches | why |
|---|---|---|---|---|
${euTable()}

The EU's group figures (HREE 5.1, LREE 3.7) are aggregates whose SI_SR CritMAT leaves blank: not reproducible.
CritMAT labels these results with a 2025 publish year, though its source is the CRM 2023 report.

## Citations

- eu-crm-2017 — Blengini et al., "EU methodology for critical raw materials assessment", Resources Policy 2017,
  doi 10.1016/j.resourpol.2017.05.008; JRC EUR 28654 EN, doi 10.2760/73303.
- eu-crm-2023 — European Commission, Study on the Critical Raw Materials for the EU 2023, doi 10.2873/725585;
  results as transcribed by CritMAT (meyerdata/CritMAT).
- doj-hmg-2010 — U.S. DOJ/FTC Horizontal Merger Guidelines (2010).
- wgi-2022 — World Bank, Worldwide Governance Indicators 2022.
`;
}
