import { describe, expect, it } from 'vitest';
import { COMPANY_UPLOAD_LIMITS, readCompanySuppliers } from '../src/index.ts';

const known = new Set(['CHN', 'MYS', 'VNM']);
const HEADER = 'country,material,stage,year,quantity,unit';
const read = (...lines: string[]) => readCompanySuppliers([HEADER, ...lines].join('\n'), known);

describe('reading a company-suppliers upload', () => {
  it('reads a file with a BOM, CRLF line ends and headers in any case', () => {
    const text = `\uFEFFCountry,Material,Stage,Year,Quantity,Unit\r\nCHN,Dy,separation,2025,9,t\r\nMYS,Dy,separation,2025,1,\r\n`;
    const { rows, issues } = readCompanySuppliers(text, known);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { country: 'CHN', material: 'Dy', stage: 'separation', year: 2025, quantity: 9, unit: 't', line: 2 },
      { country: 'MYS', material: 'Dy', stage: 'separation', year: 2025, quantity: 1, unit: 't', line: 3 },
    ]);
  });

  it.each([
    ['XKX,Dy,separation,2025,9,t', 'country', /XKX is not a country in the dataset/],
    ['WLD,Dy,separation,2025,9,t', 'country', /the world total/],
    ['CHN,Unobtainium,separation,2025,9,t', 'material', /Unobtainium/],
    ['CHN,Dy,separation,2025,-3,t', 'quantity', /-3/],
    ['CHN,Dy,separation,2025,lots,t', 'quantity', /"lots" is not a number/],
    ['CHN,Dy,separation,2025,1.5,share', 'quantity', /fraction/],
    ['CHN,Dy,separation,2025.5,1,t', 'year', /whole number/],
  ])('%s → an error in column %s, and no rows', (line, column, message) => {
    const { rows, issues } = read('MYS,Dy,separation,2025,1,t', line);
    expect(rows).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, column });
    expect(issues[0]?.message).toMatch(message);
  });

  it('a repeated supplier line names the line it repeats', () => {
    const { rows, issues } = read('CHN,Dy,separation,2025,9,t', 'CHN,Dy,separation,2025,2,t');
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { line: 3, column: 'country', message: expect.stringMatching(/repeats line 2/) },
    ]);
  });

  it('a wrong header is one problem on line 1', () => {
    const { issues } = readCompanySuppliers('country,material,year,tonnes\nCHN,Dy,2025,9', known);
    expect(issues).toEqual([
      {
        line: 1,
        column: null,
        message: expect.stringMatching(/missing stage, quantity, unit; unknown "tonnes"/),
      },
    ]);
  });

  it('refuses more rows than the limit', () => {
    const lines = Array.from(
      { length: COMPANY_UPLOAD_LIMITS.rows + 1 },
      (_, i) => `CHN,Dy,separation,${1950 + (i % 100)},${i},t`,
    );
    expect(read(...lines).issues[0]?.message).toMatch(/at most 5000/);
  });

  it('refuses tonnes and shares mixed in one material, stage and year', () => {
    const { issues } = read('CHN,Dy,separation,2025,9,t', 'MYS,Dy,separation,2025,0.1,share');
    expect(issues).toEqual([
      { line: 3, column: 'unit', message: expect.stringMatching(/both in tonnes and as shares/) },
    ]);
  });
});
