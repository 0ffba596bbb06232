// How the entities point at one another, read from the rows alone: which facilities make an element, which
// agreements name a company, which policies touch an element. Pure functions over a version's rows.
import {
  type DatasetRows,
  type Facility,
  foldText,
  type Investment,
  MATERIAL_ELEMENTS,
  type Material,
  mentionsCompany,
  type Partnership,
  type PolicyMeasure,
  productsCovering,
  RESTRICTING_KINDS,
} from '@ree/domain';

/** Facilities whose products include the material or an element of it (not a mixed all-REE product). */
export function facilitiesMaking(data: DatasetRows, material: Material): Facility[] {
  const covering = new Set<Material>(productsCovering(material));
  return data.facilities.filter((f) => f.products.some((p) => covering.has(p)));
}

/**
 * Policies that touch any element of the materials: those that list one of them, and restricting measures that
 * list none (an empty list there means every rare earth).
 */
export function policiesTouching(data: DatasetRows, materials: readonly Material[]): PolicyMeasure[] {
  const elements = new Set(materials.flatMap((m) => MATERIAL_ELEMENTS[m]));
  return data.policies.filter((p) =>
    p.elements.length === 0 ? RESTRICTING_KINDS.includes(p.kind) : p.elements.some((e) => elements.has(e)),
  );
}

/** Partnerships whose parties name the company. */
export function partnershipsNaming(data: DatasetRows, company: string): Partnership[] {
  return data.partnerships.filter((p) => p.parties !== undefined && mentionsCompany(p.parties, company));
}

/** Investments made by the company or into one of the facilities (by the location's name). */
export function investmentsFor(
  data: DatasetRows,
  company: string | null,
  facilities: readonly Facility[],
): Investment[] {
  const names = facilities.map((f) => foldText(f.name));
  return data.investments.filter(
    (i) =>
      (company !== null && mentionsCompany(i.investor, company)) ||
      (i.location !== undefined && names.some((n) => n.startsWith(foldText(i.location ?? '')))),
  );
}

/** Partnerships that secure the material (an empty list secures every rare earth). */
export function partnershipsSecuring(data: DatasetRows, material: Material): Partnership[] {
  const elements = new Set(MATERIAL_ELEMENTS[material]);
  return data.partnerships.filter(
    (p) =>
      p.materials.length === 0 || p.materials.some((m) => MATERIAL_ELEMENTS[m].some((e) => elements.has(e))),
  );
}
