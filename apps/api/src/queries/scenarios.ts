// Saved disruption scenarios. Owners edit; other signed-in users may only read a scenario its owner shared.
// Anything else — another user's unshared scenario, or an edit of someone else's — is NOT_FOUND, so the existence
// of other people's scenarios never leaks.
import {
  Iso3,
  Material,
  readStoredScenario,
  SCENARIO_LIMITS,
  SCENARIO_SCHEMA_VERSION,
  ScenarioInput,
  Stage,
} from '@ree/domain';
import { z } from 'zod';
import { companyScoreFor } from '../companies/score.ts';
import type { Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { SimulationPool } from '../simulation/pool.ts';
import { assertRoomForScenario } from './scenario-quota.ts';
import { explainScore } from './score.ts';
import { resolveVersion, versionRefOf } from './versions.ts';

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

/** When only shares are known, the baseline is an index: demand of 100 units a year. */
export const INDEX_DEMAND = 100;
/** Spare capacity of each supplier when the data has none: 10 % of what it supplies (an editable assumption). */
export const DEFAULT_SPARE_SHARE = 0.1;

/** The simulation's name for imports no named country accounts for: a source of supply, never a country. */
export const UNALLOCATED_SUPPLIER = 'unallocated';

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
  const { datasetVersion, scored } = await companyScoreFor(db, ownerId, { ...params, id: params.company });
  return { datasetVersion, ...scored };
}

export async function baselineFor(db: Db, ownerId: string, params: z.infer<typeof BaselineInput>) {
  const explained = await baselineScore(db, ownerId, params);
  const { input: score, imports } = explained;
  const total = imports?.total ?? null;
  const perYear = (share: number) => share * (total ?? INDEX_DEMAND);
  const partners = new Set(score.partners ?? []);
  const { named, folded } = largestSuppliers(score.imports);
  const suppliers = named.map(([id, share]) => ({
    id,
    supplyPerYear: perYear(share),
    spareCapacityPerYear: perYear(share) * DEFAULT_SPARE_SHARE,
    partner: partners.has(id),
  }));
  const unallocated = (score.unallocated ?? 0) + folded.share;
  if (unallocated > 0) {
    suppliers.push({
      id: UNALLOCATED_SUPPLIER,
      supplyPerYear: perYear(unallocated),
      spareCapacityPerYear: perYear(unallocated) * DEFAULT_SPARE_SHARE,
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

export const CreateScenario = z.strictObject({
  name: z.string().trim().min(1, 'give the scenario a name').max(200),
  notes: z.string().max(5000).optional(),
  input: ScenarioInput,
});

const SUMMARY = {
  id: true,
  name: true,
  notes: true,
  shared: true,
  createdAt: true,
  updatedAt: true,
  ownerId: true,
  datasetVersion: { select: { id: true, label: true, publishedAt: true } },
} satisfies Prisma.ScenarioSelect;

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Facility outages must name a facility of the dataset version (an imported file could name anything). */
async function assertFacilitiesExist(
  db: Db,
  versionId: string,
  input: z.infer<typeof ScenarioInput>,
): Promise<void> {
  const named = [...new Set(input.shocks.flatMap((s) => (s.kind === 'facilityOutage' ? [s.facility] : [])))];
  if (named.length === 0) return;
  const found = await db.facility.findMany({ where: { versionId, id: { in: named } }, select: { id: true } });
  const missing = named.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw new InvalidInputError(
      `Unknown facility: ${missing.join(', ')}. Pick one from the facilities list.`,
    );
}

/**
 * Saves a scenario with its result, run by the domain's `runScenario` in a simulation worker; CONFLICT when the
 * user already keeps MAX_SCENARIOS_PER_USER.
 */
export async function createScenario(
  db: Db,
  simulations: SimulationPool,
  ownerId: string,
  data: z.infer<typeof CreateScenario>,
) {
  await assertRoomForScenario(db, ownerId);
  const version = await resolveVersion(db);
  await assertFacilitiesExist(db, version.id, data.input);
  const result = await simulations.runScenario(ownerId, data.input);
  return db.scenario.create({
    data: {
      ownerId,
      name: data.name,
      notes: data.notes ?? null,
      input: toJson(data.input),
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      result: toJson(result),
      datasetVersionId: version.id,
    },
    select: { id: true },
  });
}

export async function listScenarios(db: Db, ownerId: string) {
  const rows = await db.scenario.findMany({
    where: { ownerId },
    select: SUMMARY,
    orderBy: { updatedAt: 'desc' },
    take: 200,
  });
  return rows.map((row) => ({ ...row, datasetVersion: versionRefOf(row.datasetVersion) }));
}

/**
 * The scenario if the user owns it or it is shared; NOT_FOUND otherwise. Its input is read in today's schema (older
 * ones migrated by the domain); a stored result that no longer fits is run again and kept, so it is run once.
 */
export async function getScenario(db: Db, simulations: SimulationPool, userId: string, id: string) {
  const scenario = await db.scenario.findFirst({
    where: { id, OR: [{ ownerId: userId }, { shared: true }] },
    select: { ...SUMMARY, input: true, result: true, schemaVersion: true },
  });
  if (!scenario) throw new NotFoundError('No such scenario.');
  const { ownerId, schemaVersion, input: storedInput, result: storedResult, ...rest } = scenario;
  const stored = readStoredScenario({ schemaVersion, input: storedInput, result: storedResult });
  let result = stored.result;
  if (!result) {
    result = await simulations.runScenario(userId, stored.input);
    await db.scenario.update({
      where: { id },
      // Migrating is not an edit: the scenario keeps its "updated" time.
      data: {
        input: toJson(stored.input),
        result: toJson(result),
        schemaVersion: SCENARIO_SCHEMA_VERSION,
        updatedAt: rest.updatedAt,
      },
    });
  }
  const current = await resolveVersion(db);
  return {
    ...rest,
    datasetVersion: versionRefOf(rest.datasetVersion),
    input: stored.input,
    result,
    readOnly: ownerId !== userId,
    newerDatasetVersion: current.id !== scenario.datasetVersion.id ? current : null,
  };
}

/** Runs `change` on a scenario the user owns; NOT_FOUND when it is not theirs (shared or not). */
async function owned(db: Db, userId: string, id: string) {
  const found = await db.scenario.findFirst({
    where: { id, ownerId: userId },
    select: { id: true, name: true, notes: true, input: true, schemaVersion: true },
  });
  if (!found) throw new NotFoundError('No such scenario.');
  return found;
}

export const ScenarioId = z.strictObject({ id: z.uuid() });
export const RenameScenario = ScenarioId.extend({
  name: CreateScenario.shape.name,
  notes: CreateScenario.shape.notes,
});
export const UpdateScenario = ScenarioId.extend({ input: ScenarioInput });
export const ShareScenario = ScenarioId.extend({ shared: z.boolean() });

export async function renameScenario(db: Db, userId: string, data: z.infer<typeof RenameScenario>) {
  await owned(db, userId, data.id);
  await db.scenario.update({
    where: { id: data.id },
    data: { name: data.name, ...(data.notes === undefined ? {} : { notes: data.notes }) },
  });
}

/** Replaces the inputs and re-runs on the server, on the current dataset version. */
export async function updateScenario(
  db: Db,
  simulations: SimulationPool,
  userId: string,
  data: z.infer<typeof UpdateScenario>,
) {
  await owned(db, userId, data.id);
  const version = await resolveVersion(db);
  await assertFacilitiesExist(db, version.id, data.input);
  const result = await simulations.runScenario(userId, data.input);
  await db.scenario.update({
    where: { id: data.id },
    data: {
      input: toJson(data.input),
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      result: toJson(result),
      datasetVersionId: version.id,
    },
  });
}

export async function duplicateScenario(db: Db, simulations: SimulationPool, userId: string, id: string) {
  const source = await owned(db, userId, id);
  const { input } = readStoredScenario({
    schemaVersion: source.schemaVersion,
    input: source.input,
    result: null,
  });
  return createScenario(db, simulations, userId, {
    name: `${source.name} (copy)`.slice(0, 200),
    notes: source.notes ?? undefined,
    input,
  });
}

export async function deleteScenario(db: Db, userId: string, id: string) {
  await owned(db, userId, id);
  await db.scenario.delete({ where: { id } });
}

export async function shareScenario(db: Db, userId: string, data: z.infer<typeof ShareScenario>) {
  await owned(db, userId, data.id);
  await db.scenario.update({ where: { id: data.id }, data: { shared: data.shared } });
}
