// A top-level JSON array of objects, read incrementally: feed text chunks, get each element's JSON text and the
// line it starts on. Only the element being read is held in memory, never the whole file.

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
  text: string;
}

/** One element may not grow past this: a single object of megabytes is not a table row. */
const MAX_ELEMENT_CHARS = 1_000_000;

export class JsonArraySplitter {
  private phase: 'before' | 'between' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
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
    this.element += ch;
    if (this.element.length > MAX_ELEMENT_CHARS) {
      throw new JsonShapeError(this.elementLine, 'an object longer than a million characters');
    }
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (ch === '\\') this.escaped = true;
      else if (ch === '"') this.inString = false;
      return;
    }
    if (ch === '"') this.inString = true;
    else if (ch === '{' || ch === '[') this.depth++;
    else if (ch === '}' || ch === ']') {
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
