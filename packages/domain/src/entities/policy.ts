import { z } from 'zod';
import { Iso3 } from './country.ts';
import { ElementSymbol } from './element.ts';
import { Provenance } from './provenance.ts';

export const PolicyKind = z.enum([
  'export-control',
  'export-quota',
  'embargo',
  'subsidy',
  'tax-incentive',
  'regulation',
  'stockpile',
  'strategy',
  'agreement',
  'other',
]);
export type PolicyKind = z.infer<typeof PolicyKind>;

/**
 * A government measure (the seed article's policy table: measure, impact, duration), including export controls
 * with the elements they affect and when they apply.
 */
export const PolicyMeasure = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'an id is lower-case letters, digits and dashes'),
    country: Iso3,
    kind: PolicyKind,
    title: z.string().min(3).max(300),
    impact: z.string().max(1000).optional(),
    /** For export controls: the elements affected. Empty means all rare earths. */
    elements: z.array(ElementSymbol).default([]),
    /** For export controls aimed at one country (e.g. the 2010 embargo on Japan). */
    targetCountry: Iso3.optional(),
    startDate: z.iso.date(),
    endDate: z.iso.date().optional(),
  })
  .extend(Provenance.shape)
  .refine((p) => !p.endDate || p.endDate >= p.startDate, {
    message: 'ends before it starts',
    path: ['endDate'],
  });
export type PolicyMeasure = z.infer<typeof PolicyMeasure>;

/** Whether an export control restricts `element` to `importer` in `year` (any overlap with the year counts). */
export function restrictsExport(
  measure: PolicyMeasure,
  element: ElementSymbol,
  importer: string,
  year: number,
): boolean {
  if (measure.kind !== 'export-control' && measure.kind !== 'embargo' && measure.kind !== 'export-quota')
    return false;
  if (measure.elements.length > 0 && !measure.elements.includes(element)) return false;
  if (measure.targetCountry && measure.targetCountry !== importer) return false;
  const startYear = Number(measure.startDate.slice(0, 4));
  const endYear = measure.endDate ? Number(measure.endDate.slice(0, 4)) : Number.POSITIVE_INFINITY;
  return startYear <= year && year <= endYear;
}
