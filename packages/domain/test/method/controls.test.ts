import { describe, expect, it } from 'vitest';
import { asOfDate, inForceOn, notInForceNotes, PolicyMeasure, restrictionsInForce } from '../../src/index.ts';

const measure = (over: Partial<PolicyMeasure> & Pick<PolicyMeasure, 'id' | 'startDate'>) =>
  PolicyMeasure.parse({
    country: 'CHN',
    kind: 'export-control',
    title: over.id,
    sourceId: 'mofcom',
    status: 'verified',
    ...over,
  });

const april2025 = measure({
  id: 'no-18',
  startDate: '2025-04-04',
  elements: ['Sm', 'Gd', 'Tb', 'Dy', 'Lu', 'Sc', 'Y'],
});
const october2025 = measure({
  id: 'no-57',
  startDate: '2025-10-09',
  effectiveOn: '2025-11-08',
  suspendedOn: '2025-11-07',
  suspendedUntil: '2026-11-10',
  elements: ['Ho', 'Er', 'Tm', 'Eu', 'Yb'],
});
const embargo2010 = measure({
  id: 'embargo',
  kind: 'embargo',
  startDate: '2010-09-23',
  endDate: '2010-11-19',
  targetCountry: 'JPN',
});

describe('export controls in force on a date (defect 6)', () => {
  it('the October 2025 package never took effect: suspended the day before it was due', () => {
    for (const date of ['2025-10-09', '2025-11-08', '2025-12-31', '2026-06-30', '2026-11-09'])
      expect(inForceOn(october2025, date), date).toBe(false);
    expect(
      restrictionsInForce([october2025], { material: 'Er', destination: 'JPN', date: '2025-12-31' }),
    ).toEqual([]);
    expect(notInForceNotes([october2025], 'Er', 'JPN', '2025-12-31')).toEqual([
      'CHN: no-57 — not in force on 2025-12-31: suspended on 2025-11-07 before it took effect until 2026-11-10',
    ]);
  });

  it('counts from the day a measure takes effect, per element and destination', () => {
    expect(inForceOn(april2025, '2025-04-03')).toBe(false);
    expect(inForceOn(april2025, '2025-04-04')).toBe(true);
    const dy = restrictionsInForce([april2025], { material: 'Dy', destination: 'JPN', date: '2025-12-31' });
    expect(dy.map((r) => r.elements)).toEqual([['Dy']]);
    expect(
      restrictionsInForce([april2025], { material: 'NdPr', destination: 'JPN', date: '2025-12-31' }),
    ).toEqual([]);
    expect(
      restrictionsInForce([embargo2010], { material: 'Dy', destination: 'USA', date: '2010-10-01' }),
    ).toEqual([]);
    expect(
      restrictionsInForce([embargo2010], { material: 'Dy', destination: 'JPN', date: '2010-10-01' }),
    ).toHaveLength(1);
    expect(inForceOn(embargo2010, '2010-11-19')).toBe(false);
  });

  it('reads a year as of its last day, or today for the current year', () => {
    expect(asOfDate(2025, '2026-12-01')).toBe('2025-12-31');
    expect(asOfDate(2026, '2026-12-01')).toBe('2026-12-01');
  });
});
