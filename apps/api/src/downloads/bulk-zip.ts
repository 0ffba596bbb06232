// A published dataset version as a ZIP any signed-in analyst may download: one CSV per table (the shipped files'
// format) without the rows whose source's licence forbids passing them on, plus metadata.json and README.txt.
// Streamed: rows are read a page at a time and compressed as they come, waiting for the client when it is slow,
// so memory stays bounded whatever the version's size.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ENTITY_FILES, ENTITY_NAMES, type EntityName, redistributable, withheldSummary } from '@ree/domain';
import { Zip, ZipDeflate } from 'fflate';
import { csvLine } from '../data/csv-write.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { cellText } from '../imports/export-version.ts';
import { ENTITY_TABLE } from '../queries/dataset-versions.ts';
import { licensedSources } from '../queries/licence.ts';
import { listSources } from '../queries/sources.ts';
import { type BulkTable, type BulkVersion, bulkMetadata, bulkReadme } from './bulk-metadata.ts';

/** Rows read per query: small enough to bound memory, large enough that a big table is a few hundred queries. */
export const BULK_PAGE_ROWS = 2000;

/** The published version, or NotFoundError: a draft is never downloadable here, whoever asks. */
export async function publishedVersion(db: Db, versionId: string): Promise<BulkVersion> {
  const version = await db.datasetVersion.findUnique({
    where: { id: versionId },
    select: { id: true, label: true, note: true, status: true, publishedAt: true, dataset: true },
  });
  if (version?.status !== 'published') throw new NotFoundError('No published dataset version with this id.');
  return { ...version, dataset: { slug: version.dataset.slug, name: version.dataset.name } };
}

export function bulkFileName(version: BulkVersion): string {
  return `${version.dataset.slug}-${version.label.replace(/[^A-Za-z0-9.-]+/g, '-')}.zip`;
}

/** Writes the ZIP of a published version (see publishedVersion) to `out`, ending it. */
export async function writeBulkZip(
  db: Db,
  version: BulkVersion,
  out: Writable,
  pageRows = BULK_PAGE_ROWS,
): Promise<void> {
  const sources = await licensedSources(db, version.id);
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const encoder = new TextEncoder();
  const drained = async () => {
    if (out.destroyed) throw new Error('the client went away');
    if (out.writableNeedDrain) await once(out, 'drain');
  };
  const addText = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };

  const tables: Record<string, BulkTable> = {};
  const withheldCounts = new Map<string, number>();
  for (const entity of ENTITY_NAMES) {
    const { file, columns } = ENTITY_FILES[entity];
    const entry = new ZipDeflate(file, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(csvLine(columns.map((c) => c.header))));
    let kept = 0;
    let left = 0;
    for (let offset = 0; ; offset += pageRows) {
      const page = await tablePage(db, version.id, entity, offset, pageRows);
      let text = '';
      for (const row of page) {
        const sourceId = typeof row.sourceId === 'string' ? row.sourceId : null;
        if (sourceId !== null && !redistributable(sources.get(sourceId))) {
          left++;
          withheldCounts.set(sourceId, (withheldCounts.get(sourceId) ?? 0) + 1);
          continue;
        }
        kept++;
        text += csvLine(columns.map((c) => cellText(row[c.key], c.type)));
      }
      if (text) entry.push(encoder.encode(text));
      await drained();
      if (page.length < pageRows) break;
    }
    entry.push(new Uint8Array(0), true);
    tables[entity] = { file, columns: columns.map((c) => c.header), rows: kept, withheldRows: left };
  }

  const withheld = withheldSummary(withheldCounts, sources);
  const described = (await listSources(db, version.id)).map((s) => ({
    id: s.id,
    citation: s.citation,
    publisher: s.publisher,
    url: s.url,
    publishedOn: s.publishedOn,
    accessedOn: s.accessedOn,
    licence: s.licence,
    redistribution: s.redistribution,
  }));
  addText(
    'metadata.json',
    `${JSON.stringify(bulkMetadata(version, tables, described, withheld), null, 2)}\n`,
  );
  addText('README.txt', bulkReadme(version, withheld));
  zip.end();
  if (!out.writableFinished) await once(out, 'finish');
}

/** One page of a table's rows of a version, in natural-key order (stable: a published version never changes). */
function tablePage(db: Db, versionId: string, entity: EntityName, offset: number, limit: number) {
  const { key } = ENTITY_FILES[entity];
  // Table and column names come from the constant maps above, never from the request.
  return db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" WHERE "versionId" = $1 ORDER BY ${key.map((k) => `"${k}"`).join(', ')} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    versionId,
  );
}
