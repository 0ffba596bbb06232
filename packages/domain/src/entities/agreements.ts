import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';

const Id = z.string().regex(/^[a-z0-9-]{2,64}$/, 'an id is lower-case letters, digits and dashes');
const IsoDate = z.iso.date();

/** An agreement between a consumer and a supplier country or company (the seed article's partnership table). */
export const Partnership = z
  .strictObject({
    id: Id,
    /** The consumer side, e.g. JPN. */
    country: Iso3,
    partner: Iso3,
    /** "Mining partner", "Refining collaborator", … */
    role: z.string().min(2).max(200),
    focus: z.string().max(500).optional(),
    parties: z.string().max(500).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    /** Whether it secures supply for the consumer (offtake, priority rights); used by the score's partner share. */
    securesSupply: z.boolean().default(false),
    /** The materials it secures; empty means every rare earth. */
    materials: z.array(Material).default([]),
    /**
     * The countries the secured material is shipped from (Lynas separates Mount Weld's ore in Malaysia, so a deal
     * with an Australian partner is delivered from MYS). Only the consumer's itemised imports from these countries
     * count as secured; empty means the partner country itself.
     */
    supplierCountries: z.array(Iso3).default([]),
  })
  .extend(Provenance.shape);
export type Partnership = z.infer<typeof Partnership>;

export const InvestmentType = z.enum([
  'mine',
  'processing',
  'recycling',
  'research',
  'partnership',
  'stockpile',
  'other',
]);
export type InvestmentType = z.infer<typeof InvestmentType>;

/** Money put into the chain (the seed article's investment table: type, location, outcome). */
export const Investment = z
  .strictObject({
    id: Id,
    investor: z.string().min(2).max(200),
    type: InvestmentType,
    country: Iso3,
    location: z.string().max(200).optional(),
    amountUsd: z.number().finite().nonnegative().nullable().default(null),
    date: IsoDate.optional(),
    outcome: z.string().max(500).optional(),
  })
  .extend(Provenance.shape);
export type Investment = z.infer<typeof Investment>;
