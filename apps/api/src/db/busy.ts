// "The database is busy": a statement that ran past its time-out, or no free connection within the acquire
// time-out. Both mean "try again shortly", not "something is broken", so they become 503 with Retry-After rather
// than an internal error.

/** What a person is told when the database did not answer in time. */
export const DATABASE_BUSY_MESSAGE = 'The database is busy right now; please try again in a moment.';

// PostgreSQL: 57014 query_canceled (statement_timeout), 55P03 lock_not_available (lock_timeout).
const BUSY_SQLSTATES = new Set(['57014', '55P03']);
// Prisma: P2024 no connection from the pool in time, P2028 a transaction could not start or ran out of time.
const BUSY_PRISMA_CODES = new Set(['P2024', 'P2028']);
// node-postgres's pool, when no connection became free within connectionTimeoutMillis.
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** True when the error, or one of its causes, is a database time-out. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = fieldOf(e, 'cause'), depth++) {
    const code = fieldOf(e, 'code');
    if (typeof code === 'string' && (BUSY_PRISMA_CODES.has(code) || BUSY_SQLSTATES.has(code))) return true;
    const adapterCause = fieldOf(fieldOf(fieldOf(e, 'meta'), 'driverAdapterError'), 'cause');
    const sqlState = fieldOf(adapterCause, 'originalCode') ?? fieldOf(adapterCause, 'code');
    if (typeof sqlState === 'string' && BUSY_SQLSTATES.has(sqlState)) return true;
    if (e instanceof Error && POOL_TIMEOUT.test(e.message)) return true;
  }
  return false;
}
