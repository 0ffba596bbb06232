import { Redistribution } from '@ree/domain';
import { z } from 'zod';

/** Every data answer says which dataset version it comes from and which sources are behind its rows. */
export const VersionRef = z.object({
  id: z.string(),
  label: z.string(),
  /** The day the version was published (YYYY-MM-DD); null only for a draft (admin diffs). */
  publishedOn: z.string().nullable(),
});
/**
 * A source as answers cite it: with its publication and access dates, licence, whether its rows may be passed on
 * (null: not said, so not), and whether its figures are stale.
 */
export const SourceRef = z.object({
  id: z.string(),
  citation: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  accessedOn: z.string().nullable(),
  licence: z.string().nullable(),
  redistribution: Redistribution.nullable(),
  stale: z.boolean(),
});

export const AsOfInput = z.strictObject({ asOf: z.uuid().optional() });

export function versioned<T extends z.ZodRawShape>(shape: T) {
  return z.object({ datasetVersion: VersionRef, sources: z.array(SourceRef), ...shape });
}
