// Which elements a material stands for, and which other materials' figures may stand in for it when it has none
// of its own — in the order an analyst would accept them.
import { ElementSymbol, Material } from '../entities/element.ts';

type Element = ElementSymbol;

const LREE: readonly Element[] = ['La', 'Ce', 'Pr', 'Nd', 'Sm'];
const HREE: readonly Element[] = ['Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Y'];

/** The elements a material stands for (an element stands for itself). EU 2023 grouping for LREE and HREE. */
export const MATERIAL_ELEMENTS: Readonly<Record<Material, readonly Element[]>> = Object.freeze(
  Object.fromEntries(
    Material.options.map((m): [Material, readonly Element[]] => {
      if (m === 'NdPr') return [m, ['Nd', 'Pr']];
      if (m === 'LREE') return [m, LREE];
      if (m === 'HREE') return [m, HREE];
      if (m === 'REE') return [m, ElementSymbol.options];
      return [m, [m]];
    }),
  ) as Record<Material, readonly Element[]>,
);

/** The elements of a material. @example elementsOf('NdPr') // ['Nd', 'Pr'] */
export function elementsOf(material: Material): readonly Element[] {
  return MATERIAL_ELEMENTS[material];
}

/** Whether figures about `data` are about (a superset of) `material`'s elements. */
export function covers(data: Material, material: Material): boolean {
  const own = new Set(MATERIAL_ELEMENTS[data]);
  return MATERIAL_ELEMENTS[material].every((e) => own.has(e));
}

/** How far a stand-in is from the material asked about. */
export type FallbackLevel = 'own' | 'mix' | 'group' | 'all';

export interface DataMaterial {
  material: Material;
  level: FallbackLevel;
}

/** The heavy rare earths whose own figures stand in for the heavy group, nearest first. */
export const HREE_MEMBER_STAND_INS: readonly Material[] = ['Dy', 'Tb'];

/**
 * The materials whose figures may describe `material`, nearest first: its own; the commercial mix it belongs to
 * (NdPr for Nd and Pr) or, for NdPr, its main element Nd; its EU group (LREE or HREE), or for the heavy group its
 * members Dy then Tb; all rare earths. A heavy element thus takes heavy-REE figures before all-REE ones, and never
 * light-REE ones.
 * @example dataMaterials('Dy').map((d) => d.material) // ['Dy', 'HREE', 'REE']
 * @example dataMaterials('HREE').map((d) => d.material) // ['HREE', 'Dy', 'Tb', 'REE']
 */
export function dataMaterials(material: Material): DataMaterial[] {
  const chain: DataMaterial[] = [{ material, level: 'own' }];
  // Scandium is mined and refined apart from the lanthanides (a by-product of titanium, nickel, aluminium): the
  // rare earths' figures say nothing about it.
  if (material === 'REE' || material === 'Sc') return chain;
  const elements = MATERIAL_ELEMENTS[material];
  if (elements.length === 1 && (material === 'Nd' || material === 'Pr'))
    chain.push({ material: 'NdPr', level: 'mix' });
  // NdPr is about three quarters neodymium: Nd's own figures describe it better than all light rare earths do.
  if (material === 'NdPr') chain.push({ material: 'Nd', level: 'mix' });
  // The heavy group's traded, tracked members (the magnet heavies) describe its sourcing far better than all rare
  // earths do, which are mostly light by tonnage. The light group has no such need: all rare earths are mostly it.
  if (material === 'HREE')
    chain.push(...HREE_MEMBER_STAND_INS.map((m) => ({ material: m, level: 'group' as const })));
  if (material !== 'LREE' && material !== 'HREE') {
    if (elements.every((e) => LREE.includes(e))) chain.push({ material: 'LREE', level: 'group' });
    else if (elements.every((e) => HREE.includes(e))) chain.push({ material: 'HREE', level: 'group' });
  }
  chain.push({ material: 'REE', level: 'all' });
  return chain;
}

/**
 * The products that count as producing `material`: itself, and any element, mix or group that shares an element
 * with it — but not a mixed all-REE product (a concentrate or carbonate is not dysprosium). For `REE`, everything.
 * @example productsCovering('Dy') // ['Dy', 'HREE']
 */
export function productsCovering(material: Material): Material[] {
  if (material === 'REE') return [...Material.options];
  const wanted = new Set(MATERIAL_ELEMENTS[material]);
  return Material.options.filter((m) => m !== 'REE' && MATERIAL_ELEMENTS[m].some((e) => wanted.has(e)));
}
