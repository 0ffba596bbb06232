/** Base class of every error this package throws on purpose, so callers can tell them from bugs. */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** Arithmetic was asked to combine figures on different bases (e.g. REO tonnes with gross weight). */
export class MixedBasisError extends DomainError {
  override name = 'MixedBasisError';
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(`cannot combine ${found} with ${expected}: convert to one basis first`);
  }
}

/** An indicator got input it cannot compute from (negative quantities, nothing at all, NaN). */
export class InvalidSupplyError extends DomainError {
  override name = 'InvalidSupplyError';
}
