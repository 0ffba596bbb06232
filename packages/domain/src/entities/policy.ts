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

/** The kinds of measure that restrict exports (the score's "supply from export-restricting countries"). */
export const RESTRICTING_KINDS: readonly PolicyKind[] = ['export-control', 'export-quota', 'embargo'];

const IsoDate = z.iso.date();

/**
 * A government measure, including export controls with the elements and destination they cover. A measure is
 * announced on `startDate`, takes effect on `effectiveOn` (the same day when absent), may be suspended from
 * `suspendedOn` until `suspendedUntil` (open-ended when absent), and ends on `endDate`.
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
    /** For export controls aimed at one destination (e.g. the 2010 embargo on Japan). Absent: every destination. */
    targetCountry: Iso3.optional(),
    /** Announced (or signed) on. */
    startDate: IsoDate,
    /** In force from; absent means from `startDate`. */
    effectiveOn: IsoDate.optional(),
    suspendedOn: IsoDate.optional(),
    suspendedUntil: IsoDate.optional(),
    endDate: IsoDate.optional(),
  })
  .extend(Provenance.shape)
  .refine((p) => !p.endDate || p.endDate >= p.startDate, {
    message: 'ends before it starts',
    path: ['endDate'],
  })
  .refine((p) => !p.effectiveOn || p.effectiveOn >= p.startDate, {
    message: 'takes effect before it is announced',
    path: ['effectiveOn'],
  })
  .refine((p) => !p.suspendedUntil || (p.suspendedOn !== undefined && p.suspendedUntil > p.suspendedOn), {
    message: 'a suspension needs its start (suspended_on) before its end',
    path: ['suspendedUntil'],
  });
export type PolicyMeasure = z.infer<typeof PolicyMeasure>;
