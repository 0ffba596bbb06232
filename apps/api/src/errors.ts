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
