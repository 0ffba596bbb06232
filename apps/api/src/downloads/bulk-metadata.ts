// metadata.json and README.txt of a published version's bulk download, in the manner of Our World in Data's
// grapher downloads: the CSVs stay clean, the prose (title, version, sources with licence and date accessed, a
// citation line, processing notes, what was left out and why) goes here.
import type { WithheldSource } from '@ree/domain';

export interface BulkVersion {
  id: string;
  label: string;
  note: string | null;
  publishedAt: Date | null;
  dataset: { slug: string; name: string };
}

export interface BulkSource {
  id: string;
  citation: string;
  publisher: string | null;
  url: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  licence: string | null;
  redistribution: string | null;
}

export interface BulkTable {
  file: string;
  columns: string[];
  rows: number;
  withheldRows: number;
}

export const PROCESSING_NOTES = [
  'One CSV per table, in the format of the shipped files (apps/api/data/reference): a header row, comma-separated, LF line ends, RFC 4180 quoting; lists are joined with ";".',
  'Every row names its source (source_id) and its status (verified, estimated, unverified); sources.csv lists every source of the version, withheld ones included, so their citations stay visible.',
  'Rows whose source\'s licence does not allow redistribution (licensed price assessments) are left out; metadata.json\'s "withheld" list names each such source, its licence and how many rows were left out.',
  'Text cells a spreadsheet would run as a formula (starting with = + - @, tab, CR or NUL) carry a leading apostrophe.',
  'A published version never changes: the same URL always gives the same rows.',
];

export function versionCitation(version: BulkVersion): string {
  const date = version.publishedAt?.toISOString().slice(0, 10) ?? 'unpublished';
  return `REE Resilience, ${version.dataset.name}, version ${version.label} (published ${date}, id ${version.id}). Cite the sources listed in metadata.json beside it.`;
}

export function bulkMetadata(
  version: BulkVersion,
  tables: Record<string, BulkTable>,
  sources: BulkSource[],
  withheld: WithheldSource[],
) {
  return {
    title: `${version.dataset.name} — version ${version.label}`,
    dataset: { slug: version.dataset.slug, name: version.dataset.name },
    version: {
      id: version.id,
      label: version.label,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      note: version.note,
    },
    citation: versionCitation(version),
    tables,
    sources,
    withheld,
    processingNotes: PROCESSING_NOTES,
  };
}

export function bulkReadme(version: BulkVersion, withheld: WithheldSource[]): string {
  const lines = [
    `${version.dataset.name}, version ${version.label}`,
    '',
    `Cite as: ${versionCitation(version)}`,
    '',
    'Files: one CSV per table (sources.csv, countries.csv, production.csv, ...) and metadata.json, which lists each',
    "table's columns and row count, every source with its licence and the date it was accessed, and the notes below.",
    '',
    ...PROCESSING_NOTES.map((n) => `- ${n}`),
    '',
    withheld.length === 0
      ? 'Nothing was withheld from this version.'
      : `Withheld (licence does not allow redistribution): ${withheld.map((w) => `${w.sourceId} (${w.rows} rows)`).join(', ')}.`,
    '',
  ];
  return lines.join('\n');
}
