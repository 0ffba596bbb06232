// Which of a consumer's itemised supply an agreement secures. An agreement counts only where the consumer's
// imports are itemised from a country it delivers from: the JARE–Lynas offtakes secure Japan's imports from
// Malaysia (where Lynas separates Mount Weld's ore), and secure nothing while imports are split only into China
// and "the rest".
import type { Partnership } from '../entities/agreements.ts';
import type { Material } from '../entities/element.ts';
import type { IsoDate } from './controls.ts';
import { elementsOf } from './materials.ts';

export interface AgreementCredit {
  id: string;
  /** Countries the agreement delivers from that the consumer's imports itemise (its credit). */
  backedBy: string[];
  /** Why it secures nothing, when it does not. */
  unbacked: string | null;
  sourceId: string;
}

export interface SecuredSupply {
  /** Countries whose itemised supply is secured by an agreement in force. */
  countries: string[];
  agreements: AgreementCredit[];
}

function inForce(p: Partnership, date: IsoDate): boolean {
  return (!p.startDate || p.startDate <= date) && (!p.endDate || date <= p.endDate);
}

function coversMaterial(p: Partnership, material: Material): boolean {
  if (p.materials.length === 0) return true;
  const wanted = new Set(elementsOf(material));
  return p.materials.some((m) => elementsOf(m).some((e) => wanted.has(e)));
}

/**
 * The agreements of `consumer` in force on `date` that secure `material`, each credited with the itemised
 * suppliers it delivers from.
 * @example securedSupply(partnerships, { JPN… }, ['CHN', 'MYS']).countries // ['MYS'] for JARE–Lynas
 */
export function securedSupply(
  partnerships: readonly Partnership[],
  query: { consumer: string; material: Material; date: IsoDate },
  itemised: readonly string[],
): SecuredSupply {
  const agreements: AgreementCredit[] = [];
  const countries = new Set<string>();
  for (const p of partnerships) {
    if (p.country !== query.consumer || !p.securesSupply) continue;
    if (!inForce(p, query.date) || !coversMaterial(p, query.material)) continue;
    const from = p.supplierCountries.length > 0 ? p.supplierCountries : [p.partner];
    const backedBy = from.filter((c) => itemised.includes(c));
    for (const c of backedBy) countries.add(c);
    agreements.push({
      id: p.id,
      backedBy,
      unbacked:
        backedBy.length > 0
          ? null
          : `no itemised imports from ${from.join(', ')}, where it delivers from: it secures nothing that can be counted`,
      sourceId: p.sourceId,
    });
  }
  return { countries: [...countries].sort(), agreements };
}
