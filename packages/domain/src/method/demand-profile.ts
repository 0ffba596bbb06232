// The demand side of one material: what it is used for, how much of its consumption each use takes, and the
// sectors that depend on it, per scope (world, EU, a country). Where a scope has shares, its latest year with
// shares (one consistent split); where it has none, every use a source names, newest first. Only the material's
// own rows count: an element with no demand figures has none, rather than all rare earths' renamed.
import { z } from 'zod';
import { Material } from '../entities/element.ts';
import { EndUse, type EndUseShare, EndUseShareFields, Sector } from '../entities/end-use.ts';

/** Shares of one material, scope and year may add up to a little over 1 from the source's own rounding. */
const ROUNDING_SLACK = 0.02;

/** One use of the material in a scope: its share (null when the source gives none), sectors and source. */
export const DemandUse = EndUseShareFields.pick({
  use: true,
  year: true,
  share: true,
  sectors: true,
  notes: true,
  sourceId: true,
  status: true,
});
export type DemandUse = z.infer<typeof DemandUse>;

export const DemandScope = z.object({
  scope: z.string(),
  /** The year of the shares; without shares, the newest year a use is named in. */
  year: z.int(),
  /** Largest share first; without shares, newest first; then in EndUse's order. */
  uses: z.array(DemandUse),
  /** The sum of the shares given (null when no use has one). */
  shareTotal: z.number().nullable(),
  /** Every sector that depends on the material in this scope, those of its largest uses first. */
  sectors: z.array(Sector),
  /** Problems with the figures: shares that add up to more than the whole. */
  problems: z.array(z.string()),
});
export type DemandScope = z.infer<typeof DemandScope>;

export const DemandProfile = z.object({
  material: Material,
  scopes: z.array(DemandScope),
  sourceIds: z.array(z.string()),
});
export type DemandProfile = z.infer<typeof DemandProfile>;

/**
 * The material's uses per scope, from its latest year with figures (up to `year` when given).
 * @example demandProfile(rows, 'Dy').scopes[0].uses[0] // { use: 'permanent-magnets', share: …, sectors: [...] }
 */
export function demandProfile(
  rows: readonly EndUseShare[],
  material: Material,
  year?: number,
): DemandProfile {
  const own = rows.filter((r) => r.material === material && (year === undefined || r.year <= year));
  const byScope = new Map<string, EndUseShare[]>();
  for (const r of own) byScope.set(r.scope, [...(byScope.get(r.scope) ?? []), r]);
  const scopes = [...byScope]
    .map(([scope, scopeRows]) => scopeOf(scope, scopeRows))
    .sort((a, b) => scopeOrder(a.scope) - scopeOrder(b.scope) || a.scope.localeCompare(b.scope));
  const sourceIds = [...new Set(scopes.flatMap((s) => s.uses.map((u) => u.sourceId)))].sort();
  return { material, scopes, sourceIds };
}

function scopeOf(scope: string, rows: readonly EndUseShare[]): DemandScope {
  const shareYears = rows.filter((r) => r.share !== null).map((r) => r.year);
  // Shares of different years do not add up: keep the latest year's split whole.
  const picked = shareYears.length ? rows.filter((r) => r.year === Math.max(...shareYears)) : rows;
  const uses = picked
    .map((r) => ({
      use: r.use,
      year: r.year,
      share: r.share,
      sectors: r.sectors,
      ...(r.notes ? { notes: r.notes } : {}),
      sourceId: r.sourceId,
      status: r.status,
    }))
    // Whatever order the rows come in (a CSV, a database): by share, then year, then the uses' own order.
    .sort(
      (a, b) =>
        (b.share ?? -1) - (a.share ?? -1) ||
        b.year - a.year ||
        EndUse.options.indexOf(a.use) - EndUse.options.indexOf(b.use) ||
        a.sourceId.localeCompare(b.sourceId),
    );
  const given = uses.filter((u) => u.share !== null);
  const shareTotal = given.length ? given.reduce((sum, u) => sum + (u.share ?? 0), 0) : null;
  const newest = Math.max(...uses.map((u) => u.year));
  const problems =
    shareTotal !== null && shareTotal > 1 + ROUNDING_SLACK
      ? [`the shares of ${scope} ${newest} add up to ${Math.round(shareTotal * 100)} %, more than the whole`]
      : [];
  return {
    scope,
    year: newest,
    uses,
    shareTotal,
    sectors: [...new Set(uses.flatMap((u) => u.sectors))],
    problems,
  };
}

/** The world first, then the EU, then countries. */
function scopeOrder(scope: string): number {
  return scope === 'WLD' ? 0 : scope === 'EU' ? 1 : 2;
}
