// Where each kind of entity has its page: the one place a link to a facility, operator, policy, partnership,
// element or country is built (search results, tables, the palette).
export type EntityKind = 'element' | 'country' | 'facility' | 'operator' | 'policy' | 'partnership';

const BASE: Record<EntityKind, string> = {
  element: '/elements/',
  country: '/countries/',
  facility: '/facilities/',
  operator: '/operators/',
  policy: '/policies/',
  partnership: '/partnerships/',
};

export function entityHref(kind: EntityKind, id: string): string {
  return `${BASE[kind]}${encodeURIComponent(id)}`;
}

/** A search hit's target as a link, or null when it opens nothing (a source without an address). */
export function targetHref(
  target: { kind: EntityKind; id: string } | { kind: 'external'; url: string } | { kind: 'none' },
): string | null {
  if (target.kind === 'none') return null;
  if (target.kind === 'external') return target.url;
  return entityHref(target.kind, target.id);
}

/** The facilities map at a facility: its stage's facilities, this one marked (`highlight` is not a filter). */
export function facilityMapHref(facility: { id: string; stage: string }): string {
  return `/facilities?${new URLSearchParams({ stage: facility.stage, highlight: facility.id })}`;
}
