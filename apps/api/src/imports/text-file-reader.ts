// One uploaded text file (CSV or JSON) of one table, read incrementally and handed to the sink record by record.
import {
  CsvParser,
  CsvSyntaxError,
  ENTITY_FILES,
  type EntityName,
  echo,
  echoList,
  MAX_ECHO_ITEMS,
} from '@ree/domain';
import { JsonArraySplitter, JsonShapeError } from '../data/json-array.ts';
import { nextTurn } from './draft-checks.ts';
import { fileError, type RecordSink } from './upload-sink.ts';

/**
 * Lines read between turns of the event loop. Blank lines and malformed rows cost no database call, so a file of
 * millions of them (a small ZIP can inflate to one) would otherwise be read in one go while every other request
 * waits; a thousand lines take well under a millisecond.
 */
export const LINES_PER_TURN = 1000;
/** Characters of CSV text parsed at once (1 Mi). */
const CSV_SLICE_CHARS = 1 << 20;

/** One text file (CSV or JSON) of one entity: decodes UTF-8 strictly, then parses incrementally. */
export class TextFileReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private dead = false;
  private csv: CsvParser | null = null;
  private pending = ''; // CSV text held until the first line shows the delimiter
  private headers: string[] | null = null;
  private readonly json = new JsonArraySplitter();
  /** The first few keys no column has (kept to name them in the report), and whether there were others. */
  private readonly unknownJsonKeys = new Set<string>();
  private moreUnknownJsonKeys = false;
  private sawRecord = false;
  private linesSinceTurn = 0;

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
        message: `ignored field(s) this table does not have: ${echoList([...this.unknownJsonKeys])}${this.moreUnknownJsonKeys ? ' and others' : ''}`,
      });
    }
  }

  private async text(text: string): Promise<void> {
    try {
      if (this.format === 'json') {
        for (const element of this.json.push(text)) {
          await this.takeTurns();
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
      // One inflated ZIP slice can be megabytes: parsed a slice at a time, so the records of only one are held.
      for (let at = 0; at < text.length; at += CSV_SLICE_CHARS) {
        await this.csvRecords((this.csv as CsvParser).push(text.slice(at, at + CSV_SLICE_CHARS)));
        if (this.dead) return;
      }
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
      await this.takeTurns();
      if (fields.length === 1 && fields[0]?.trim() === '') continue; // blank lines, e.g. trailing ones
      if (!this.headers) {
        // NUL bytes in a data row are that row's problem; in the header they mean this is not UTF-8 text at all.
        if (fields.some((f) => f.includes('\0'))) {
          return this.fail(line, 'the header row holds NUL bytes: is this a binary or UTF-16 file?');
        }
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

  /** Gives the event loop a turn every LINES_PER_TURN lines (see there). */
  private async takeTurns(): Promise<void> {
    if (++this.linesSinceTurn < LINES_PER_TURN) return;
    this.linesSinceTurn = 0;
    await nextTurn();
  }

  private async jsonElement(line: number, text: string): Promise<void> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      await this.rowProblem(line, `not valid JSON: ${echo((error as Error).message)}`);
      return;
    }
    // JSON keys may be the CSV headers or the entity's field names, in any case.
    const cells = new Map<string, string>();
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
      const header = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
      if (!ENTITY_FILES[this.entity].columns.some((c) => c.header === header)) {
        if (this.unknownJsonKeys.size < MAX_ECHO_ITEMS) this.unknownJsonKeys.add(key);
        else if (!this.unknownJsonKeys.has(key)) this.moreUnknownJsonKeys = true;
        continue;
      }
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        await this.rowProblem(line, `"${echo(key)}" holds an object; give a plain value`, header);
        return;
      }
      if (Array.isArray(raw) && raw.some((v) => v !== null && typeof v === 'object')) {
        await this.rowProblem(
          line,
          `"${echo(key)}" holds a list of lists or objects; give plain values`,
          header,
        );
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
    await this.sink.problem(fileError(this.file, message, line));
  }
}
