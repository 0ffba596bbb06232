// The EU method's trade-related factor t_c, from the export controls in force on the as-of date. The EU applied
// none to any rare-earth supplier in 2023, so by default t stays 1 and the controls are only named; an analyst who
// wants the method's export-restriction factor (1.1–1.5 in eu-crm-2017) sets it and it applies to every supplier
// with a control in force on the material towards the assessor.
import { z } from 'zod';
import type { Material } from '../entities/element.ts';
import type { PolicyMeasure } from '../entities/policy.ts';
import { type IsoDate, restrictionsInForce } from './controls.ts';
import { inForceNotes, notInForceNotes } from './controls-notes.ts';

/** The range eu-crm-2017 gives for a supplier with export restrictions. */
export const RestrictedTradeFactor = z.number().min(1.1).max(1.5);

export interface TradeFactors {
  /** t_c by supplier country; countries absent count 1. */
  factors: Record<string, number>;
  /** The supplier countries with an export control in force on the material towards the assessor. */
  restricting: string[];
  notes: string[];
}

/**
 * @example tradeFactorsAsOf(policies, { material: 'Dy', assessor: 'EU', date: '2025-12-31' }).restricting // ['CHN']
 */
export function tradeFactorsAsOf(
  policies: readonly PolicyMeasure[],
  query: { material: Material; assessor: string; date: IsoDate; restrictedFactor?: number },
): TradeFactors {
  const inForce = restrictionsInForce(policies, {
    material: query.material,
    destination: query.assessor,
    date: query.date,
  });
  const restricting = [...new Set(inForce.map((r) => r.measure.country))].sort();
  const factor = query.restrictedFactor;
  const factors = factor ? Object.fromEntries(restricting.map((c) => [c, factor])) : {};
  const rule =
    restricting.length === 0
      ? []
      : factor
        ? [
            `trade factor ${factor} applied to ${restricting.join(', ')} (export controls in force on ${query.date})`,
          ]
        : [
            `no trade factor applied to ${restricting.join(', ')} despite export controls in force on ${query.date}: the EU applied none to rare earths in 2023 (set one, 1.1–1.5, to apply the method's export-restriction factor)`,
          ];
  return {
    factors,
    restricting,
    notes: [
      ...rule,
      ...inForceNotes(inForce, query.date),
      ...notInForceNotes(policies, query.material, query.assessor, query.date),
    ],
  };
}
