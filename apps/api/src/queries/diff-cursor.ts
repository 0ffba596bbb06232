// A diff list's cursor: the key values of the last row of a page, as base64url JSON (opaque to the client, safe in
// a URL). It comes back from the client, so before any of it reaches SQL it is checked against the key columns of
// its table: the right number of values, each of its column's type and range — a value the database cannot take
// (text for an integer year, a year past 32 bits, a NUL) would otherwise fail there as a 500.
import { type ColumnType, ENTITY_FILES, type EntityName, textProblem } from '@ree/domain';
import { z } from 'zod';

export type KeyValue = string | number | boolean;

/** A cursor's outer shape: what a URL can carry. What it holds is checked by `readCursor`. */
export const Cursor = z
  .string()
  .min(1)
  .max(4000)
  .regex(/^[\w-]+$/, 'not a page cursor');

/** Key text longer than this is no key of ours (the longest are source ids and names). */
const MAX_KEY_TEXT = 1000;

/** One key value as its column's type allows it, with a message naming the column. */
function keyValue(key: string, type: ColumnType): z.ZodType<KeyValue> {
  switch (type) {
    case 'int':
      // Prisma's Int is PostgreSQL's int4.
      return z.int32({ error: `${key} must be a whole number from -2147483648 to 2147483647` });
    case 'number':
      return z.number({ error: `${key} must be a finite number` });
    case 'boolean':
      return z.boolean({ error: `${key} must be true or false` });
    default:
      return z
        .string({ error: `${key} must be text` })
        .max(MAX_KEY_TEXT, `${key} must be at most ${MAX_KEY_TEXT} characters`)
        .refine((text) => textProblem(text) !== 'nul', `${key} must not hold a NUL (U+0000)`)
        .refine((text) => textProblem(text) !== 'lone-surrogate', `${key} must not hold a lone surrogate`);
  }
}

/** The key values a cursor of `entity` holds: one per key column, in key order, each of its column's type. */
export function cursorKeys(entity: EntityName) {
  const { key, columns } = ENTITY_FILES[entity];
  const values = key.map((k) => keyValue(k, columns.find((c) => c.key === k)?.type ?? 'string'));
  return z.tuple(values as [z.ZodType<KeyValue>, ...z.ZodType<KeyValue>[]], {
    error: `it must hold the ${key.length} key values (${key.join(', ')}) of ${entity}`,
  });
}

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor's key values, or what is wrong with it as a message for the person who followed the link. */
export function readCursor(
  entity: EntityName,
  cursor: string,
): { ok: true; keys: KeyValue[] } | { ok: false; message: string } {
  const damaged = (why: string) => ({
    ok: false as const,
    message: `This page link is damaged or belongs to another table (${why}): start from the first page.`,
  });
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return damaged('it is not a page cursor');
  }
  const parsed = cursorKeys(entity).safeParse(value);
  if (!parsed.success) return damaged(parsed.error.issues[0]?.message ?? 'its key values do not fit');
  return { ok: true, keys: parsed.data };
}
