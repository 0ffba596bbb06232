import { z } from 'zod';

/** ISO 3166-1 alpha-3 code, e.g. `JPN`. `WLD` stands for the world total and `ROW` for "other countries". */
export const Iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a country code is three capital letters (ISO 3166-1 alpha-3)');
export type Iso3 = z.infer<typeof Iso3>;

export const Region = z.enum([
  'Asia',
  'Europe',
  'Africa',
  'North America',
  'South America',
  'Oceania',
  'World',
]);
export type Region = z.infer<typeof Region>;

export const Country = z.strictObject({
  iso3: Iso3,
  name: z.string().min(2).max(100),
  region: Region,
});
export type Country = z.infer<typeof Country>;
