// What the diff tests measure against: the diff as it used to be computed (every row of both versions loaded and
// compared in JS — fine for a test, the reason the API no longer does it), and a database client that notes how
// many rows each query returned.
import { ENTITY_FILES, type EntityName, keyOf } from '@ree/domain';
import type { Db } from '../src/db/client.ts';
import { ENTITY_TABLE } from '../src/queries/dataset-versions.ts';

type Plain = string | number | boolean | string[] | null;

async function keyedRows(db: Db, versionId: string, entity: EntityName) {
  const rows = await db.$queryRawUnsafe<Record<string, Plain>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" WHERE "versionId" = $1`,
    versionId,
  );
  const fields = ENTITY_FILES[entity].columns.map((c) => c.key);
  return new Map(
    rows.map((row) => [keyOf(entity, row), Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))]),
  );
}

const same = (a: Plain, b: Plain) => JSON.stringify(a) === JSON.stringify(b);

/** The old JS computation: counts, and the keys of each list (sorted), with the changed rows' fields. */
export async function referenceDiff(db: Db, from: string, to: string, entity: EntityName) {
  const [before, after] = await Promise.all([keyedRows(db, from, entity), keyedRows(db, to, entity)]);
  const added: string[] = [];
  const removed: string[] = [];
  const changed = new Map<string, string[]>();
  let unchanged = 0;
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) {
      added.push(key);
      continue;
    }
    const fields = Object.keys(row).filter((f) => !same(row[f] ?? null, old[f] ?? null));
    if (fields.length === 0) unchanged++;
    else changed.set(key, fields);
  }
  for (const key of before.keys()) if (!after.has(key)) removed.push(key);
  return {
    counts: { added: added.length, removed: removed.length, changed: changed.size, unchanged },
    added: added.sort(),
    removed: removed.sort(),
    changed,
  };
}

export interface Read {
  call: string;
  rows: number;
}

/** The same client, noting the rows every call that answers with a list returned (raw SQL and model reads). */
export function countingDb(db: Db): { db: Db; reads: Read[] } {
  const reads: Read[] = [];
  const wrap = <T extends object>(target: T, path: string): T =>
    new Proxy(target, {
      get(object, property) {
        const value = Reflect.get(object, property);
        const name = `${path}.${String(property)}`;
        if (typeof value === 'function') {
          return (...args: unknown[]) =>
            Promise.resolve(value.apply(object, args)).then((result: unknown) => {
              if (Array.isArray(result)) {
                const sql =
                  typeof args[0] === 'string' ? ` ${args[0].replace(/\s+/g, ' ').slice(0, 160)}` : '';
                reads.push({ call: `${name}${sql}`, rows: result.length });
              }
              return result;
            });
        }
        return value !== null && typeof value === 'object' && typeof property === 'string'
          ? wrap(value, name)
          : value;
      },
    });
  return { db: wrap(db, 'db'), reads };
}
