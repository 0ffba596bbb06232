// What a new version does to the figures analysts see: HHI of production and resilience scores, before and after.
// These read whole versions through the domain (a published version's rows are cached), unlike the row lists.
import type { Material, Stage } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { concentrationIn } from './concentration.ts';
import { scoreIn } from './score.ts';
import type { VersionRef } from './versions.ts';

export type VersionOf = VersionRef & { published: boolean };
export const HeadlineFigure = z.object({
  figure: z.string(),
  kind: z.enum(['hhi', 'score']),
  before: z.number().nullable(),
  after: z.number().nullable(),
  change: z.number().nullable(),
});
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;

const HHI_FIGURES: { stage: z.infer<typeof Stage>; material: z.infer<typeof Material> }[] = [
  { stage: 'mining', material: 'REE' },
  { stage: 'separation', material: 'REE' },
];
const SCORE_MATERIALS: z.infer<typeof Material>[] = ['NdPr', 'Dy'];

/** A figure's value in a version, or null where that version cannot compute it (no data for it). */
async function orNull(compute: () => Promise<number | null>): Promise<number | null> {
  try {
    return await compute();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function headline(db: Db, from: VersionOf, to: VersionOf): Promise<HeadlineFigure[]> {
  const figures: HeadlineFigure[] = [];
  const add = (figure: string, kind: 'hhi' | 'score', before: number | null, after: number | null) =>
    figures.push({
      figure,
      kind,
      before,
      after,
      change: before === null || after === null ? null : Math.round((after - before) * 100) / 100,
    });
  for (const { stage, material } of HHI_FIGURES) {
    // Compare the same year: the newest one the later version has.
    const latest = await orNull(
      async () => (await concentrationIn(db, to, { stage, material, projection: false })).year,
    );
    const year = latest ?? undefined;
    const value = (v: VersionOf) =>
      orNull(async () => (await concentrationIn(db, v, { stage, material, projection: false, year })).hhi);
    add(`HHI, ${material} ${stage}${year ? ` ${year}` : ''}`, 'hhi', await value(from), await value(to));
  }
  const importers = await db.tradeFlow.findMany({
    where: { versionId: { in: [from.id, to.id] } },
    distinct: ['importer'],
    select: { importer: true },
    orderBy: { importer: 'asc' },
  });
  for (const { importer } of importers) {
    for (const material of SCORE_MATERIALS) {
      const stage = 'separation';
      const value = (v: VersionOf) =>
        orNull(async () => (await scoreIn(db, v, { consumer: importer, material, stage })).result.score);
      add(`Resilience score, ${importer} ${material} ${stage}`, 'score', await value(from), await value(to));
    }
  }
  return figures;
}
