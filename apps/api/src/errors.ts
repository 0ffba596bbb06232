// The few errors our services throw on purpose, mapped once to tRPC codes in trpc/init.ts.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** Input that passed the schema but makes no sense against the data (an unknown country code, say). */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/** Too much work asked at once: the user's quota or the server's queue is full (HTTP 429; try again later). */
export class BusyError extends Error {
  override name = 'BusyError';
}

/** A job that ran past its time-out and was stopped. */
export class SimulationTimeoutError extends Error {
  override name = 'SimulationTimeoutError';
}

/**
 * A request's API token was refused: 401 (unknown, malformed, revoked, expired, or its account disabled) or 429 (its
 * rate limit; `retryAfterSeconds` says when to come back). Thrown before any procedure runs, so the caller hears
 * why instead of being treated as signed out.
 */
export class ApiTokenError extends Error {
  override name = 'ApiTokenError';
  constructor(
    message: string,
    readonly status: 401 | 429,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
