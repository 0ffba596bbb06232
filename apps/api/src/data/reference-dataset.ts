// The shipped reference dataset: CSV files in apps/api/data/reference, read from disk and parsed by
// @ree/domain (the same parser anyone reproducing our figures uses). Nothing here touches the database.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatasetLines, type DatasetRows, ENTITY_FILES, ENTITY_NAMES, parseDataset } from '@ree/domain';
import { z } from 'zod';

export const REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/reference',
);

export interface ReferenceDataset {
  slug: string;
  name: string;
  label: string;
  /** sha256 over every file, so a second load of the same files is recognised. */
  contentHash: string;
  rows: DatasetRows;
  lines: DatasetLines;
}

const Manifest = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  label: z.string(),
});

/** Reads and validates the whole shipped dataset. Throws DatasetRowError for the first bad row. */
export async function readReferenceDataset(dir = REFERENCE_DIR): Promise<ReferenceDataset> {
  const manifestText = await readFile(path.join(dir, 'dataset.json'), 'utf8');
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const hash = createHash('sha256').update(manifestText);
  const files: Record<string, string> = {};
  for (const entity of ENTITY_NAMES) {
    const { file } = ENTITY_FILES[entity];
    const text = await readFile(path.join(dir, file), 'utf8');
    hash.update(`\0${entity}\0`).update(text);
    files[file] = text;
  }
  const { rows, lines } = parseDataset(files);
  return { ...manifest, contentHash: hash.digest('hex'), rows, lines };
}
