// What the upload readers hand on and share: problems, the sink that takes records, the size limit, and which
// table a file is for by its name.
import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  message: string;
  severity: Severity;
  /** The whole file (or the rest of it) could not be read: none of it is usable. */
  fileLevel?: boolean;
  /**
   * The files a file-level problem makes unusable, when they are not just `file`: a ZIP that cannot be read to
   * its end voids every entry read before the failure.
   */
  voids?: readonly string[];
}

/** Where the records go. Each call is awaited before the next record is read. */
export interface RecordSink {
  /** A file's header; returns false when its rows cannot be read (e.g. a required column is missing). */
  header(file: string, entity: EntityName, names: readonly string[]): Promise<boolean>;
  record(file: string, entity: EntityName, line: number, cell: (header: string) => string): Promise<void>;
  problem(problem: Problem): Promise<void>;
}

/** A problem with the whole file (or the rest of it): none of it is usable. */
export function fileError(file: string, message: string, line: number | null = null): Problem {
  return { file, line, column: null, severity: 'error', fileLevel: true, message };
}

export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  constructor(readonly limit: number) {
    super(`The upload is larger than the limit of ${formatBytes(limit)}.`);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(0)} MB` : `${Math.ceil(n / 1024)} kB`;
}

/** Which entity a file is for, from its name: "production.csv", "Production.JSON", "data/trade.csv". */
export function entityForFileName(name: string): EntityName | null {
  const base = (name.split(/[\\/]/).pop() ?? '').toLowerCase();
  const stem = base.replace(/\.(csv|json)$/, '');
  return (
    ENTITY_NAMES.find(
      (e) => ENTITY_FILES[e].file === base || e === stem || ENTITY_FILES[e].file === `${stem}.csv`,
    ) ?? null
  );
}
