import { z } from 'zod';
import { Provenance } from './provenance.ts';

/** The 17 rare-earth elements: the 15 lanthanides plus scandium and yttrium. */
export const ElementSymbol = z.enum([
  'La',
  'Ce',
  'Pr',
  'Nd',
  'Pm',
  'Sm',
  'Eu',
  'Gd',
  'Tb',
  'Dy',
  'Ho',
  'Er',
  'Tm',
  'Yb',
  'Lu',
  'Sc',
  'Y',
]);
export type ElementSymbol = z.infer<typeof ElementSymbol>;

/** The EU 2023 grouping: light, heavy, and scandium on its own. */
export const ElementGroup = z.enum(['LREE', 'HREE', 'Sc']);
export type ElementGroup = z.infer<typeof ElementGroup>;

export const Element = z
  .strictObject({
    symbol: ElementSymbol,
    name: z.string().min(2).max(40),
    atomicNumber: z.int().min(21).max(71),
    group: ElementGroup,
    uses: z.array(z.string().min(2).max(100)).max(20),
  })
  .extend(Provenance.shape);
export type Element = z.infer<typeof Element>;

/**
 * What a production or trade figure is about: one element, a commercial mix (`NdPr`), an EU group, or all
 * rare earths together (`REE`, as in USGS totals).
 */
export const Material = z.enum([...ElementSymbol.options, 'NdPr', 'LREE', 'HREE', 'REE']);
export type Material = z.infer<typeof Material>;
