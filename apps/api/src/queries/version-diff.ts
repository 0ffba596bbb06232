// Two dataset versions side by side: per entity, the rows added, removed and changed (with the fields that
// changed), and what that does to the headline figures analysts see — HHI of production and resilience scores.

import type { Material, Stage } from '@ree/domain';
import { ENTITY_FILES, ENTITY_NAMES, type EntityName, keyOf } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { concentrationIn } from './concentration.ts';
import { ENTITY_TABLE } from './dataset-versions.ts';
import { scoreIn } from './score.ts';
import type { VersionRef } from './versions.ts';

type VersionOf = VersionRef & { published: boolean };

export const DiffInput = z.strictObject({
  from: z.uuid(),
  to: z.uuid(),
  /** At most this many rows per list and entity are returned in full (the counts are always complete). */
  limit: z.int().min(1).max(1000).default(200),
});

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const Row = z.record(z.string(), Value);

export const VersionDiff = z.object({
  from: z.object({ id: z.string(), label: z.string() }),
  to: z.object({ id: z.string(), label: z.string() }),
  entities: z.array(
    z.object({
      entity: z.string(),
      file: z.string(),
      counts: z.object({ added: z.int(), removed: z.int(), changed: z.int(), unchanged: z.int() }),
      added: z.array(z.object({ key: z.string(), row: Row })),
      removed: z.array(z.object({ key: z.string(), row: Row })),
      changed: z.array(
        z.object({
          key: z.string(),
          before: Row,
          after: Row,
          fields: z.array(z.string()),
        }),
      ),
    }),
  ),
  headline: z.array(
    z.object({
      figure: z.string(),
      kind: z.enum(['hhi', 'score']),
      before: z.number().nullable(),
      after: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

type Plain = z.infer<typeof Value>;

/** A version's rows of one entity, keyed, with only the entity's own fields (no ids, version or row version). */
async function keyedRows(
  db: Db,
  versionId: string,
  entity: EntityName,
): Promise<Map<string, Record<string, Plain>>> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" WHERE "versionId" = $1`,
    versionId,
  );
  const fields = ENTITY_FILES[entity].columns.map((c) => c.key);
  return new Map(
    rows.map((row) => [
      keyOf(entity, row),
      Object.fromEntries(fields.map((f) => [f, (row[f] ?? null) as Plain])) as Record<string, Plain>,
    ]),
  );
}

const same = (a: Plain, b: Plain) => JSON.stringify(a) === JSON.stringify(b);

async function entityDiff(db: Db, from: string, to: string, entity: EntityName, limit: number) {
  const [before, after] = await Promise.all([keyedRows(db, from, entity), keyedRows(db, to, entity)]);
  const added: { key: string; row: Record<string, Plain> }[] = [];
  const removed: typeof added = [];
  const changed: {
    key: string;
    before: Record<string, Plain>;
    after: Record<string, Plain>;
    fields: string[];
  }[] = [];
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) {
      counts.added++;
      if (added.length < limit) added.push({ key, row });
      continue;
    }
    const fields = Object.keys(row).filter((f) => !same(row[f] ?? null, old[f] ?? null));
    if (fields.length === 0) counts.unchanged++;
    else {
      counts.changed++;
      if (changed.length < limit) changed.push({ key, before: old, after: row, fields });
    }
  }
  for (const [key, row] of before) {
    if (after.has(key)) continue;
    counts.removed++;
    if (removed.length < limit) removed.push({ key, row });
  }
  const sortByKey = <T extends { key: string }>(list: T[]) => list.sort((a, b) => a.key.localeCompare(b.key));
  return {
    entity,
    file: ENTITY_FILES[entity].file,
    counts,
    added: sortByKey(added),
    removed: sortByKey(removed),
    changed: sortByKey(changed),
  };
}

const HHI_FIGURES: { stage: z.infer<typeof Stage>; material: z.infer<typeof Material> }[] = [
  { stage: 'mining', material: 'REE' },
  { stage: 'separation', material: 'REE' },
];
const SCORE_MATERIALS: z.infer<typeof Material>[] = ['NdPr', 'Dy'];

/** A figure's value in a version, or null where that version cannot compute it (no data for it). */
async function orNull(compute: () => Promise<number | null>): Promise<number | null> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

async function headline(db: Db, from: VersionOf, to: VersionOf) {
  const figures: VersionDiff['headline'] = [];
  const add = (figure: string, kind: 'hhi' | 'score', before: number | null, after: number | null) =>
    figures.push({
      figure,
      kind,
      before,
      after,
      change: before === null || after === null ? null : Math.round((after - before) * 100) / 100,
    });
  for (const { stage, material } of HHI_FIGURES) {
    // Compare the same year: the newest one the later version has.
    const latest = await orNull(
      async () => (await concentrationIn(db, to, { stage, material, projection: false })).year,
    );
    const year = latest ?? undefined;
    const value = (v: VersionOf) =>
      orNull(async () => (await concentrationIn(db, v, { stage, material, projection: false, year })).hhi);
    add(`HHI, ${material} ${stage}${year ? ` ${year}` : ''}`, 'hhi', await value(from), await value(to));
  }
  const importers = await db.tradeFlow.findMany({
    where: { versionId: { in: [from.id, to.id] } },
    distinct: ['importer'],
    select: { importer: true },
    orderBy: { importer: 'asc' },
  });
  for (const { importer } of importers) {
    for (const material of SCORE_MATERIALS) {
      const stage = 'separation';
      const value = (v: VersionOf) =>
        orNull(async () => (await scoreIn(db, v, { consumer: importer, material, stage })).result.score);
      add(`Resilience score, ${importer} ${material} ${stage}`, 'score', await value(from), await value(to));
    }
  }
  return figures;
}

export async function diffVersions(db: Db, input: z.infer<typeof DiffInput>): Promise<VersionDiff> {
  const versions = await db.datasetVersion.findMany({
    where: { id: { in: [input.from, input.to] } },
    select: { id: true, label: true, status: true },
  });
  const ref = (id: string) => {
    const v = versions.find((x) => x.id === id);
    // Drafts change: their rows are read afresh, never from the published-version cache.
    return v ? { id: v.id, label: v.label, published: v.status === 'published' } : undefined;
  };
  const from = ref(input.from);
  const to = ref(input.to);
  if (!from || !to) throw new NotFoundError('No such dataset version.');
  const entities = [];
  for (const entity of ENTITY_NAMES) entities.push(await entityDiff(db, from.id, to.id, entity, input.limit));
  return {
    from: { id: from.id, label: from.label },
    to: { id: to.id, label: to.label },
    entities,
    headline: await headline(db, from, to),
  };
}
