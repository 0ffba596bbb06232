// What is known of a consumer's stockpile: holdings that are disclosed count as cover; a target is a policy,
// not a holding; undisclosed holdings are unknown. Japan's 2020 strategy sets a national target (generally 60
// days, up to about 180 for high-risk metals) and discloses no holdings — rare earths are not among the metals
// known to be held — so Japan's cover is unknown, not 60 days.
import type { Material } from '../entities/element.ts';
import type { Stockpile } from '../entities/stockpile.ts';
import { covers } from './materials.ts';

export interface StockpileFacts {
  /** Days of consumption held, summed over holders who disclose; undefined when nobody does. */
  heldDays: number | undefined;
  /** Targets, for context. */
  targets: Stockpile[];
  /** Holders who hold an undisclosed amount. */
  undisclosed: Stockpile[];
  /** The rows behind the facts. */
  rows: Stockpile[];
}

/** The latest stockpile facts (up to `year`) of `consumer` for `material` or a material that covers it. */
export function stockpileFacts(
  stockpiles: readonly Stockpile[],
  query: { consumer: string; material: Material; year: number },
): StockpileFacts {
  const relevant = stockpiles.filter(
    (s) => s.country === query.consumer && s.year <= query.year && covers(s.material, query.material),
  );
  const latest = Math.max(-Infinity, ...relevant.map((s) => s.year));
  const rows = relevant.filter((s) => s.year === latest);
  const reported = rows.filter((s) => s.kind === 'reported');
  return {
    heldDays: reported.length > 0 ? reported.reduce((sum, s) => sum + (s.days ?? 0), 0) : undefined,
    targets: rows.filter((s) => s.kind === 'target'),
    undisclosed: rows.filter((s) => s.kind === 'undisclosed'),
    rows,
  };
}

/** The sentence the score shows when holdings are not known. */
export function stockpileNote(facts: StockpileFacts): string | null {
  if (facts.heldDays !== undefined) return null;
  const target = facts.targets.map((t) => `${t.holder}: target ${t.days} days`).join('; ');
  const hidden = facts.undisclosed.length > 0 ? 'holdings undisclosed' : 'no holdings reported';
  return target ? `${hidden} (${target}); a target is not cover` : hidden;
}
