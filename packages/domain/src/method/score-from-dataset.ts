// Rows of a dataset version → the resilience score's input → the score, with the rows and sources behind each
// component. The API calls this on the rows it loads; anyone can call it on the shipped CSVs and get the same.
import { z } from 'zod';
import type { DatasetRows } from '../dataset/entity-files.ts';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { Stage } from '../entities/stage.ts';
import type { ComponentId } from '../score/method.ts';
import type { ResilienceInput } from '../score/resilience-input-schema.ts';
import { type ResilienceScore, resilienceScore } from '../score/resilience-score.ts';
import { asOfDate, restrictionsInForce } from './controls.ts';
import { inForceNotes, notInForceNotes } from './controls-notes.ts';
import { governanceAsOf, indexDataset, tradeKey } from './dataset-index.ts';
import { findIndicator } from './indicators.ts';
import { type FoundMix, fallbackNote, lookupMix } from './lookup.ts';
import { PROXY_QUALITY } from './parameters.ts';
import { type AgreementCredit, securedSupply } from './partners.ts';
import { stockpileFacts, stockpileNote } from './stockpile.ts';

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

/** The rows and sources behind one component, and what the reader should know about them. */
export const ComponentProvenance = z.object({ sourceIds: z.array(z.string()), notes: z.array(z.string()) });
export type ComponentProvenance = z.infer<typeof ComponentProvenance>;

/** Which imports the score read: whose figures, of which year, how obtained. */
export const ImportsUsed = z.object({
  material: Material,
  level: z.enum(['own', 'mix', 'group', 'all']),
  year: Year,
  method: z.enum(['tonnes-of-total', 'published-shares']),
  /** The total imports the shares are of, in tonnes, when they come from tonnages. */
  total: z.number().nullable(),
  sourceIds: z.array(z.string()),
  status: z.enum(['verified', 'estimated', 'unverified']),
  quality: z.number(),
  /** Sources with figures for the same cell that were not used (older editions, other publishers). */
  otherSources: z.array(z.string()),
  /** What stood in for the material or year asked, or null. */
  note: z.string().nullable(),
});
export type ImportsUsed = z.infer<typeof ImportsUsed>;

export interface DatasetScore {
  asOf: string;
  input: ResilienceInput;
  result: ResilienceScore;
  imports: ImportsUsed | null;
  /** Why no imports were found (what was tried), when `imports` is null. */
  importsTried: string[];
  provenance: Record<ComponentId, ComponentProvenance>;
}

const unique = (ids: Iterable<string>) => [...new Set(ids)].sort();

function importsUsed(found: FoundMix, asked: { material: Material; year: number }): ImportsUsed {
  return {
    material: found.material,
    level: found.level,
    year: found.year,
    method: found.mix.method,
    total: found.mix.total,
    sourceIds: found.mix.sourceIds,
    status: found.mix.status,
    quality: found.quality,
    otherSources: found.otherSources,
    note: fallbackNote(asked, found),
  };
}

/**
 * Scores `consumer` × `material` × `stage` in `year` from a dataset's rows.
 * @example scoreFromDataset(rows, { consumer: 'JPN', material: 'Dy', stage: 'separation', year: 2025, today: '2026-12-01' }).result.score
 */
export function scoreFromDataset(data: DatasetRows, rawQuery: ScoreQuery): DatasetScore {
  const q = ScoreQuery.parse(rawQuery);
  return scoreOfYear(prepareScoring(data, q.consumer), q);
}

/** The indicator figures the score reads; the rest never matter to it. */
const SCORE_INDICATORS: ReadonlySet<string> = new Set(['eol-rir', 'si-sr', 'import-reliance']);

/** A dataset's rows for one consumer, indexed once: every year of a trend reuses them (score-trend.ts). */
export interface PreparedScoring {
  data: DatasetRows;
  index: ReturnType<typeof indexDataset>;
  /** Only the consumer's own and the EU's figures of the indicators the score reads. */
  indicators: DatasetRows['indicators'];
  /** Only the consumer's stockpiles. */
  stockpiles: DatasetRows['stockpiles'];
}

/** Indexes `data` and keeps only the rows a score of `consumer` can read, so each year scans fewer. */
export function prepareScoring(data: DatasetRows, consumer: string): PreparedScoring {
  return {
    data,
    index: indexDataset(data),
    indicators: data.indicators.filter(
      (r) => SCORE_INDICATORS.has(r.indicator) && (r.scope === consumer || r.scope === 'EU'),
    ),
    stockpiles: data.stockpiles.filter((s) => s.country === consumer),
  };
}

/** The score of one year from prepared rows (`q` already parsed, for the consumer they were prepared for). */
export function scoreOfYear(prepared: PreparedScoring, q: z.infer<typeof ScoreQuery>): DatasetScore {
  const { data, index } = prepared;
  const asOf = q.asOf ?? asOfDate(q.year, q.today);
  const lookup = lookupMix((m) => index.trade.get(tradeKey(q.consumer, q.stage, m)), index.sources, q);
  const found = lookup.found;
  const shares = found ? { ...found.mix.shares } : {};
  const named = Object.keys(shares).filter((c) => c !== q.consumer);
  const { wgi, sourceIds: wgiSources, years: wgiYears } = governanceAsOf(index, q.year);
  const restrictions = restrictionsInForce(data.policies, {
    material: q.material,
    destination: q.consumer,
    date: asOf,
  });
  const secured = securedSupply(
    data.partnerships,
    { consumer: q.consumer, material: q.material, date: asOf },
    named,
  );
  const indicatorQuery = { material: q.material, year: q.year };
  const recycling =
    findIndicator(prepared.indicators, { ...indicatorQuery, indicator: 'eol-rir', scope: q.consumer }) ??
    findIndicator(prepared.indicators, { ...indicatorQuery, indicator: 'eol-rir', scope: 'EU' });
  const recyclingIsProxy = recycling !== null && recycling.row.scope !== q.consumer;
  const substitution = findIndicator(prepared.indicators, {
    ...indicatorQuery,
    indicator: 'si-sr',
    scope: 'EU',
  });
  const reliance = findIndicator(prepared.indicators, {
    ...indicatorQuery,
    indicator: 'import-reliance',
    scope: q.consumer,
  });
  const publishedReliance =
    reliance && reliance.row.year === q.year && reliance.level === 'own' ? reliance : null;
  const stock = stockpileFacts(prepared.stockpiles, {
    consumer: q.consumer,
    material: q.material,
    year: q.year,
  });
  const supplyQuality = found?.quality ?? 1;

  const input: ResilienceInput = {
    consumer: q.consumer,
    material: q.material,
    stage: q.stage,
    year: q.year,
    imports: shares,
    unallocated: found?.mix.unallocated ?? 0,
    wgi,
    exportRestricting: unique(restrictions.map((r) => r.measure.country)),
    partners: secured.countries,
    ...(recycling ? { recyclingShare: recycling.row.value } : {}),
    ...(substitution ? { substitutionIndex: substitution.row.value } : {}),
    ...(publishedReliance ? { publishedImportReliance: publishedReliance.row.value } : {}),
    ...(stock.heldDays !== undefined ? { stockpileDays: stock.heldDays } : {}),
    quality: {
      supplierConcentration: supplyQuality,
      governanceConcentration: supplyQuality,
      largestSupplier: supplyQuality,
      restrictedSupply: supplyQuality,
      partnerSupply: supplyQuality,
      // Without the consumer's own output at the stage, reliance computed from imports alone is an upper bound.
      importReliance: publishedReliance ? 1 : supplyQuality * PROXY_QUALITY,
      ...(recycling
        ? { recyclingAndDomestic: recycling.quality * (recyclingIsProxy ? PROXY_QUALITY : 1) }
        : {}),
      ...(substitution ? { substitutability: substitution.quality } : {}),
    },
  };
  const mixSource = found ? found.mix.sourceIds : [];
  const mixNotes = found ? [importsUsed(found, q).note].filter((n): n is string => n !== null) : lookup.tried;
  const provenance: Record<ComponentId, ComponentProvenance> = {
    supplierConcentration: { sourceIds: mixSource, notes: mixNotes },
    governanceConcentration: {
      sourceIds: unique([...mixSource, ...named.flatMap((c) => (wgiSources[c] ? [wgiSources[c]] : []))]),
      notes: [...mixNotes, ...governanceYearNotes(named, wgiYears, q.year)],
    },
    largestSupplier: { sourceIds: mixSource, notes: mixNotes },
    restrictedSupply: {
      sourceIds: unique([...mixSource, ...restrictions.map((r) => r.measure.sourceId)]),
      notes: [
        ...inForceNotes(restrictions, asOf),
        ...notInForceNotes(data.policies, q.material, q.consumer, asOf),
      ],
    },
    partnerSupply: {
      sourceIds: unique([...mixSource, ...secured.agreements.map((a) => a.sourceId)]),
      notes: agreementNotes(secured.agreements),
    },
    importReliance: publishedReliance
      ? {
          sourceIds: [publishedReliance.row.sourceId],
          notes: [`published net import reliance, ${publishedReliance.row.year}`],
        }
      : {
          sourceIds: [],
          notes: [
            "the consumer's own output at this stage is not in the data, so import reliance is not known (unknown is not zero)",
          ],
        },
    recyclingAndDomestic: recycling
      ? {
          sourceIds: [recycling.row.sourceId],
          notes: recyclingIsProxy
            ? [
                `${recycling.row.scope}'s end-of-life recycling input rate for ${recycling.row.material} (${recycling.row.year}) used for ${q.consumer}, whose own is not published`,
              ]
            : [],
        }
      : { sourceIds: [], notes: ['no recycling figure for this material'] },
    substitutability: substitution
      ? {
          sourceIds: [substitution.row.sourceId],
          notes: substitution.level === 'own' ? [] : [`${substitution.row.material}'s index stands in`],
        }
      : { sourceIds: [], notes: ['no substitution index for this material'] },
    stockpileCover: {
      sourceIds: unique(stock.rows.map((s) => s.sourceId)),
      notes: [stockpileNote(stock)].filter((n): n is string => n !== null),
    },
  };
  return {
    asOf,
    input,
    result: resilienceScore(input),
    imports: found ? importsUsed(found, q) : null,
    importsTried: lookup.tried,
    provenance,
  };
}

/** Which governance years stand in for the year scored (WGI 2022 is the only edition in the data). */
function governanceYearNotes(
  named: readonly string[],
  years: Readonly<Record<string, number>>,
  year: number,
): string[] {
  const used = unique(
    named.flatMap((c) => (years[c] !== undefined && years[c] !== year ? [String(years[c])] : [])),
  );
  return used.length ? [`governance scores of ${used.join(', ')} stand in for ${year}`] : [];
}

function agreementNotes(agreements: readonly AgreementCredit[]): string[] {
  return agreements.map((a) =>
    a.unbacked ? `${a.id}: ${a.unbacked}` : `${a.id}: secures the imports from ${a.backedBy.join(', ')}`,
  );
}
