// A dataset version as the files the repository ships (data/reference/*.csv plus dataset.json), zipped: an export
// imported into an empty draft gives an identical version.
import { ENTITY_FILES, ENTITY_NAMES } from '@ree/domain';
import { zipSync } from 'fflate';
import { csvLine, spreadsheetSafe } from '../data/csv-write.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { ENTITY_TABLE } from '../queries/dataset-versions.ts';

/** A cell as the shipped files write it; text a spreadsheet could run gets a leading apostrophe (OWASP). */
export function cellText(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return type === 'string' || type === 'list' ? spreadsheetSafe(text) : text;
}

/** One entity's rows of a version as CSV text, ordered by natural key. */
export async function exportEntityCsv(db: Db, versionId: string, entity: (typeof ENTITY_NAMES)[number]) {
  const { columns, key } = ENTITY_FILES[entity];
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" WHERE "versionId" = $1 ORDER BY ${key.map((k) => `"${k}"`).join(', ')}`,
    versionId,
  );
  let text = csvLine(columns.map((c) => c.header));
  for (const row of rows) text += csvLine(columns.map((c) => cellText(row[c.key], c.type)));
  return text;
}

export async function exportVersionZip(
  db: Db,
  versionId: string,
): Promise<{ fileName: string; zip: Uint8Array }> {
  const version = await db.datasetVersion.findUnique({
    where: { id: versionId },
    include: { dataset: true },
  });
  if (!version) throw new NotFoundError('No such dataset version.');
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {
    'dataset.json': encoder.encode(
      `${JSON.stringify({ slug: version.dataset.slug, name: version.dataset.name, label: version.label }, null, 2)}\n`,
    ),
  };
  for (const entity of ENTITY_NAMES) {
    files[ENTITY_FILES[entity].file] = encoder.encode(await exportEntityCsv(db, versionId, entity));
  }
  const slug = version.label.replace(/[^A-Za-z0-9.-]+/g, '-');
  return { fileName: `${version.dataset.slug}-${slug}.zip`, zip: zipSync(files, { level: 6 }) };
}
