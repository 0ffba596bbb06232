import { z } from 'zod';

/** The supply chain in order, plus recycling, which feeds the chain as a source of its own. */
export const Stage = z.enum(['mining', 'separation', 'metal', 'magnet', 'recycling']);
export type Stage = z.infer<typeof Stage>;

/** The order of the primary chain, from ore to magnet. */
export const CHAIN_STAGES = ['mining', 'separation', 'metal', 'magnet'] as const satisfies readonly Stage[];
