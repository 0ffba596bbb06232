// Saved disruption scenarios. Owners edit; other signed-in users may only read a scenario its owner shared.
// Anything else — another user's unshared scenario, or an edit of someone else's — is NOT_FOUND, so the existence
// of other people's scenarios never leaks.
import { readStoredScenario, SCENARIO_SCHEMA_VERSION, ScenarioInput } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { SimulationPool } from '../simulation/pool.ts';
import { savedBaselineSources } from './scenario-baseline.ts';
import { assertRoomForScenario } from './scenario-quota.ts';
import { resolveVersion, versionRefOf } from './versions.ts';

/**
 * The published version a scenario's baseline was read from (the `asOf` its baseline was asked with); the
 * current one when not given. Saving stamps this version, so a scenario built "as of" an older version says so.
 */
const BaselineVersion = z.uuid().optional();

export const CreateScenario = z.strictObject({
  name: z.string().trim().min(1, 'give the scenario a name').max(200),
  notes: z.string().max(5000).optional(),
  input: ScenarioInput,
  asOf: BaselineVersion,
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
  const version = await resolveVersion(db, data.asOf);
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
  const [current, sources] = await Promise.all([
    resolveVersion(db),
    savedBaselineSources(db, ownerId, stored.input, scenario.datasetVersion.id),
  ]);
  return {
    ...rest,
    datasetVersion: versionRefOf(rest.datasetVersion),
    sources,
    /** The base year: the year of the imports its baseline was read from (null for one built without a score). */
    year: stored.input.scoreInput?.year ?? null,
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
    select: { id: true, name: true, notes: true, input: true, schemaVersion: true, datasetVersionId: true },
  });
  if (!found) throw new NotFoundError('No such scenario.');
  return found;
}

export const ScenarioId = z.strictObject({ id: z.uuid() });
export const RenameScenario = ScenarioId.extend({
  name: CreateScenario.shape.name,
  notes: CreateScenario.shape.notes,
});
export const UpdateScenario = ScenarioId.extend({ input: ScenarioInput, asOf: BaselineVersion });
export const ShareScenario = ScenarioId.extend({ shared: z.boolean() });

export async function renameScenario(db: Db, userId: string, data: z.infer<typeof RenameScenario>) {
  await owned(db, userId, data.id);
  await db.scenario.update({
    where: { id: data.id },
    data: { name: data.name, ...(data.notes === undefined ? {} : { notes: data.notes }) },
  });
}

/** Replaces the inputs and re-runs on the server, stamped with the version its baseline was read from. */
export async function updateScenario(
  db: Db,
  simulations: SimulationPool,
  userId: string,
  data: z.infer<typeof UpdateScenario>,
) {
  await owned(db, userId, data.id);
  const version = await resolveVersion(db, data.asOf);
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
    // A copy cites what the original was read from.
    asOf: source.datasetVersionId,
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
