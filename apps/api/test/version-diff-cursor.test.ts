// A diff cursor is checked against the key columns of its table before any of it reaches SQL: a value of the
// wrong type or shape for the table (text where the key is an integer year, a number where it is text, too many
// or too few values, a NUL, a year past 32 bits) is a bad request naming what is wrong, never a database error
// (500). The lists paged here have rows, so a cursor that passed would be used. Runs on PGlite and PostgreSQL.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Database } from '../src/db/client.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let admin: SessionUser;
let current: string;
let draft: string;

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  current = (await resolveVersion(database.db)).id;
  draft = (await callerFor(database, admin).datasets.createDraft({ label: `Diff cursor ${Date.now()}` })).id;
  // Some changed rows in the two tables paged below: governance (key: country, year) and production (eight key
  // columns, text, an integer year and a boolean among them).
  for (const sql of [
    `UPDATE "governance_score" SET "wgi" = "wgi" / 2 WHERE "versionId" = $1 AND "wgi" <> 0`,
    `UPDATE "production_record" SET "quantity" = "quantity" + 1 WHERE "versionId" = $1 AND "unit" <> 'share'`,
  ]) {
    expect(await database.db.$executeRawUnsafe(sql, draft), sql).toBeGreaterThan(2);
  }
});
afterAll(async () => {
  await database?.close();
});

const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
const changedAfter = (entity: 'governance' | 'production', after: string, limit = 1) =>
  callerFor(database, admin).datasets.diff({
    from: current,
    to: draft,
    limit,
    page: { entity, kind: 'changed', after },
  });

/**
 * The code a call was refused with, and the message of its input error at `page.after` (what the API's answer
 * carries in `data.fieldErrors`): the cursor's own message, not one about the whole input.
 */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
    return { code: 'OK', message: '' };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const issues = error.cause instanceof ZodError ? error.cause.issues : [];
    const atCursor = issues.filter((issue) => issue.path.join('.') === 'page.after');
    expect(atCursor.length, error.message).toBe(issues.length);
    return { code: error.code, message: atCursor.map((issue) => issue.message).join(' | ') };
  }
}

describe('a diff cursor whose key values do not fit the table', () => {
  it('is a bad request with a message saying what does not fit, for each kind of misfit', async () => {
    const cases: [string, 'governance' | 'production', unknown, RegExp][] = [
      ['text where the key is an integer year', 'governance', ['CHN', '2020'], /year.*whole number/],
      ['a number where the key is text', 'governance', [156, 2020], /country.*text/],
      ['a fraction for a year', 'governance', ['CHN', 2020.5], /year.*whole number/],
      ['a year past 32 bits', 'governance', ['CHN', 1e20], /year.*whole number/],
      ['a year just past int4', 'governance', ['CHN', 2_147_483_648], /year.*whole number/],
      ['a year just below int4', 'governance', ['CHN', -2_147_483_649], /year.*whole number/],
      ['a NUL in text', 'governance', ['CH\u0000N', 2020], /country.*NUL/],
      ['a lone surrogate in text', 'governance', ['\ud800', 2020], /country.*surrogate/],
      ['over-long text', 'governance', ['x'.repeat(1001), 2020], /country.*1000 characters/],
      ['too few values', 'governance', ['CHN'], /2 key values \(country, year\)/],
      ['too many values', 'governance', ['CHN', 2020, 'x'], /2 key values \(country, year\)/],
      ['an object, not a list', 'governance', { country: 'CHN', year: 2020 }, /2 key values/],
      ['null for a key value', 'governance', ['CHN', null], /year.*whole number/],
      [
        'text where the key is true or false',
        'production',
        ['CHN', 'mining', 'REE', 2020, 't', 'gross', 'false', 'usgs'],
        /projection.*true or false/,
      ],
      [
        'a list where the key is text',
        'production',
        ['CHN', ['mining'], 'REE', 2020, 't', 'gross', false, 'usgs'],
        /stage.*text/,
      ],
    ];
    for (const [what, entity, values, message] of cases) {
      const answer = await refusal(changedAfter(entity, cursorOf(values)));
      expect(answer.code, what).toBe('BAD_REQUEST');
      expect(answer.message, what).toMatch(/page link is damaged/);
      expect(answer.message, what).toMatch(message);
    }
  });

  it('is a bad request too when it is not base64url JSON at all', async () => {
    for (const after of ['bm90IGpzb24', cursorOf('CHN'), Buffer.from('[1,').toString('base64url')]) {
      const answer = await refusal(changedAfter('governance', after));
      expect(answer, after).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/damaged/) });
    }
  });

  it('still pages on from a cursor the diff gave, and from one of extreme but valid values', async () => {
    const first = await callerFor(database, admin).datasets.diff({
      from: current,
      to: draft,
      limit: 1,
      page: { entity: 'governance', kind: 'changed' },
    });
    const next = first.entities[0]?.next.changed;
    expect(next).toEqual(expect.any(String));
    const second = await changedAfter('governance', next ?? '');
    expect(second.entities[0]?.changed).toHaveLength(1);
    expect(second.entities[0]?.changed[0]?.key).not.toBe(first.entities[0]?.changed[0]?.key);
    // The largest int4 year and the smallest: past the last row, and before the first.
    expect((await changedAfter('governance', cursorOf(['ZZZ', 2_147_483_647]))).entities[0]?.changed).toEqual(
      [],
    );
    expect(
      (await changedAfter('governance', cursorOf(['', -2_147_483_648]))).entities[0]?.changed,
    ).toHaveLength(1);
  });
});
