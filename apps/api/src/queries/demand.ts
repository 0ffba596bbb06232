// The demand side of one material: the rows come from the database, the profile (uses, shares, sectors per
// scope) from @ree/domain's demandProfile.
import { DemandProfile, demandProfile, Material } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { datasetRows } from './dataset-rows.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const DemandInput = z.strictObject({ material: Material, asOf: z.uuid().optional() });

export const Demand = versioned(DemandProfile.shape);

export async function demandOf(db: Db, input: z.infer<typeof DemandInput>): Promise<z.infer<typeof Demand>> {
  const version = await resolveVersion(db, input.asOf);
  const data = await datasetRows(db, version);
  const profile = demandProfile(data.demand, input.material);
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, profile.sourceIds),
    ...profile,
  };
}
