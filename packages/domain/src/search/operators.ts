// Operators have no table of their own: they come from the facilities' free-text `operator` field. The field
// mixes joint ventures ("JS Link with Lynas Rare Earths"), qualifiers ("(formerly Hitachi Metals)"), data
// markers (" [U]") and descriptions ("Many small … operators"), so the companies it names are listed here, in
// one place, and every other field is taken as one company's name.
import { MATCH_RANK, matchRank } from './text-rank.ts';

/** Operator fields that name more than one company, or a company under another spelling, or none at all. */
const OPERATOR_FIELD_COMPANIES: Readonly<Record<string, readonly string[]>> = {
  'JS Link with Lynas Rare Earths': ['JS Link', 'Lynas Rare Earths'],
  'Baogang Group (Baotou Steel) / China Northern Rare Earth': [
    'Baogang Group (Baotou Steel)',
    'China Northern Rare Earth',
  ],
  'China Northern Rare Earth (Group) High-Tech': ['China Northern Rare Earth'],
  'China Rare Earth Group (Ganzhou units)': ['China Rare Earth Group'],
  'Sichuan JCC Rare Earth (51% China Rare Earth Group)': ['Sichuan JCC Rare Earth', 'China Rare Earth Group'],
  'Proterial (formerly Hitachi Metals)': ['Proterial'],
  'Proterial with Zhong Ke San Huan': ['Proterial', 'Zhong Ke San Huan'],
  'Santoku (Proterial subsidiary)': ['Santoku', 'Proterial'],
  'Toyotsu Rare Earths India (Toyota Tsusho)': ['Toyotsu Rare Earths India', 'Toyota Tsusho'],
  'Japanese plan: Toyota Tsusho and Sojitz with a Vietnamese state firm; later Lai Chau Rare Earth JSC': [
    'Toyota Tsusho',
    'Sojitz',
    'Lai Chau Rare Earth JSC',
  ],
  // Artisanal mining in Kachin: no company to give a page.
  'Many small, mostly Chinese-run operators; area under KIA control since Oct 2024': [],
};

/** Words a company's name carries that agreements leave out ("Lynas" for Lynas Rare Earths). */
const LEGAL_SUFFIX =
  /(?:\s+(?:rare earths?|materials|chemical|resources|group|ltd|co\.|jsc|\(india\)|magnetics|\(vac group\)))+$/i;

/**
 * The companies a facility's `operator` field names, each spelled one way.
 * @example operatorCompanies('JS Link with Lynas Rare Earths') // ['JS Link', 'Lynas Rare Earths']
 * @example operatorCompanies('China Rare Earth Group (Ganzhou units) [U]') // ['China Rare Earth Group']
 */
export function operatorCompanies(field: string): readonly string[] {
  const name = field.replace(/\s*\[[A-Z]\]\s*$/, '').trim();
  return OPERATOR_FIELD_COMPANIES[name] ?? [name];
}

/**
 * A company's stable slug for its page: lower-case ASCII letters and digits joined by dashes.
 * @example operatorSlug('Proterial (formerly Hitachi Metals)') // 'proterial-formerly-hitachi-metals'
 */
export function operatorSlug(company: string): string {
  return company
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The short name agreements use for a company (its name less a trailing legal or sector word), for finding the
 * partnerships and investments that name it.
 * @example operatorShortName('Lynas Rare Earths') // 'Lynas'
 */
export function operatorShortName(company: string): string {
  const short = company.replace(LEGAL_SUFFIX, '').trim();
  return short.length >= 3 ? short : company;
}

/**
 * Whether an agreement's text (its parties, investor or location) names the company: its short name starts a word.
 * @example mentionsCompany('Sojitz; JOGMEC (JARE); Lynas', 'Lynas Rare Earths') // true
 */
export function mentionsCompany(text: string, company: string): boolean {
  const rank = matchRank(operatorShortName(company), [text]);
  return rank !== null && rank !== MATCH_RANK.substring;
}
