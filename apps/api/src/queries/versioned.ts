import { z } from 'zod';

/** Every data answer says which dataset version it comes from and which sources are behind its rows. */
export const VersionRef = z.object({ id: z.string(), label: z.string() });
export const SourceRef = z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() });

export const AsOfInput = z.strictObject({ asOf: z.uuid().optional() });

export function versioned<T extends z.ZodRawShape>(shape: T) {
  return z.object({ datasetVersion: VersionRef, sources: z.array(SourceRef), ...shape });
}
