import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, MAX_FIELD_CHARS, MAX_RECORD_CHARS, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, escaped quotes and newlines, and reports start lines', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', '2'] },
    ]);
  });

  it('handles semicolons, a missing final newline and empty fields', () => {
    expect(parseCsv('a;b;c\n1;;3', ';')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
    ]);
  });

  it('gives the same records whatever the chunking', () => {
    const text = 'h1,h2\r\n"a\r\nb","c""d"\r\ne,f\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size < text.length; size++) {
      const parser = new CsvParser();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(whole);
    }
  });

  it('refuses malformed quoting with the line', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nx"y,1')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n"x"y,1')).toThrow(/after a closing quote/);
  });
});

describe('caps on records and fields', () => {
  it('accepts a field of exactly MAX_FIELD_CHARS, quoted or not, and refuses one character more with its line', () => {
    const at = 'x'.repeat(MAX_FIELD_CHARS);
    expect(parseCsv(`a\n${at}\n"${at}"\n`)).toHaveLength(3);
    expect(() => parseCsv(`a\nb\n${at}x\n`)).toThrow(/^line 3: a field longer than 100,000 characters$/);
    expect(() => parseCsv(`a\n"${'""'.repeat(MAX_FIELD_CHARS)}x"`)).toThrow(/a field longer/);
  });

  it('refuses a record longer than MAX_RECORD_CHARS as it arrives, without waiting for its end', () => {
    const parser = new CsvParser();
    parser.push('a,b\n');
    const piece = 'xx,'.repeat(10_000);
    expect(() => {
      for (let sent = 0; sent <= MAX_RECORD_CHARS; sent += piece.length) parser.push(piece);
    }).toThrow(/^line 2: a line \(record\) longer than 1,000,000 characters$/);
    // A quoted field's line breaks belong to its record: the record's length counts them all.
    const lines = `"${'y\n'.repeat(30_000)}",`.repeat(20);
    expect(() => parseCsv(`a\n${lines}`)).toThrow(/^line 2: a line \(record\) longer/);
  });
});
