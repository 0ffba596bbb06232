import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, parseCsv } from './csv.ts';

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
