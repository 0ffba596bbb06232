// A scenario's starting point, read from a dataset version: suppliers, spare capacity, demand, stockpile and
// governance, with the version, base year and sources it was read from, so a saved scenario can cite them.
import { Iso3, Material, SCENARIO_LIMITS, ScenarioInput, Stage } from '@ree/domain';
import { z } from 'zod';
import { companyScoreFor } from '../companies/score.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { explainScore } from './score.ts';
import { versioned } from './versioned.ts';

export const BaselineInput = z.strictObject({
  consumer: Iso3.default('JPN'),
  // Dysprosium: the material a Chinese cut hits hardest, and one whose Chinese share is itemised.
  material: Material.default('Dy'),
  stage: Stage.default('separation'),
  /** One of the caller's company mixes: its imports replace the consumer's (then `consumer` is not read). */
  company: z.uuid().optional(),
  /** A published version to start from (the portal's "as of"); the current one when not given. */
  asOf: z.uuid().optional(),
});

/** What a baseline answers: the editor's input, with the version, base year and sources it was read from. */
export const Baseline = versioned({
  /** The base year: the year of the imports the baseline was read from. */
  year: z.int(),
  unit: z.enum(['t', 'index']),
  input: ScenarioInput,
  assumptions: z.array(z.string()),
});
// The input as built, before its defaults: the router's output check fills them in.
type BaselineOut = Omit<z.infer<typeof Baseline>, 'input'> & { input: z.input<typeof ScenarioInput> };

/** When only shares are known, the baseline is an index: demand of 100 units a year. */
export const INDEX_DEMAND = 100;
/** Spare capacity of each supplier when the data has none: 10 % of what it supplies (an editable assumption). */
export const DEFAULT_SPARE_SHARE = 0.1;

/** The simulation's name for imports no named country accounts for: a source of supply, never a country. */
export const UNALLOCATED_SUPPLIER = 'unallocated';

/**
 * A quantity as the editor's fields show it: six significant figures, so shares times demand read 21, not
 * 21.000000000000004 (far finer than any source's figures).
 */
export function forPeople(quantity: number): number {
  return Number(quantity.toPrecision(6));
}

/**
 * The named suppliers a baseline keeps: all of them when they fit the scenario limit (with room for
 * "unallocated"), else the largest, the rest folded into one share.
 */
export function largestSuppliers(imports: Record<string, number>) {
  const room = SCENARIO_LIMITS.suppliers - 1;
  const all = Object.entries(imports);
  if (all.length <= room) return { named: all, folded: { count: 0, share: 0 } };
  const bySize = [...all].sort(([, a], [, b]) => b - a);
  const rest = bySize.slice(room);
  return {
    named: bySize.slice(0, room),
    folded: { count: rest.length, share: rest.reduce((sum, [, share]) => sum + share, 0) },
  };
}

/** The score a baseline starts from: a country's (or the EU-27's), or one of the caller's company mixes. */
async function baselineScore(db: Db, ownerId: string, params: z.infer<typeof BaselineInput>) {
  if (!params.company) return explainScore(db, params);
  const { datasetVersion, sources, scored } = await companyScoreFor(db, ownerId, {
    ...params,
    id: params.company,
  });
  return { datasetVersion, sources, ...scored };
}

export async function baselineFor(
  db: Db,
  ownerId: string,
  params: z.infer<typeof BaselineInput>,
): Promise<BaselineOut> {
  const explained = await baselineScore(db, ownerId, params);
  const { input: score, imports } = explained;
  const total = imports?.total ?? null;
  const perYear = (share: number) => forPeople(share * (total ?? INDEX_DEMAND));
  const partners = new Set(score.partners ?? []);
  const { named, folded } = largestSuppliers(score.imports);
  const suppliers = named.map(([id, share]) => ({
    id,
    supplyPerYear: perYear(share),
    spareCapacityPerYear: forPeople(perYear(share) * DEFAULT_SPARE_SHARE),
    partner: partners.has(id),
  }));
  const unallocated = (score.unallocated ?? 0) + folded.share;
  if (unallocated > 0) {
    suppliers.push({
      id: UNALLOCATED_SUPPLIER,
      supplyPerYear: perYear(unallocated),
      spareCapacityPerYear: forPeople(perYear(unallocated) * DEFAULT_SPARE_SHARE),
      partner: false,
    });
  }
  const demandPerYear = suppliers.reduce((sum, s) => sum + s.supplyPerYear, 0) || INDEX_DEMAND;
  const input: z.input<typeof ScenarioInput> = {
    consumer: score.consumer,
    material: params.material,
    stage: params.stage,
    baseline: {
      suppliers,
      demandPerYear,
      stockpileDays: score.stockpileDays ?? 0,
      partnersFirst: true,
      months: 12,
    },
    shocks: [],
    // Unallocated supply comes from many small sources: as a whole it is rarely cut (governance 0 → 2 % a year).
    wgi: Object.fromEntries(
      suppliers.map((s) => [s.id, s.id === UNALLOCATED_SUPPLIER ? 0 : (score.wgi[s.id] ?? 10)]),
    ),
    monteCarlo: { samples: 10_000, seed: 1 },
    scoreInput: score,
  };
  return {
    datasetVersion: explained.datasetVersion,
    sources: explained.sources,
    year: score.year,
    unit: total !== null ? ('t' as const) : ('index' as const),
    input,
    assumptions: [
      total !== null
        ? null
        : `Only shares are known: quantities are an index (demand = ${INDEX_DEMAND} a year).`,
      `Spare capacity is ${DEFAULT_SPARE_SHARE * 100} % of each supplier's supply unless you edit it.`,
      unallocated > 0
        ? `${(unallocated * 100).toFixed(1)} % of imports is not allocated to a country in the sources: it is simulated as "${UNALLOCATED_SUPPLIER}", a source no shock names, rarely disrupted as a whole.`
        : null,
      folded.count > 0
        ? `The ${folded.count} smallest suppliers are simulated together as "${UNALLOCATED_SUPPLIER}": a scenario has at most ${SCENARIO_LIMITS.suppliers} suppliers.`
        : null,
      imports?.note ?? null,
      imports === null
        ? `No ${params.material} imports in the data: ${explained.importsTried.join('; ')}.`
        : null,
      score.stockpileDays === undefined
        ? 'Stockpile holdings are not known: the baseline starts with none (edit it to test a stockpile).'
        : null,
    ].filter((a): a is string => a !== null),
  };
}

/**
 * The sources behind a saved scenario's baseline, read again from the version it was saved on (scores are cached
 * per version). A company baseline is read as its owner's mix, so a reader of a shared scenario sees the same
 * citations; a mix deleted since cites nothing rather than failing the page.
 */
export async function savedBaselineSources(
  db: Db,
  ownerId: string,
  input: z.infer<typeof ScenarioInput>,
  versionId: string,
) {
  const { material, stage } = input;
  const company = z.uuid().safeParse(input.consumer);
  const country = Iso3.safeParse(input.consumer);
  const year = input.scoreInput?.year;
  try {
    if (company.success)
      return (await companyScoreFor(db, ownerId, { id: company.data, material, stage, asOf: versionId }))
        .sources;
    if (country.success)
      return (
        await explainScore(db, {
          consumer: country.data,
          material,
          stage,
          asOf: versionId,
          ...(year === undefined ? {} : { year }),
        })
      ).sources;
    return [];
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}
