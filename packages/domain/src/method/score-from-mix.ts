// The second half of scoring from rows: given the consumer's imports (found in a dataset's trade rows, or a
// company's upload), the rest of the dataset supplies governance, export controls, agreements, recycling,
// substitution and stockpiles; the result is the score with the rows and sources behind each component.
import { z } from 'zod';
import type { DatasetRows } from '../dataset/entity-files.ts';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import type { Stage } from '../entities/stage.ts';
import { indicatorScopeOf } from '../region/eu27.ts';
import type { ComponentId } from '../score/method.ts';
import type { ResilienceInput } from '../score/resilience-input-schema.ts';
import { type ResilienceScore, resilienceScore } from '../score/resilience-score.ts';
import { asOfDate, restrictionsInForce } from './controls.ts';
import { inForceNotes, notInForceNotes } from './controls-notes.ts';
import { governanceAsOf, indexDataset } from './dataset-index.ts';
import { findIndicator } from './indicators.ts';
import { type FoundMix, fallbackNote, type MixLookup } from './lookup.ts';
import { PROXY_QUALITY } from './parameters.ts';
import { type AgreementCredit, securedSupply } from './partners.ts';
import { stockpileFacts, stockpileNote } from './stockpile.ts';

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

/**
 * Whom the score is for. A country (or the EU-27) has its own agreements, stockpiles and published indicators in
 * the dataset; a company has none there, so those components stay unknown rather than borrowing a country's.
 */
export interface MixQuery {
  consumer: string;
  kind: 'country' | 'company';
  material: Material;
  stage: Stage;
  year: number;
  today: string;
  asOf?: string | undefined;
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
 * Scores the consumer's imports `lookup` against the rest of `data`. `importNotes` are said wherever the imports
 * are (e.g. that intra-EU trade is left out, or that the figures are the company's own upload).
 */
export function scoreFromMix(
  data: DatasetRows,
  q: MixQuery,
  lookup: MixLookup,
  importNotes: readonly string[] = [],
  /** `data`'s index, when the caller has one already (a trend scores many years from one). */
  index: ReturnType<typeof indexDataset> = indexDataset(data),
): DatasetScore {
  const asOf = q.asOf ?? asOfDate(q.year, q.today);
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
  const country = q.kind === 'country';
  const scope = indicatorScopeOf(q.consumer);
  const indicatorQuery = { material: q.material, year: q.year };
  const recycling = country
    ? (findIndicator(data.indicators, { ...indicatorQuery, indicator: 'eol-rir', scope }) ??
      findIndicator(data.indicators, { ...indicatorQuery, indicator: 'eol-rir', scope: 'EU' }))
    : null;
  const recyclingIsProxy = recycling !== null && recycling.row.scope !== scope;
  const substitution = findIndicator(data.indicators, { ...indicatorQuery, indicator: 'si-sr', scope: 'EU' });
  const reliance = country
    ? findIndicator(data.indicators, { ...indicatorQuery, indicator: 'import-reliance', scope })
    : null;
  const publishedReliance =
    reliance && reliance.row.year === q.year && reliance.level === 'own' ? reliance : null;
  const stock = stockpileFacts(data.stockpiles, { consumer: q.consumer, material: q.material, year: q.year });
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
  const mixNotes = [
    ...importNotes,
    ...(found ? [importsUsed(found, q).note].filter((n): n is string => n !== null) : lookup.tried),
  ];
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
      notes: country
        ? agreementNotes(secured.agreements)
        : ["a company's own agreements are not in the data"],
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
      : {
          sourceIds: [],
          notes: [
            country
              ? 'no recycling figure for this material'
              : "a company's recycled input is not in the data",
          ],
        },
    substitutability: substitution
      ? {
          sourceIds: [substitution.row.sourceId],
          notes: substitution.level === 'own' ? [] : [`${substitution.row.material}'s index stands in`],
        }
      : { sourceIds: [], notes: ['no substitution index for this material'] },
    stockpileCover: {
      sourceIds: unique(stock.rows.map((s) => s.sourceId)),
      notes: country
        ? [stockpileNote(stock)].filter((n): n is string => n !== null)
        : ["a company's own stock is not in the data"],
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
