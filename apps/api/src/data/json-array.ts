// A top-level JSON array of objects, read incrementally: feed text chunks, get each element's JSON text and the
// line it starts on. Only the element being read is held in memory, never the whole file, and the caps (an
// element's length, a string's length, how deep arrays and objects nest) are checked as the text arrives.
import { MAX_FIELD_CHARS, MAX_RECORD_CHARS } from '@ree/domain';

export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface JsonElement {
  line: number;
  /** The element's JSON text, with each number written as a string of its digits ("year": "2024.0"). */
  text: string;
}

/**
 * How deep arrays and objects may nest inside an element (a row is an object of plain values and lists: 2).
 * JSON.parse copes with any depth, but what walks the result (Array.prototype.join) recurses.
 */
export const MAX_JSON_DEPTH = 16;

const NUMBER_START = /[-0-9]/;
const NUMBER_PART = /[-+.eE0-9]/;

export class JsonArraySplitter {
  private phase: 'before' | 'between' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private stringChars = 0;
  private inNumber = false;
  private escaped = false;
  private line = 1;
  private element = '';
  private elementLine = 0;

  push(chunk: string): JsonElement[] {
    const out: JsonElement[] = [];
    for (const ch of chunk) {
      if (this.phase === 'inside') this.inside(ch, out);
      else this.outside(ch);
      if (ch === '\n') this.line++;
    }
    return out;
  }

  private outside(ch: string): void {
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\ufeff') return;
    if (this.phase === 'before') {
      if (ch !== '[')
        throw new JsonShapeError(this.line, 'a JSON import must be an array of objects: [{…}, {…}]');
      this.phase = 'between';
      return;
    }
    if (this.phase === 'after') throw new JsonShapeError(this.line, 'text after the closing ] of the array');
    if (ch === ',') return;
    if (ch === ']') {
      this.phase = 'after';
      return;
    }
    if (ch !== '{') throw new JsonShapeError(this.line, 'each element of the array must be an object {…}');
    this.phase = 'inside';
    this.depth = 1;
    this.element = '{';
    this.elementLine = this.line;
  }

  private inside(ch: string, out: JsonElement[]): void {
    // A number is kept as the text it was written as, so "2024.0" and 1e309 reach the cell rules as written
    // (JSON.parse would make them 2024 and Infinity). Its digits, sign, point and exponent are wrapped in quotes.
    if (this.inNumber && !NUMBER_PART.test(ch)) {
      this.inNumber = false;
      this.element += '"';
    } else if (!this.inString && !this.inNumber && NUMBER_START.test(ch)) {
      this.inNumber = true;
      this.element += '"';
    }
    this.element += ch;
    if (this.element.length > MAX_RECORD_CHARS) {
      throw new JsonShapeError(
        this.elementLine,
        `an object longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters`,
      );
    }
    if (this.inNumber) return;
    if (this.inString) {
      if (++this.stringChars > MAX_FIELD_CHARS + 1) {
        throw new JsonShapeError(
          this.elementLine,
          `a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`,
        );
      }
      if (this.escaped) this.escaped = false;
      else if (ch === '\\') this.escaped = true;
      else if (ch === '"') this.inString = false;
      return;
    }
    if (ch === '"') {
      this.inString = true;
      this.stringChars = 0;
    } else if (ch === '{' || ch === '[') {
      if (++this.depth > MAX_JSON_DEPTH) {
        throw new JsonShapeError(
          this.elementLine,
          `arrays or objects nested more than ${MAX_JSON_DEPTH} deep`,
        );
      }
    } else if (ch === '}' || ch === ']') {
      this.depth--;
      if (this.depth === 0) {
        out.push({ line: this.elementLine, text: this.element });
        this.element = '';
        this.phase = 'between';
      }
    }
  }

  /** Checks the array was closed. */
  end(): void {
    if (this.phase === 'before') throw new JsonShapeError(this.line, 'the file holds no JSON array');
    if (this.phase !== 'after')
      throw new JsonShapeError(this.line, 'the file ends before the array is closed with ]');
  }
}
