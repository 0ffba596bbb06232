// Requests per API token in a fixed window of one minute, counted in the database so every API instance shares the
// count. One statement counts the request and says where the window stands: INSERT … ON CONFLICT DO UPDATE locks
// the token's row, so requests at the same moment, on any instance, are counted one after the other. Times come
// from the database's clock, the one every instance shares.
import type { Db } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';

export const TOKEN_RATE_WINDOW_MS = 60_000;
/** Default for API_TOKEN_RATE_LIMIT: requests per token per minute. */
export const DEFAULT_TOKEN_RATE_LIMIT = 600;

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`; // timestamps are stored as UTC without a zone
const WINDOW = Prisma.sql`(${TOKEN_RATE_WINDOW_MS}::float8 * interval '1 millisecond')`;

export interface TokenRateCount {
  /** This request's number in the window (1 for the first). */
  count: number;
  /** A new window opened with this request. */
  opened: boolean;
  /** Milliseconds until the window closes. */
  resetInMs: number;
}

/** Counts one request of the token and returns where its window stands. */
export async function countTokenRequest(db: Db, tokenId: string): Promise<TokenRateCount> {
  const stale = Prisma.sql`t."windowStart" <= ${NOW} - ${WINDOW}`;
  const [row] = await db.$queryRaw<{ count: number; opened: boolean; resetInMs: number }[]>`
    INSERT INTO "api_token_rate" AS t ("tokenId", "windowStart", "count")
    VALUES (${tokenId}, ${NOW}, 1)
    ON CONFLICT ("tokenId") DO UPDATE SET
      "windowStart" = CASE WHEN ${stale} THEN ${NOW} ELSE t."windowStart" END,
      "count" = CASE WHEN ${stale} THEN 1 ELSE t."count" + 1 END
    RETURNING t."count",
      (t."count" = 1) AS "opened",
      (EXTRACT(EPOCH FROM (t."windowStart" + ${WINDOW} - ${NOW})) * 1000)::float8 AS "resetInMs"`;
  if (!row) throw new Error('the rate-limit upsert returned no row');
  return { count: Number(row.count), opened: row.opened, resetInMs: Math.max(0, Number(row.resetInMs)) };
}
