// Loads the shipped reference dataset as a published, current version. Idempotent: the same files (same
// content hash) change nothing; all rows land in one transaction or none do.
import type { ReferenceDataset } from '../data/reference-dataset.ts';
import type { Db } from './client.ts';

export type SeedResult =
  | { status: 'loaded'; versionId: string; rows: number }
  | { status: 'unchanged'; versionId: string };

export async function seedReferenceDataset(db: Db, dataset: ReferenceDataset): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      const ds = await tx.dataset.upsert({
        where: { slug: dataset.slug },
        create: { slug: dataset.slug, name: dataset.name },
        update: {},
      });
      const existing = await tx.datasetVersion.findUnique({
        where: { datasetId_label: { datasetId: ds.id, label: dataset.label } },
      });
      if (existing) {
        if (existing.contentHash === dataset.contentHash)
          return { status: 'unchanged', versionId: existing.id };
        throw new Error(
          `Dataset version "${dataset.label}" already exists with different content. ` +
            'Give the new data a new label in data/reference/dataset.json.',
        );
      }
      const version = await tx.datasetVersion.create({
        data: {
          datasetId: ds.id,
          label: dataset.label,
          contentHash: dataset.contentHash,
          note: 'Shipped with the code',
        },
      });
      const versionId = version.id;
      const { rows } = dataset;
      await tx.source.createMany({
        data: rows.sources.map((s) => ({
          versionId,
          id: s.id,
          citation: s.citation,
          publisher: s.publisher ?? null,
          url: s.url ?? null,
          publishedOn: s.publishedOn ?? null,
          accessedOn: s.accessedOn ?? null,
          licence: s.licence ?? null,
        })),
      });
      await tx.country.createMany({ data: rows.countries.map((co) => ({ versionId, ...co })) });
      await tx.element.createMany({ data: rows.elements.map((e) => ({ versionId, ...e })) });
      await tx.productionRecord.createMany({ data: rows.production.map((r) => ({ versionId, ...r })) });
      // Publish last, so a failure above leaves nothing half-published.
      await tx.datasetVersion.updateMany({
        where: { datasetId: ds.id, isCurrent: true },
        data: { isCurrent: false },
      });
      await tx.datasetVersion.update({
        where: { id: versionId },
        data: { status: 'published', isCurrent: true, publishedAt: new Date() },
      });
      const count = Object.values(rows).reduce((n, list) => n + list.length, 0);
      return { status: 'loaded', versionId, rows: count };
    },
    { timeout: 60_000 },
  );
}
