// A company mix's score: its rows and a published version's rows go to @ree/domain's scoreCompanyMix, one
// material × stage at a time (the newest year each lists). Nothing of the method is here.
import { COMPANY_UPLOAD_SOURCE, companyCells, type DatasetScore, scoreCompanyMix } from '@ree/domain';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { datasetRows } from '../queries/dataset-rows.ts';
import { sourcesFor, today } from '../queries/sources.ts';
import type { SourceRef } from '../queries/versioned.ts';
import { resolveVersion, type VersionRef } from '../queries/versions.ts';
import type { CompanyScore, CompanyScoreInput } from './schemas.ts';
import { supplierRows } from './store.ts';

/** The owner's mix's rows, or NOT_FOUND (also for another user's mix). */
async function ownedRows(db: Db, ownerId: string, id: string) {
  const mix = await db.companyMix.findFirst({ where: { id, ownerId }, select: { id: true } });
  if (!mix) throw new NotFoundError('No such company mix.');
  return supplierRows(db, id);
}

/** Every material × stage of the mix, scored against the chosen published version (default: the current one). */
export async function scoreCompany(
  db: Db,
  ownerId: string,
  input: z.infer<typeof CompanyScoreInput>,
): Promise<z.infer<typeof CompanyScore>> {
  const rows = await ownedRows(db, ownerId, input.id);
  const version = await resolveVersion(db, input.asOf);
  const data = await datasetRows(db, version);
  const now = today();
  const materials = companyCells(rows).map((cell) => {
    const scored = scoreCompanyMix(data, rows, { companyId: input.id, ...cell, today: now });
    return {
      ...cell,
      asOfDate: scored.asOf,
      result: scored.result,
      imports: scored.imports,
      importsTried: scored.importsTried,
      provenance: scored.provenance,
    };
  });
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      materials.flatMap((m) => citedSources(m.provenance)),
    ),
    materials,
  };
}

/** The dataset's sources a score cites: the company's own upload is the user's file, not a source to list. */
function citedSources(provenance: DatasetScore['provenance']): string[] {
  return Object.values(provenance)
    .flatMap((p) => p.sourceIds)
    .filter((id) => id !== COMPANY_UPLOAD_SOURCE);
}

/**
 * One material × stage of the owner's mix as the scenario baseline reads a score, against the chosen published
 * version (default: the current one), with the sources behind it; NOT_FOUND for a mix that is not the owner's.
 */
export async function companyScoreFor(
  db: Db,
  ownerId: string,
  query: {
    id: string;
    material: DatasetScore['input']['material'];
    stage: DatasetScore['input']['stage'];
    asOf?: string | undefined;
  },
): Promise<{ datasetVersion: VersionRef; sources: z.infer<typeof SourceRef>[]; scored: DatasetScore }> {
  const rows = await ownedRows(db, ownerId, query.id);
  const version = await resolveVersion(db, query.asOf);
  const data = await datasetRows(db, version);
  const scored = scoreCompanyMix(data, rows, {
    companyId: query.id,
    material: query.material,
    stage: query.stage,
    today: today(),
  });
  const sources = await sourcesFor(db, version.id, citedSources(scored.provenance));
  return { datasetVersion: version, sources, scored };
}
