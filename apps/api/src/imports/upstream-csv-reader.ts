// Reads a file in a source's own CSV layout (USGS's MCS data release, a UN Comtrade export) as a stream: decodes
// it (UTF-8, or Windows-1252 as USGS publishes it), parses it, maps each record through the layout onto the
// dataset's rows and feeds them to the import sink. The report says what was read, what was skipped and why.
import { CsvParser, CsvSyntaxError, ENTITY_FILES, type EntityName } from '@ree/domain';
import { fileError, type RecordSink } from './upload-sink.ts';

/** What one record of an upstream file becomes. */
export type UpstreamRow =
  | { kind: 'row'; entity: EntityName; cells: Record<string, string> }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; column: string; message: string };

/** A source's layout: how its header is checked, its records mapped and its report worded. */
export interface UpstreamLayout {
  /** Checks the header (names trimmed and lower-cased); returns why the file cannot be read, or null. */
  start(columns: ReadonlyMap<string, number>): string | null;
  /** Maps one record; `cell` takes a lower-case column name. */
  row(cell: (column: string) => string): UpstreamRow;
  /** Rows the file implies once read (the source row it is). */
  finish?(): UpstreamRow[];
  /** The report's warnings from the rows written per table and the records skipped per reason. */
  summary(written: ReadonlyMap<EntityName, number>, skipped: ReadonlyMap<string, number>): string[];
}

/**
 * Text from bytes: UTF-8 while the bytes are UTF-8, Windows-1252 from the first byte that is not (USGS's files are
 * Windows-1252; a file re-saved as UTF-8 stays UTF-8).
 */
class Utf8OrWindows1252 {
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private readonly cp1252 = new TextDecoder('windows-1252');
  /** The bytes of a UTF-8 sequence the previous chunk ended in the middle of (the UTF-8 decoder holds them). */
  private held: Uint8Array = new Uint8Array(0);

  decode(chunk: Uint8Array, final = false): string {
    if (!this.utf8) return this.cp1252.decode(chunk, { stream: !final });
    const bytes = this.held.length ? concat(this.held, chunk) : chunk;
    try {
      const text = this.utf8.decode(chunk, { stream: !final });
      this.held = final ? new Uint8Array(0) : unfinishedSequence(bytes);
      return text;
    } catch {
      this.utf8 = null; // everything from here on, and the held bytes, as Windows-1252
      return this.cp1252.decode(bytes, { stream: !final });
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The last bytes that start a UTF-8 sequence the chunk does not finish (at most 3). */
function unfinishedSequence(bytes: Uint8Array): Uint8Array {
  let start = bytes.length - 1;
  while (start >= 0 && bytes.length - start <= 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = bytes[start] ?? 0;
  if (start < 0 || (lead & 0xc0) !== 0xc0) return new Uint8Array(0);
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return bytes.length - start < length ? bytes.slice(start) : new Uint8Array(0);
}

/** How many distinct reasons for skipping a record the report tells apart. */
const MAX_SKIP_REASONS = 100;

export class UpstreamCsvReader {
  private readonly decoder = new Utf8OrWindows1252();
  private readonly csv = new CsvParser(',');
  private columns: Map<string, number> | null = null;
  private readonly announced = new Map<EntityName, boolean>();
  private readonly skipped = new Map<string, number>();
  private readonly written = new Map<EntityName, number>();
  private lastLine = 1;
  private dead = false;

  constructor(
    private readonly file: string,
    private readonly sink: RecordSink,
    private readonly layout: UpstreamLayout,
  ) {}

  async push(chunk: Uint8Array): Promise<void> {
    await this.text(this.decoder.decode(chunk));
  }

  async end(): Promise<void> {
    await this.text(this.decoder.decode(new Uint8Array(0), true));
    if (this.dead) return;
    try {
      await this.records(this.csv.end());
    } catch (error) {
      await this.syntax(error);
    }
    if (this.dead || !this.columns) return;
    for (const result of this.layout.finish?.() ?? []) await this.take(this.lastLine, result);
    for (const message of this.layout.summary(this.written, this.skipped))
      await this.sink.problem({ file: this.file, line: null, column: null, severity: 'warning', message });
  }

  private async text(text: string): Promise<void> {
    if (this.dead || !text) return;
    try {
      await this.records(this.csv.push(text));
    } catch (error) {
      await this.syntax(error);
    }
  }

  private async records(records: { line: number; fields: string[] }[]): Promise<void> {
    for (const { line, fields } of records) {
      if (this.dead) return;
      if (fields.length === 1 && fields[0]?.trim() === '') continue;
      this.lastLine = line;
      if (!this.columns) {
        this.columns = new Map(
          fields.map((f, i) => [
            f
              .replace(/^\uFEFF/, '')
              .trim()
              .toLowerCase(),
            i,
          ]),
        );
        const refusal = this.layout.start(this.columns);
        if (refusal) return this.fail(refusal);
        continue;
      }
      const columns = this.columns;
      await this.take(
        line,
        this.layout.row((c) => fields[columns.get(c) ?? -1] ?? ''),
      );
    }
  }

  private async take(line: number, result: UpstreamRow): Promise<void> {
    if (result.kind === 'skip') {
      // Reasons name values of the file (a commodity, a flow): past a few hundred, the rest are counted as one.
      const known = this.skipped.has(result.reason) || this.skipped.size < MAX_SKIP_REASONS;
      const reason = known ? result.reason : 'other reasons';
      this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
    } else if (result.kind === 'error') {
      await this.sink.problem({
        file: this.file,
        line,
        column: result.column,
        severity: 'error',
        message: result.message,
      });
    } else await this.row(line, result.entity, result.cells);
  }

  private async row(line: number, entity: EntityName, cells: Record<string, string>): Promise<void> {
    let ok = this.announced.get(entity);
    if (ok === undefined) {
      ok = await this.sink.header(
        this.file,
        entity,
        ENTITY_FILES[entity].columns.map((c) => c.header),
      );
      this.announced.set(entity, ok);
    }
    if (!ok) return;
    this.written.set(entity, (this.written.get(entity) ?? 0) + 1);
    await this.sink.record(this.file, entity, line, (h) => cells[h] ?? '');
  }

  private async syntax(error: unknown): Promise<void> {
    if (!(error instanceof CsvSyntaxError)) throw error;
    await this.fail(
      `${error.message.replace(/^line \d+: /, '')}; the rest of the file was not read`,
      error.line,
    );
  }

  private async fail(message: string, line: number | null = 1): Promise<void> {
    this.dead = true;
    await this.sink.problem(fileError(this.file, message, line));
  }
}

/** Counts of skipped records whose reason starts with `prefix`, the prefix taken off. */
export function skippedWith(skipped: ReadonlyMap<string, number>, prefix: string): [string, number][] {
  return [...skipped].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]);
}

/** "33 production.csv, 16 trade.csv", or "no rows". */
export function writtenSummary(written: ReadonlyMap<EntityName, number>): string {
  return [...written].map(([e, n]) => `${n} ${ENTITY_FILES[e].file}`).join(', ') || 'no rows';
}
