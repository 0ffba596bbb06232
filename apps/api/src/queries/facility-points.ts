// Every facility the filters select, as points for a map: only what a point shows (where, what, which stage and
// status), for the whole filtered set rather than the table's page, and how many have no coordinates to show.
import { Facility } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { FacilityFilters, facilityWhere } from './facilities.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

const { shape } = Facility;

export const FacilityPoint = z.object({
  id: shape.id,
  name: shape.name,
  country: shape.country,
  stage: shape.stage,
  operatingStatus: shape.operatingStatus,
  /** WGS 84 decimal degrees; a point always has both. */
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type FacilityPoint = z.infer<typeof FacilityPoint>;

export const FacilityPointsInput = FacilityFilters;

export const FacilityPoints = versioned({
  /** The located facilities among those selected, by name. */
  points: z.array(FacilityPoint),
  /** How many facilities the filters select, located or not (the table's total). */
  total: z.int().nonnegative(),
  /** How many of them have no coordinates in the data, so are not on the map. */
  unlocated: z.int().nonnegative(),
});
export type FacilityPoints = z.infer<typeof FacilityPoints>;

export async function facilityPoints(db: Db, input: FacilityFilters): Promise<FacilityPoints> {
  const version = await resolveVersion(db, input.asOf);
  const rows = await db.facility.findMany({
    where: facilityWhere(version.id, input),
    select: {
      id: true,
      name: true,
      country: true,
      stage: true,
      operatingStatus: true,
      latitude: true,
      longitude: true,
      sourceId: true,
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const points = rows.flatMap(({ latitude, longitude, sourceId: _sourceId, ...rest }) =>
    latitude === null || longitude === null ? [] : [{ ...rest, latitude, longitude }],
  );
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      rows.map((r) => r.sourceId),
    ),
    points: z.array(FacilityPoint).parse(points),
    total: rows.length,
    unlocated: rows.length - points.length,
  };
}
