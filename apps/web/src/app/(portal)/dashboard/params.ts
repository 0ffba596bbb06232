import { z } from 'zod';

/** The dashboard's view lives in the URL (?consumer=JPN&material=REE&stage=mining&year=2024), so it can be shared. */
export const DashboardParams = z.object({
  consumer: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch('JPN'),
  material: z.enum(['REE', 'NdPr', 'Dy', 'Tb', 'LREE', 'HREE']).catch('REE'),
  stage: z.enum(['mining', 'separation', 'metal', 'magnet']).catch('mining'),
  year: z.coerce.number().int().min(1950).max(2060).optional().catch(undefined),
  /** The stage the score cards are for. */
  scoreStage: z.enum(['mining', 'separation', 'metal', 'magnet']).catch('separation'),
});
