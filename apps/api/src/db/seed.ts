// Loads the shipped reference dataset as a published, current version. Idempotent: the same files (same
// content hash) change nothing; all rows land in one transaction or none do. Instances started together on a fresh
// database each seed on start: a transaction-scoped advisory lock makes them take turns, so the first loads the
// dataset and the others find it unchanged (without it they raced to create it and all but one failed to start).
import type { DatasetRows } from '@ree/domain';
import type { ReferenceDataset } from '../data/reference-dataset.ts';
import { makeCurrent } from '../queries/dataset-versions.ts';
import type { Db } from './client.ts';

export type SeedResult =
  | { status: 'loaded'; versionId: string; rows: number }
  | { status: 'unchanged'; versionId: string };

/** The advisory lock key every seed takes (any constant no other lock uses; "REE seed" in ASCII). */
const SEED_LOCK = 0x52_45_45_20_73_65_65_64n;
const SEED_TIMEOUT_MS = 60_000;

export async function seedReferenceDataset(db: Db, dataset: ReferenceDataset): Promise<SeedResult> {
  return db.$transaction(
    async (tx) => {
      // Waiting for another instance's load may take longer than one statement may (DB_STATEMENT_TIMEOUT_MS).
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${SEED_TIMEOUT_MS}`);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
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
      await insertRows(tx, version.id, dataset.rows);
      // Publish last, so a failure above leaves nothing half-published.
      await makeCurrent(tx, ds.id, version.id, { status: 'published', publishedAt: new Date() });
      const count = Object.values(dataset.rows).reduce((n, list) => n + list.length, 0);
      return { status: 'loaded', versionId: version.id, rows: count };
    },
    { timeout: SEED_TIMEOUT_MS, maxWait: SEED_TIMEOUT_MS },
  );
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Inserts every entity's rows into a draft version, sources and countries first (the others refer to them). */
export async function insertRows(tx: Tx, versionId: string, rows: DatasetRows): Promise<void> {
  const v = <T extends object>(list: readonly T[]) => list.map((row) => ({ versionId, ...row }));
  await tx.source.createMany({ data: v(rows.sources) });
  await tx.country.createMany({ data: v(rows.countries) });
  await tx.element.createMany({ data: v(rows.elements) });
  await tx.governanceScore.createMany({ data: v(rows.governance) });
  await tx.productionRecord.createMany({ data: v(rows.production) });
  await tx.reserveEstimate.createMany({ data: v(rows.reserves) });
  await tx.facility.createMany({ data: v(rows.facilities) });
  await tx.tradeFlow.createMany({ data: v(rows.trade) });
  await tx.partnership.createMany({ data: v(rows.partnerships) });
  await tx.investment.createMany({ data: v(rows.investments) });
  await tx.policyMeasure.createMany({ data: v(rows.policies) });
  await tx.stockpile.createMany({ data: v(rows.stockpiles) });
  await tx.materialIndicator.createMany({ data: v(rows.indicators) });
  await tx.endUseShare.createMany({ data: v(rows.demand) });
  await tx.pricePoint.createMany({ data: v(rows.prices) });
  await tx.articleClaim.createMany({ data: v(rows.claims) });
}
