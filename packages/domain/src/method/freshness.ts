// When a source's figures are stale: a source may say after how many days from publication (a yearly edition
// after about a year and a quarter). Stale figures are still shown, marked, so a reader knows a newer edition is due.
import type { Source } from '../entities/provenance.ts';
import type { IsoDate } from './controls.ts';

export interface Freshness {
  /** The day the figures turn stale, or null when the source says nothing (no date, or no age). */
  staleOn: IsoDate | null;
  stale: boolean;
}

/**
 * @example freshness({ id: 'usgs-mcs-2025', citation: '…', publishedOn: '2025-01-31', staleAfterDays: 400 }, '2026-12-01')
 * // { staleOn: '2026-03-07', stale: true }
 */
export function freshness(source: Pick<Source, 'publishedOn' | 'staleAfterDays'>, today: IsoDate): Freshness {
  if (!source.publishedOn || source.staleAfterDays === undefined) return { staleOn: null, stale: false };
  const day = new Date(`${source.publishedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + source.staleAfterDays);
  const staleOn = day.toISOString().slice(0, 10);
  return { staleOn, stale: staleOn <= today };
}
