import { InvalidSupplyError } from '../errors.ts';

export interface TradeBalance {
  /** Domestic production (any unit, the same for all three). */
  production: number;
  imports: number;
  exports: number;
}

/**
 * Import reliance as the EU defines it: IR = (imports − exports) / (production + imports − exports), clamped to
 * 0–1 (a net exporter relies on nobody). Source: eu-crm-2017.
 * @example importReliance({ production: 0, imports: 100, exports: 0 }) // 1
 * @example importReliance({ production: 50, imports: 100, exports: 50 }) // 0.5
 */
export function importReliance({ production, imports, exports }: TradeBalance): number {
  for (const [name, value] of Object.entries({ production, imports, exports })) {
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidSupplyError(`${name} must be a finite number ≥ 0`);
  }
  const apparentConsumption = production + imports - exports;
  if (apparentConsumption <= 0) return 0;
  return Math.min(1, Math.max(0, (imports - exports) / apparentConsumption));
}
