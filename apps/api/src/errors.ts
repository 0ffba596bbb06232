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
