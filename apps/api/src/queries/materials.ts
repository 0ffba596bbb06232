import { ElementSymbol, type Material } from '@ree/domain';

type Element = (typeof ElementSymbol.options)[number];

/** The elements a material stands for (an element stands for itself). */
export const MATERIAL_ELEMENTS: Record<Material, readonly Element[]> = {
  ...(Object.fromEntries(ElementSymbol.options.map((e) => [e, [e]])) as unknown as Record<
    Element,
    readonly Element[]
  >),
  NdPr: ['Nd', 'Pr'],
  LREE: ['La', 'Ce', 'Pr', 'Nd', 'Sm'],
  HREE: ['Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Y'],
  REE: ElementSymbol.options,
};

/** Products that count as producing `material`: itself, its elements, the groups and mixes that contain them, REE. */
export function productsCovering(material: Material): string[] {
  const elements = new Set(MATERIAL_ELEMENTS[material]);
  return (Object.keys(MATERIAL_ELEMENTS) as Material[]).filter(
    (m) => m === material || m === 'REE' || MATERIAL_ELEMENTS[m].some((e) => elements.has(e)),
  );
}
