// Rows of a dataset version → the resilience score's input → the score, with the rows and sources behind each
// component. The API calls this on the rows it loads; anyone can call it on the shipped CSVs and get the same.
import { z } from 'zod';
import type { DatasetRows } from '../dataset/entity-files.ts';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { Stage } from '../entities/stage.ts';
import { EU27, indicatorScopeOf, isInternalSupply } from '../region/eu27.ts';
import { indexDataset, tradeKey } from './dataset-index.ts';
import { lookupMix } from './lookup.ts';
import { type DatasetScore, scoreFromMix } from './score-from-mix.ts';
import type { MixRow } from './supply-mix.ts';

export { ComponentProvenance, type DatasetScore, ImportsUsed } from './score-from-mix.ts';

const IsoDate = z.iso.date();

export const ScoreQuery = z.strictObject({
  consumer: z.string().regex(/^[A-Z]{3}$/),
  material: Material,
  stage: Stage,
  year: Year,
  /** Read controls and agreements as of this date; default the year's last day, or `today` for this year. */
  asOf: IsoDate.optional(),
  /** Today's date, so that the same call gives the same answer everywhere. */
  today: IsoDate,
});
export type ScoreQuery = z.input<typeof ScoreQuery>;

type Cells = ReadonlyMap<number, MixRow[]> | undefined;

/** Said of every EU-27 score, so that nobody reads it as the members' total trade. */
export const EU27_IMPORTS_NOTE =
  'EU-27 as one consumer: imports from outside the Union only; trade between member states is not counted';

/** A consumer's trade rows without what is internal to it (for the EU-27: a member state as exporter). */
function externalSupply(cells: Cells, consumer: string): Cells {
  if (!cells || consumer !== EU27) return cells;
  const out = new Map<number, MixRow[]>();
  for (const [year, rows] of cells) {
    const kept = rows.filter((r) => !isInternalSupply(consumer, r.country));
    if (kept.length > 0) out.set(year, kept);
  }
  return out;
}

/** The rows of `year` that `externalSupply` left out. */
function internalRows(cells: Cells, consumer: string, year: number): MixRow[] {
  if (consumer !== EU27) return [];
  return (cells?.get(year) ?? []).filter((r) => isInternalSupply(consumer, r.country));
}

function regionNotes(consumer: string, internal: readonly MixRow[], year: number | undefined): string[] {
  if (consumer !== EU27) return [];
  const left = [...new Set(internal.map((r) => r.country))].sort();
  return [
    EU27_IMPORTS_NOTE,
    ...(left.length ? [`intra-EU rows left out of the ${year} imports: ${left.join(', ')}`] : []),
  ];
}

/** The indicator figures the score reads; the rest never matter to it. */
const SCORE_INDICATORS: ReadonlySet<string> = new Set(['eol-rir', 'si-sr', 'import-reliance']);

/** A dataset's rows for one consumer, indexed once: every year of a trend reuses them (score-trend.ts). */
export interface PreparedScoring {
  /** The rows, with indicators and stockpiles narrowed to what a score of the consumer can read. */
  data: DatasetRows;
  index: ReturnType<typeof indexDataset>;
  consumer: string;
}

/** Indexes `data` and keeps only the indicator and stockpile rows a score of `consumer` can read. */
export function prepareScoring(data: DatasetRows, consumer: string): PreparedScoring {
  // Each of the two is read once (destructured), however many years are scored from the result.
  const { indicators, stockpiles, ...rest } = data;
  const scope = indicatorScopeOf(consumer);
  const narrowed: DatasetRows = {
    ...rest,
    indicators: indicators.filter(
      (r) => SCORE_INDICATORS.has(r.indicator) && (r.scope === scope || r.scope === 'EU'),
    ),
    stockpiles: stockpiles.filter((s) => s.country === consumer),
  };
  return { data: narrowed, index: indexDataset(narrowed), consumer };
}

/** The score of one year from prepared rows (`q` already parsed, for the consumer they were prepared for). */
export function scoreOfYear(prepared: PreparedScoring, q: z.infer<typeof ScoreQuery>): DatasetScore {
  const { index } = prepared;
  const cellsOf = (m: Material) => index.trade.get(tradeKey(q.consumer, q.stage, m));
  const lookup = lookupMix((m) => externalSupply(cellsOf(m), q.consumer), index.sources, q);
  const found = lookup.found;
  const internal = found ? internalRows(cellsOf(found.material), q.consumer, found.year) : [];
  return scoreFromMix(
    prepared.data,
    { ...q, kind: 'country' },
    lookup,
    regionNotes(q.consumer, internal, found?.year),
    index,
  );
}

/**
 * Scores `consumer` × `material` × `stage` in `year` from a dataset's rows. For the EU-27 (`EUU`) an exporter that
 * is a member state is never counted: the region's imports are its imports from outside the Union.
 * @example scoreFromDataset(rows, { consumer: 'JPN', material: 'Dy', stage: 'separation', year: 2025, today: '2026-12-01' }).result.score
 */
export function scoreFromDataset(data: DatasetRows, rawQuery: ScoreQuery): DatasetScore {
  const q = ScoreQuery.parse(rawQuery);
  return scoreOfYear(prepareScoring(data, q.consumer), q);
}
