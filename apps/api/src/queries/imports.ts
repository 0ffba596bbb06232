// A consumer's import sources over time (e.g. Japan's share from China since 2008).
import { Iso3, Material, Stage } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { assertCountry } from './reference.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const ImportSourcesInput = z.strictObject({
  importer: Iso3,
  material: Material.optional(),
  stage: Stage.optional(),
  exporter: Iso3.optional(),
  asOf: z.uuid().optional(),
});

const Flow = z.object({
  exporter: z.string(),
  exporterName: z.string(),
  material: z.string(),
  stage: z.string(),
  year: z.int(),
  quantity: z.number(),
  unit: z.enum(['t', 'share']),
  sourceId: z.string(),
  status: z.enum(['verified', 'estimated', 'unverified']),
});

export const ImportSources = versioned({ importer: z.string(), flows: z.array(Flow) });

export async function importSources(db: Db, input: z.infer<typeof ImportSourcesInput>) {
  const version = await resolveVersion(db, input.asOf);
  await assertCountry(db, version.id, input.importer);
  if (input.exporter) await assertCountry(db, version.id, input.exporter);
  const rows = await db.tradeFlow.findMany({
    where: {
      versionId: version.id,
      importer: input.importer,
      ...(input.material ? { material: input.material } : {}),
      ...(input.stage ? { stage: input.stage } : {}),
      ...(input.exporter ? { exporter: input.exporter } : {}),
    },
    include: { exporterRef: { select: { name: true } } },
    orderBy: [{ year: 'asc' }, { material: 'asc' }, { exporter: 'asc' }],
  });
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      rows.map((r) => r.sourceId),
    ),
    importer: input.importer,
    flows: rows.map((r) => ({
      exporter: r.exporter,
      exporterName: r.exporterRef.name,
      material: r.material,
      stage: r.stage,
      year: r.year,
      quantity: r.quantity,
      unit: r.unit === 'share' ? ('share' as const) : ('t' as const),
      sourceId: r.sourceId,
      status: r.status,
    })),
  };
}
