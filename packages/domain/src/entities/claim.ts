import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Provenance } from './provenance.ts';

/**
 * A claim a publication makes that the data does not take as fact: the seed article's tables and statements,
 * kept as what the article says ("as reported, not independently verified") beside what the data says. Claims
 * never count in scores, shares or capacity.
 */
export const ArticleClaim = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'an id is lower-case letters, digits and dashes'),
    /** Where in the publication: one of its tables, or its text. */
    part: z.enum(['investments', 'partnerships', 'policies', 'text']),
    claim: z.string().min(3).max(1000),
    country: Iso3.optional(),
    /** What the dataset and its sources say about it. */
    finding: z.string().min(3).max(2000),
    /** How the claim compares with the data. */
    assessment: z.enum(['consistent', 'partly-consistent', 'not-found', 'contradicted']),
    /** Ids of the facilities, partnerships, policies or investments the finding refers to. */
    related: z.array(z.string().regex(/^[a-z0-9-]{2,64}$/)).default([]),
  })
  .extend(Provenance.shape);
export type ArticleClaim = z.infer<typeof ArticleClaim>;
