import { z } from 'zod';

/** How much a figure can be trusted. `unverified` figures are shipped only when marked as such. */
export const DataStatus = z.enum(['verified', 'estimated', 'unverified']);
export type DataStatus = z.infer<typeof DataStatus>;

/** A stable, human-readable source id such as `usgs-mcs-2025`. */
export const SourceId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,63}$/,
    'a source id is lower-case letters, digits and dashes, e.g. usgs-mcs-2025',
  );
export type SourceId = z.infer<typeof SourceId>;

/**
 * What a source's licence lets us do with its rows beyond showing them in the portal (DATA.md, "Redistribution"):
 * `open` — public domain, CC BY, free reuse with attribution: rows go into downloads and the API;
 * `facts-quoted` — news and company reports whose figures we quote as facts with the citation: rows go out with
 * it; `withheld` — licensed data (price assessments of price-reporting agencies) whose licence forbids passing it
 * on: rows are left out of downloads and the API, and the answer says so.
 */
export const Redistribution = z.enum(['open', 'facts-quoted', 'withheld']);
export type Redistribution = z.infer<typeof Redistribution>;

/** Where a figure comes from. Every data record points at one by `sourceId`. */
export const Source = z.strictObject({
  id: SourceId,
  citation: z.string().min(3).max(1000),
  publisher: z.string().max(200).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  publishedOn: z.iso.date().optional(),
  accessedOn: z.iso.date().optional(),
  licence: z.string().max(200).optional(),
  /** Whether its rows may leave the portal (see Redistribution); a source that does not say is withheld. */
  redistribution: Redistribution.optional(),
  /**
   * The publication series this source is one edition of (e.g. `usgs-mcs` for every Mineral Commodity Summaries).
   * Reads of a figure that several editions give take the newest edition unless asked for another.
   */
  series: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a series is lower-case letters, digits and dashes')
    .optional(),
  /** After this many days from publication its figures are shown as stale (a newer edition is due). */
  staleAfterDays: z.int().min(1).max(36_500).optional(),
});
export type Source = z.infer<typeof Source>;

/** The provenance every data record carries. */
export const Provenance = z.strictObject({ sourceId: SourceId, status: DataStatus });
export type Provenance = z.infer<typeof Provenance>;
