// Shares of supply from the rows sources publish — which are often incomplete: a world total and some countries,
// "other countries", a share for China only, or one country's tonnage with no total at all. The rules: of a
// series (USGS MCS, …) only the newest edition counts, never mixed with older ones; different publications may
// complement each other for different countries; tonnages become shares only of a published total; what no named
// country accounts for is `unallocated` — unknown, never a supplier.
import type { DataStatus, Source } from '../entities/provenance.ts';
import { newestFirst, seriesOf } from './editions.ts';

/** The world total in production rows, and the total of all imports in trade rows (as exporter). */
export const WORLD = 'WLD';
/** USGS's "Other countries": part of the total that no named country accounts for. */
export const OTHER_COUNTRIES = 'ROW';

/** One figure of a cell, whatever entity it comes from. */
export interface MixRow {
  /** The supplier (producer, or exporter for trade); WLD for the total, ROW for "other countries". */
  country: string;
  quantity: number;
  unit: 't' | 'kt' | 'share';
  basis: string;
  sourceId: string;
  status: DataStatus;
}

/** How the shares were obtained. */
export type MixMethod = 'tonnes-of-total' | 'published-shares';

export interface SupplyMix {
  /** Each named supplier's share of the whole, 0–1. Never contains WLD or ROW. */
  shares: Record<string, number>;
  /** The share no named supplier accounts for (ROW, or what published shares leave out), 0–1. */
  unallocated: number;
  method: MixMethod;
  /** The total the shares are of, in tonnes, when they come from tonnages. */
  total: number | null;
  /** Tonnes by named supplier, when the shares come from tonnages. */
  tonnes: Record<string, number> | null;
  basis: string;
  /** The sources of the rows used (one edition per series). */
  sourceIds: string[];
  /** The least certain status among the rows used. */
  status: DataStatus;
  /** The rows used. */
  rows: MixRow[];
}

/** Why a cell's rows give no shares. */
export interface NoMix {
  reason: string;
}

const STATUS_ORDER: readonly DataStatus[] = ['verified', 'estimated', 'unverified'];
/** Rounded published shares may exceed 100 % by this much before they count as inconsistent. */
const SHARE_TOLERANCE = 0.02;
/** How far named tonnages may exceed a rounded total before the figures count as inconsistent. */
const ROUNDING_TOLERANCE = 0.05;

function leastCertain(rows: readonly MixRow[]): DataStatus {
  let worst = 0;
  for (const r of rows) worst = Math.max(worst, STATUS_ORDER.indexOf(r.status));
  return STATUS_ORDER[worst] ?? 'unverified';
}

const tonnesOf = (r: MixRow) => (r.unit === 'kt' ? r.quantity * 1000 : r.quantity);

/** Shares from one source's tonnages: of its world total, or of named + "other countries" when it lists those. */
function fromTonnes(rows: readonly MixRow[]): SupplyMix | NoMix {
  const named = rows.filter((r) => r.country !== WORLD && r.country !== OTHER_COUNTRIES);
  const world = rows.find((r) => r.country === WORLD);
  const others = rows.filter((r) => r.country === OTHER_COUNTRIES).reduce((s, r) => s + tonnesOf(r), 0);
  const listed = named.reduce((s, r) => s + tonnesOf(r), 0);
  const hasOthers = rows.some((r) => r.country === OTHER_COUNTRIES);
  if (named.length === 0) return { reason: 'a total without any named supplier' };
  if (!world && !hasOthers) {
    const who = named.map((r) => r.country).join(', ') || 'nobody';
    return {
      reason: `tonnages for ${who} without a total: a partial list of tonnages is not a share of supply`,
    };
  }
  if (world && listed > tonnesOf(world) * (1 + ROUNDING_TOLERANCE))
    return {
      reason: `the named countries (${listed} t) exceed the total (${tonnesOf(world)} t): the figures disagree`,
    };
  // Totals are rounded (USGS: 390,000 t against 393,950 t summed): take shares of the larger.
  const total = Math.max(world ? tonnesOf(world) : 0, listed + others);
  if (total <= 0) return { reason: 'the total is zero' };
  const shares: Record<string, number> = {};
  const tonnes: Record<string, number> = {};
  for (const r of named) {
    tonnes[r.country] = (tonnes[r.country] ?? 0) + tonnesOf(r);
    shares[r.country] = (tonnes[r.country] ?? 0) / total;
  }
  return {
    shares,
    unallocated: Math.max(0, 1 - listed / total),
    method: 'tonnes-of-total',
    total,
    tonnes,
    basis: rows[0]?.basis ?? 'REO',
    sourceIds: sourcesOf(rows),
    status: leastCertain(rows),
    rows: [...rows],
  };
}

const sourcesOf = (rows: readonly MixRow[]) => [...new Set(rows.map((r) => r.sourceId))].sort();

/** Published shares as they stand; what they leave out (and any share given to "other countries") is unallocated. */
function fromShares(rows: readonly MixRow[]): SupplyMix | NoMix {
  const named = rows.filter((r) => r.country !== WORLD && r.country !== OTHER_COUNTRIES);
  const shares: Record<string, number> = {};
  for (const r of named) shares[r.country] = (shares[r.country] ?? 0) + r.quantity;
  const listed = Object.values(shares).reduce((a, b) => a + b, 0);
  if (listed > 1 + SHARE_TOLERANCE)
    return { reason: `the published shares add up to ${(listed * 100).toFixed(1)} %, more than 100 %` };
  if (listed <= 0) return { reason: 'no named supplier has a share' };
  // Rounded shares may add up to a little over 100 %: scale them to the whole.
  if (listed > 1) for (const c of Object.keys(shares)) shares[c] = (shares[c] ?? 0) / listed;
  return {
    shares,
    unallocated: Math.max(0, 1 - listed),
    method: 'published-shares',
    total: null,
    tonnes: null,
    basis: rows[0]?.basis ?? 'REO',
    sourceIds: sourcesOf(rows),
    status: leastCertain(rows),
    rows: [...rows],
  };
}

/**
 * The mix from a cell's rows of one cell: from tonnages when they have a total, else from published shares.
 * @example mixFromRows([{ country: 'CHN', quantity: 20000, unit: 't', … }]) // { reason: 'tonnages for CHN without a total…' }
 */
export function mixFromRows(rows: readonly MixRow[]): SupplyMix | NoMix {
  const tonnage = rows.filter((r) => r.unit !== 'share');
  const shareRows = rows.filter((r) => r.unit === 'share');
  const fromT = tonnage.length > 0 ? fromTonnes(tonnage) : null;
  if (fromT && 'shares' in fromT) return fromT;
  const fromS = shareRows.length > 0 ? fromShares(shareRows) : null;
  if (fromS && 'shares' in fromS) return fromS;
  return fromT ?? fromS ?? { reason: 'no figures' };
}

export interface CellMix {
  mix: SupplyMix | null;
  /** Why there is no mix (when `mix` is null). */
  reason: string | null;
  /** Sources with rows for the cell that were not used (older editions of a series). */
  otherSources: string[];
}

/**
 * Picks a cell's rows and computes its mix: of each series the newest edition (or the edition asked for), older
 * editions kept aside, never mixed in. Tonnages become shares within one publication (its countries and its
 * total); published shares from different publications may complement each other, the newer one's figure winning
 * where two give the same country.
 */
export function cellMix(
  rows: readonly MixRow[],
  sources: ReadonlyMap<string, Source>,
  edition?: string,
): CellMix {
  const ids = [...new Set(rows.map((r) => r.sourceId))].sort((a, b) =>
    newestFirst(sources.get(a), sources.get(b)),
  );
  const askedSeries = edition ? seriesOf(edition, sources) : null;
  const chosen = new Map<string, string>(); // series → edition used
  for (const id of ids) {
    const series = seriesOf(id, sources);
    if (series === askedSeries) {
      if (id === edition) chosen.set(series, id);
    } else if (!chosen.has(series)) chosen.set(series, id);
  }
  const usedIds = ids.filter((id) => [...chosen.values()].includes(id));
  const otherSources = ids.filter((id) => !usedIds.includes(id));
  if (edition && !usedIds.includes(edition))
    return { mix: null, reason: `no figures from ${edition}`, otherSources: ids };
  // Each publication's tonnages become shares of its own total; then publications complement each other.
  const reasons: string[] = [];
  const merged: MixRow[] = [];
  const fromTonnage = new Map<MixRow, SupplyMix>();
  const seen = new Set<string>();
  const take = (r: MixRow) => {
    if (seen.has(r.country)) return;
    seen.add(r.country);
    merged.push(r);
  };
  for (const id of usedIds) {
    const tonnage = rows.filter((r) => r.sourceId === id && r.unit !== 'share');
    if (tonnage.length > 0) {
      const result = fromTonnes(tonnage);
      if ('shares' in result) {
        for (const [country, share] of Object.entries(result.shares)) {
          const row: MixRow = {
            ...(tonnage.find((r) => r.country === country) as MixRow),
            quantity: share,
            unit: 'share',
          };
          fromTonnage.set(row, result);
          take(row);
        }
      } else reasons.push(`${id}: ${result.reason}`);
    }
    for (const r of rows) if (r.sourceId === id && r.unit === 'share') take(r);
  }
  if (merged.length > 0) {
    // All from one publication's tonnages: keep its tonnes and total.
    const origins = new Set(merged.map((r) => fromTonnage.get(r)));
    const only = origins.size === 1 ? [...origins][0] : undefined;
    if (only) return { mix: only, reason: null, otherSources };
    const result = fromShares(merged);
    if ('shares' in result) return { mix: result, reason: null, otherSources };
    reasons.push(result.reason);
  }
  return { mix: null, reason: reasons.join('; ') || 'no figures', otherSources };
}

/**
 * Concentration of a mix with its unknown part bounded: the central HHI treats unallocated supply as spread over
 * many small suppliers (it adds nothing), the upper bound as one more supplier holding all of it.
 */
export function mixConcentration(mix: Pick<SupplyMix, 'shares' | 'unallocated'>): {
  hhi: number;
  hhiUpper: number;
  top3: number;
} {
  const values = Object.values(mix.shares).sort((a, b) => b - a);
  let sum = 0;
  for (const s of values) sum += (100 * s) ** 2;
  return {
    hhi: sum,
    hhiUpper: sum + (100 * mix.unallocated) ** 2,
    top3: values.slice(0, 3).reduce((a, b) => a + b, 0),
  };
}
