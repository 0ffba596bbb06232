import {
  Facility as FacilitySchema,
  FacilityStage,
  FacilityStatus,
  Iso3,
  Material,
  productsCovering,
} from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { PageInfo, PageInput, skipTake } from './pagination.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

/** Which facilities: the same filters serve the table (a page of them) and the map (every one with a place). */
export const FacilityFilters = z.strictObject({
  stage: FacilityStage.optional(),
  country: Iso3.optional(),
  operatingStatus: FacilityStatus.optional(),
  /**
   * Facilities whose products include this material or an element of it (a mixed REE product does not count):
   * `Dy` finds the plants that name dysprosium, `HREE` those that name any heavy rare earth.
   */
  product: Material.optional(),
  /** Case-insensitive part of the operator's or the facility's name. */
  search: z.string().trim().min(1).max(100).optional(),
  asOf: z.uuid().optional(),
});
export type FacilityFilters = z.infer<typeof FacilityFilters>;

export const FacilitiesInput = PageInput.extend(FacilityFilters.shape).extend({
  sort: z.enum(['name', 'country', 'stage', 'capacityPerYear', 'startYear', 'operator']).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});

export const FacilitiesPage = versioned({ items: z.array(FacilitySchema), pageInfo: PageInfo });

const FACILITY_FIELDS = {
  id: true,
  name: true,
  operator: true,
  country: true,
  latitude: true,
  longitude: true,
  stage: true,
  products: true,
  capacityPerYear: true,
  capacityUnit: true,
  capacityBasis: true,
  capacityKind: true,
  capacityProduct: true,
  operatingStatus: true,
  startYear: true,
  endYear: true,
  notes: true,
  sourceId: true,
  status: true,
} satisfies Prisma.FacilitySelect;

/** The rows of a version the filters select: one definition, so the table and the map cannot disagree. */
export function facilityWhere(versionId: string, input: FacilityFilters): Prisma.FacilityWhereInput {
  return {
    versionId,
    ...(input.stage ? { stage: input.stage } : {}),
    ...(input.country ? { country: input.country } : {}),
    ...(input.operatingStatus ? { operatingStatus: input.operatingStatus } : {}),
    ...(input.product ? { products: { hasSome: productsCovering(input.product) } } : {}),
    ...(input.search
      ? {
          OR: [
            { operator: { contains: input.search, mode: 'insensitive' } },
            { name: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
}

export async function listFacilities(db: Db, input: z.infer<typeof FacilitiesInput>) {
  const version = await resolveVersion(db, input.asOf);
  const where = facilityWhere(version.id, input);
  const [total, rows] = await Promise.all([
    db.facility.count({ where }),
    db.facility.findMany({
      where,
      select: FACILITY_FIELDS,
      orderBy: [orderOf(input.sort, input.direction), { id: 'asc' }],
      ...skipTake(input),
    }),
  ]);
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      rows.map((r) => r.sourceId),
    ),
    items: rows.map((r) =>
      FacilitySchema.parse({
        ...r,
        notes: r.notes ?? undefined,
        capacityProduct: r.capacityProduct ?? undefined,
      }),
    ),
    pageInfo: { page: input.page, pageSize: input.pageSize, total },
  };
}

/** Optional columns put unknown values last whichever the direction; Prisma allows `nulls` only on those. */
function orderOf(
  sort: z.infer<typeof FacilitiesInput>['sort'],
  direction: 'asc' | 'desc',
): Prisma.FacilityOrderByWithRelationInput {
  if (sort === 'capacityPerYear' || sort === 'startYear')
    return { [sort]: { sort: direction, nulls: 'last' } };
  return { [sort]: direction };
}
