// Operators as the facilities name them: each company once, under its slug, with the facilities it runs. The
// spelling rules live in @ree/domain (`operatorCompanies`); this module only groups a version's facilities.
import { type DatasetRows, type Facility, operatorCompanies, operatorSlug } from '@ree/domain';
import { z } from 'zod';

export const OperatorRef = z.object({ slug: z.string(), name: z.string() });
export type OperatorRef = z.infer<typeof OperatorRef>;

export interface OperatorGroup extends OperatorRef {
  facilities: Facility[];
}

/** The companies a facility's operator field names, as links. */
export function operatorRefs(facility: Pick<Facility, 'operator'>): OperatorRef[] {
  return operatorCompanies(facility.operator).map((name) => ({ slug: operatorSlug(name), name }));
}

/** Every operator of the version, by slug, facilities in id order. Kept per rows object (a published version's
 * rows are cached, so this runs once per version). */
const groups = new WeakMap<DatasetRows, Map<string, OperatorGroup>>();

export function operatorsOf(data: DatasetRows): Map<string, OperatorGroup> {
  const known = groups.get(data);
  if (known) return known;
  const bySlug = new Map<string, OperatorGroup>();
  for (const facility of [...data.facilities].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const ref of operatorRefs(facility)) {
      const group = bySlug.get(ref.slug) ?? { ...ref, facilities: [] };
      group.facilities.push(facility);
      bySlug.set(ref.slug, group);
    }
  }
  groups.set(data, bySlug);
  return bySlug;
}
