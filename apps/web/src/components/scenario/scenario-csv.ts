// The scenario's month-by-month run as CSV, through the same writer as every figure's download: the header block
// names the dataset version, the sources behind the baseline, the baseline itself and every shock, so the file can
// be read (and the run redone) without the page. Numbers are rounded for people; `basis` says what they count.
import type { DisruptionResult, Shock } from '@ree/domain';
import type { CsvDocument } from '@ree/ui';
import { rounded } from '@/lib/chart-data/table';
import type { ScenarioProvenance } from './provenance';
import type { DraftInput } from './use-scenario-draft';

/** Quantities to two places, shares in per cent to two places. */
const DIGITS = 2;

/** One shock in words, months counted from 1 as the chart shows them. */
export function describeShock(shock: Shock, n: number): string {
  const when = `from month ${shock.startMonth + 1} for ${shock.months} months`;
  const percent = (fraction: number) => `${rounded(fraction * 100, DIGITS)} %`;
  switch (shock.kind) {
    case 'exportCut':
      return `Shock ${n}: export cut by ${shock.supplier} of ${percent(shock.fraction)} ${when}`;
    case 'facilityOutage':
      return `Shock ${n}: outage of ${shock.facility} (${shock.supplier}), ${rounded(shock.lostPerYear, DIGITS)} lost per year ${when}`;
    case 'demandSurge':
      return `Shock ${n}: demand surge of ${percent(shock.fraction)} ${when}`;
  }
}

export function scenarioCsv({
  name,
  input,
  series,
  provenance,
  basis,
}: {
  name: string;
  input: DraftInput;
  series: DisruptionResult['series'];
  provenance: ScenarioProvenance;
  /** What the quantities count: tonnes, or an index of demand 100 a year when the data has only shares. */
  basis: 't' | 'index';
}): CsvDocument {
  const year = provenance.year === null ? '' : `, base year ${provenance.year}`;
  return {
    title: name || 'scenario',
    sources: provenance.sources,
    datasetVersion: provenance.datasetVersion.label,
    notes: [
      `Baseline: ${input.consumer} · ${input.material} · ${input.stage}${year}; demand ${rounded(input.baseline.demandPerYear, DIGITS)} a year, stockpile ${rounded(input.baseline.stockpileDays, DIGITS)} days`,
      ...(input.shocks.length === 0 ? ['No shocks'] : input.shocks.map((s, i) => describeShock(s, i + 1))),
    ],
    headers: ['month', 'demand', 'supplied', 'from_stockpile', 'shortfall', 'stockpile_left', 'basis'],
    rows: series.map((m) => [
      m.month + 1,
      rounded(m.demand, DIGITS),
      rounded(m.supplied, DIGITS),
      rounded(m.fromStockpile, DIGITS),
      rounded(m.shortfall, DIGITS),
      rounded(m.stockpileLeft, DIGITS),
      basis,
    ]),
  };
}
