// Reads an uploaded file — CSV, a JSON array, or a ZIP of several — as a stream of records handed to a sink, one
// at a time, so a 100 MB upload is never held in memory as a whole. Knows file formats, nothing of databases.

import { createHash } from 'node:crypto';
import { CsvParser, CsvSyntaxError, ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { JsonArraySplitter, JsonShapeError } from '../data/json-array.ts';
import { isUsgsMcsHeader } from './usgs-mcs.ts';
import { UsgsMcsReader } from './usgs-mcs-reader.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  message: string;
  severity: Severity;
  /** The whole file (or the rest of it) could not be read: none of it is usable. */
  fileLevel?: boolean;
}

/** Where the records go. Each call is awaited before the next record is read. */
export interface RecordSink {
  /** A file's header; returns false when its rows cannot be read (e.g. a required column is missing). */
  header(file: string, entity: EntityName, names: readonly string[]): Promise<boolean>;
  record(file: string, entity: EntityName, line: number, cell: (header: string) => string): Promise<void>;
  problem(problem: Problem): Promise<void>;
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

export type UploadFormat = 'csv' | 'json' | 'zip';

export interface UploadSummary {
  format: UploadFormat;
  bytes: number;
  /** sha256 of the bytes as uploaded. */
  contentHash: string;
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

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads the upload and feeds `sink`. `entity` names the table of a single CSV or JSON file (else its name says);
 * a ZIP's entries are matched by name. Throws UploadTooLargeError past `maxBytes` (uploaded, or unpacked).
 */
export async function readUpload(
  source: AsyncIterable<Uint8Array>,
  options: { fileName: string; entity?: EntityName | undefined; maxBytes: number },
  sink: RecordSink,
): Promise<UploadSummary> {
  const hash = createHash('sha256');
  let bytes = 0;
  let reader: ((chunk: Uint8Array) => Promise<void>) | null = null;
  let finish: () => Promise<void> = async () => {};
  let format: UploadFormat = 'csv';

  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
    hash.update(chunk);
    if (!reader) {
      format = detectFormat(options.fileName, chunk);
      if (format === 'zip') {
        const zip = new ZipReader(sink, options.maxBytes);
        reader = (c) => zip.push(c);
        finish = () => zip.end();
      } else if (format === 'csv' && isUsgsMcsHeader(firstLineOf(chunk))) {
        // USGS's own data release: one file, every chapter; its rare-earth rows become several tables' rows.
        const mcs = new UsgsMcsReader(options.fileName, sink);
        reader = (c) => mcs.push(c);
        finish = () => mcs.end();
      } else {
        const entity = options.entity ?? entityForFileName(options.fileName);
        if (!entity) {
          await sink.problem({
            file: options.fileName,
            line: null,
            column: null,
            severity: 'error',
            fileLevel: true,
            message: `cannot tell which table "${options.fileName}" is for: choose one, or name the file after it (e.g. production.csv)`,
          });
          reader = async () => {};
        } else {
          const text = new TextFileReader(options.fileName, entity, format, sink);
          reader = (c) => text.push(c);
          finish = () => text.end();
        }
      }
    }
    await reader(chunk);
  }
  if (bytes === 0) {
    await sink.problem({
      file: options.fileName,
      line: null,
      column: null,
      severity: 'error',
      fileLevel: true,
      message: 'the file is empty (0 bytes)',
    });
  } else await finish();
  return { format, bytes, contentHash: hash.digest('hex') };
}

/** The first line of a chunk, read byte for byte (a header is ASCII whatever the file's encoding). */
function firstLineOf(chunk: Uint8Array): string {
  const end = chunk.findIndex((b) => b === 0x0a || b === 0x0d);
  return new TextDecoder('latin1').decode(chunk.subarray(0, end < 0 ? Math.min(chunk.length, 4096) : end));
}

function detectFormat(fileName: string, firstChunk: Uint8Array): UploadFormat {
  if (ZIP_MAGIC.every((b, i) => firstChunk[i] === b) || /\.zip$/i.test(fileName)) return 'zip';
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

/** One text file (CSV or JSON) of one entity: decodes UTF-8 strictly, then parses incrementally. */
class TextFileReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private dead = false;
  private csv: CsvParser | null = null;
  private pending = ''; // CSV text held until the first line shows the delimiter
  private headers: string[] | null = null;
  private readonly json = new JsonArraySplitter();
  private readonly unknownJsonKeys = new Set<string>();
  private sawRecord = false;

  constructor(
    private readonly file: string,
    private readonly entity: EntityName,
    private readonly format: 'csv' | 'json',
    private readonly sink: RecordSink,
  ) {}

  async push(chunk: Uint8Array): Promise<void> {
    if (this.dead) return;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return this.fail(
        null,
        'this is not UTF-8 text: is it a binary file (a spreadsheet or archive) renamed?',
      );
    }
    if (text.includes('\0')) return this.fail(null, 'this file holds binary data (NUL bytes), not text');
    await this.text(text);
  }

  async end(): Promise<void> {
    if (this.dead) return;
    try {
      await this.text(this.decoder.decode());
    } catch {
      return this.fail(null, 'the file ends in the middle of a UTF-8 character');
    }
    try {
      if (this.format === 'json') this.json.end();
      else {
        if (!this.csv && this.pending) this.startCsv();
        if (this.csv) await this.csvRecords(this.csv.end());
      }
    } catch (error) {
      return this.syntax(error);
    }
    if (this.dead) return;
    if (this.format === 'csv' && !this.headers) return this.fail(1, 'the file has no header row');
    if (!this.sawRecord) {
      await this.sink.problem({
        file: this.file,
        line: null,
        column: null,
        severity: 'warning',
        message: 'the file has no rows',
      });
    }
    if (this.unknownJsonKeys.size) {
      await this.sink.problem({
        file: this.file,
        line: null,
        column: null,
        severity: 'warning',
        message: `ignored field(s) this table does not have: ${[...this.unknownJsonKeys].join(', ')}`,
      });
    }
  }

  private async text(text: string): Promise<void> {
    try {
      if (this.format === 'json') {
        for (const element of this.json.push(text)) {
          await this.jsonElement(element.line, element.text);
          if (this.dead) return;
        }
        return;
      }
      if (!this.csv) {
        this.pending += text;
        if (!/[\r\n]/.test(this.pending) && this.pending.length < 65_536) return;
        text = this.startCsv();
      }
      await this.csvRecords((this.csv as CsvParser).push(text));
    } catch (error) {
      await this.syntax(error);
    }
  }

  /** Picks the delimiter from the header line: whichever of ";" and "," it has more of. */
  private startCsv(): string {
    const firstLine = this.pending.split(/[\r\n]/, 1)[0] ?? '';
    const count = (ch: string) => firstLine.split(ch).length - 1;
    this.csv = new CsvParser(count(';') > count(',') ? ';' : ',');
    const text = this.pending;
    this.pending = '';
    return text;
  }

  private async csvRecords(records: { line: number; fields: string[] }[]): Promise<void> {
    for (const { line, fields } of records) {
      if (this.dead) return;
      if (fields.length === 1 && fields[0]?.trim() === '') continue; // blank lines, e.g. trailing ones
      if (!this.headers) {
        this.headers = fields.map((f) => f.trim().toLowerCase());
        if (!(await this.sink.header(this.file, this.entity, this.headers))) this.dead = true;
        continue;
      }
      if (fields.length !== this.headers.length) {
        await this.sink.problem({
          file: this.file,
          line,
          column: null,
          severity: 'error',
          message: `expected ${this.headers.length} fields, found ${fields.length}`,
        });
        continue;
      }
      const headers = this.headers;
      this.sawRecord = true;
      await this.sink.record(this.file, this.entity, line, (h) => fields[headers.indexOf(h)] ?? '');
    }
  }

  private async jsonElement(line: number, text: string): Promise<void> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      await this.rowProblem(line, `not valid JSON: ${(error as Error).message}`);
      return;
    }
    // JSON keys may be the CSV headers or the entity's field names, in any case.
    const cells = new Map<string, string>();
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
      const header = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      if (!ENTITY_FILES[this.entity].columns.some((c) => c.header === header)) {
        this.unknownJsonKeys.add(key);
        continue;
      }
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        await this.rowProblem(line, `"${key}" holds an object; give a plain value`, header);
        return;
      }
      cells.set(
        header,
        raw === null || raw === undefined ? '' : Array.isArray(raw) ? raw.join(';') : String(raw),
      );
    }
    if (!this.headers) {
      this.headers = [];
      if (
        !(await this.sink.header(
          this.file,
          this.entity,
          ENTITY_FILES[this.entity].columns.map((c) => c.header),
        ))
      ) {
        this.dead = true;
        return;
      }
    }
    this.sawRecord = true;
    await this.sink.record(this.file, this.entity, line, (h) => cells.get(h) ?? '');
  }

  private rowProblem(line: number, message: string, column: string | null = null): Promise<void> {
    return this.sink.problem({ file: this.file, line, column, severity: 'error', message });
  }

  private async syntax(error: unknown): Promise<void> {
    if (error instanceof CsvSyntaxError || error instanceof JsonShapeError) {
      const reason = error.message.replace(/^line \d+: /, '');
      return this.fail(error.line, `${reason}; the rest of the file was not read`);
    }
    throw error;
  }

  private async fail(line: number | null, message: string): Promise<void> {
    this.dead = true;
    await this.sink.problem({
      file: this.file,
      line,
      column: null,
      severity: 'error',
      fileLevel: true,
      message,
    });
  }
}

/** A ZIP whose entries are CSV or JSON files named after their tables. Entries are read as they arrive. */
class ZipReader {
  private readonly unzip = new Unzip();
  private queue: { reader: TextFileReader | null; data: Uint8Array; final: boolean }[] = [];
  private unpacked = 0;
  private error: Error | null = null;
  private readonly skipped: string[] = [];

  constructor(
    private readonly sink: RecordSink,
    private readonly maxBytes: number,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.onFile(file);
  }

  private onFile(file: UnzipFile): void {
    const name = file.name;
    const base = name.split('/').pop() ?? '';
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.')) return;
    const entity = entityForFileName(name);
    const format = /\.json$/i.test(name) ? 'json' : /\.csv$/i.test(name) ? 'csv' : null;
    if (!entity || !format) {
      if (base !== 'dataset.json') this.skipped.push(name);
      return;
    }
    const reader = new TextFileReader(name, entity, format, this.sink);
    file.ondata = (err, data, final) => {
      if (err) {
        this.error ??= new Error(`${name}: ${err.message}`);
        return;
      }
      this.unpacked += data.byteLength;
      if (this.unpacked > this.maxBytes) {
        this.error ??= new UploadTooLargeError(this.maxBytes);
        file.terminate();
        return;
      }
      this.queue.push({ reader, data, final });
    };
    try {
      file.start();
    } catch (error) {
      this.error ??= new Error(`${name}: ${(error as Error).message}`);
    }
  }

  async push(chunk: Uint8Array, final = false): Promise<void> {
    try {
      this.unzip.push(chunk, final);
    } catch (error) {
      this.error ??= error as Error;
    }
    if (this.error instanceof UploadTooLargeError) throw this.error;
    const queue = this.queue;
    this.queue = [];
    for (const { reader, data, final: last } of queue) {
      if (!reader) continue;
      await reader.push(data);
      if (last) await reader.end();
    }
  }

  async end(): Promise<void> {
    await this.push(new Uint8Array(0), true);
    if (this.error) {
      await this.sink.problem({
        file: 'upload',
        line: null,
        column: null,
        severity: 'error',
        fileLevel: true,
        message: `the ZIP archive cannot be read (${this.error.message})`,
      });
    }
    if (this.skipped.length) {
      await this.sink.problem({
        file: 'upload',
        line: null,
        column: null,
        severity: 'warning',
        message: `ignored ${this.skipped.join(', ')}: not a table's file (expected names such as ${ENTITY_FILES.production.file})`,
      });
    }
  }
}
