// RFC 4180 CSV, read incrementally: feed text chunks, get records with the line they started on. Handles a BOM,
// quoted fields with delimiters, quotes and newlines, CRLF or LF, and a comma or semicolon delimiter.

import { DomainError } from '../errors.ts';

/** A record (a line, or several when a quoted field holds line breaks) may not be longer than this. */
export const MAX_RECORD_CHARS = 1_000_000;
/** One field may not be longer than this. */
export const MAX_FIELD_CHARS = 100_000;

export interface CsvRecord {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends DomainError {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type State =
  | 'fieldStart' // nothing read of the current field yet
  | 'unquoted'
  | 'quoted'
  | 'quoteInQuoted' // a quote inside a quoted field: closes it, or is the first half of ""
  | 'afterCr'; // a CR ended a record; a following LF belongs to it

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private started = false;
  /** Characters read of the current record: the caps are checked as text arrives, so no long line is ever held. */
  private recordChars = 0;

  constructor(private readonly delimiter: ',' | ';' = ',') {}

  /** Feeds the next chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (const ch of text) this.step(ch, out);
    return out;
  }

  private step(ch: string, out: CsvRecord[]): void {
    if (++this.recordChars > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(
        this.recordLine,
        `a line (record) longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters`,
      );
    }
    this.read(ch, out);
  }

  private read(ch: string, out: CsvRecord[]): void {
    switch (this.state) {
      case 'afterCr':
        this.state = 'fieldStart';
        if (ch === '\n') return;
        this.read(ch, out);
        return;
      case 'quoted':
        if (ch === '"') this.state = 'quoteInQuoted';
        else {
          if (ch === '\n') this.line++;
          this.append(ch);
        }
        return;
      case 'quoteInQuoted':
        if (ch === '"') {
          this.append('"');
          this.state = 'quoted';
          return;
        }
        if (ch !== this.delimiter && ch !== '\n' && ch !== '\r') {
          throw new CsvSyntaxError(
            this.line,
            'text after a closing quote; write a quote inside a field as ""',
          );
        }
        this.endOfField(ch, out);
        return;
      case 'fieldStart':
        if (ch === '"') {
          this.state = 'quoted';
          return;
        }
        this.state = 'unquoted';
        this.read(ch, out);
        return;
      case 'unquoted':
        if (ch === this.delimiter || ch === '\n' || ch === '\r') {
          this.endOfField(ch, out);
          return;
        }
        if (ch === '"') {
          throw new CsvSyntaxError(
            this.line,
            'a quote inside an unquoted field; wrap the field in double quotes',
          );
        }
        this.append(ch);
        return;
    }
  }

  private append(ch: string): void {
    if (this.field.length >= MAX_FIELD_CHARS) {
      throw new CsvSyntaxError(
        this.recordLine,
        `a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`,
      );
    }
    this.field += ch;
  }

  private endOfField(ch: string, out: CsvRecord[]): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
    if (ch === this.delimiter) return;
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.line++;
    this.recordLine = this.line;
    this.recordChars = 0;
    if (ch === '\r') this.state = 'afterCr';
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): CsvRecord[] {
    if (this.state === 'quoted') throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed');
    if (this.state === 'afterCr' || (this.state === 'fieldStart' && this.fields.length === 0)) return [];
    this.fields.push(this.field);
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = '';
    this.state = 'fieldStart';
    return [record];
  }
}

/** Parses a whole CSV text. Blank lines (such as trailing ones) are dropped. */
export function parseCsv(text: string, delimiter: ',' | ';' = ','): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  return [...parser.push(text), ...parser.end()].filter(
    (r) => !(r.fields.length === 1 && r.fields[0] === ''),
  );
}
