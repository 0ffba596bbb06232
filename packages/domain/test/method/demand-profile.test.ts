import { describe, expect, it } from 'vitest';
import { demandProfile, EndUseShare } from '../../src/index.ts';

const row = (fields: Record<string, unknown>) =>
  EndUseShare.parse({ scope: 'WLD', year: 2023, sourceId: 'src-a', status: 'verified', ...fields });

describe('demandProfile', () => {
  const rows = [
    row({
      material: 'Dy',
      use: 'permanent-magnets',
      share: 0.9,
      sectors: ['electric-vehicles', 'wind-turbines'],
    }),
    row({ material: 'Dy', use: 'other', share: 0.1 }),
    row({ material: 'Dy', use: 'permanent-magnets', share: 0.8, year: 2015, sourceId: 'src-old' }),
    row({ material: 'Dy', use: 'lasers', scope: 'USA', year: 2020, sectors: ['defence'] }),
    row({ material: 'Dy', use: 'medical', scope: 'USA', year: 2012 }),
    // A newer year that names uses without shares does not hide the split of 2023.
    row({ material: 'Dy', use: 'lasers', year: 2025 }),
    row({ material: 'REE', use: 'catalysts', share: 0.6, sectors: ['petroleum-refining'] }),
  ];

  it('takes each scope at its latest year with shares, largest share first, the world before countries', () => {
    const profile = demandProfile(rows, 'Dy');
    expect(profile.scopes.map((s) => [s.scope, s.year])).toEqual([
      ['WLD', 2023],
      ['USA', 2020],
    ]);
    const world = profile.scopes[0];
    expect(world?.uses.map((u) => [u.use, u.share])).toEqual([
      ['permanent-magnets', 0.9],
      ['other', 0.1],
    ]);
    expect(world?.shareTotal).toBeCloseTo(1);
    expect(world?.sectors).toEqual(['electric-vehicles', 'wind-turbines']);
    expect(profile.sourceIds).toEqual(['src-a']);
  });

  it('reads an earlier year when asked, and a use without a share as such', () => {
    const profile = demandProfile(rows, 'Dy', 2019);
    expect(profile.scopes.map((s) => [s.scope, s.year])).toEqual([
      ['WLD', 2015],
      ['USA', 2012],
    ]);
    expect(profile.scopes[0]?.uses[0]?.share).toBe(0.8);
    const us = demandProfile(rows, 'Dy').scopes[1];
    expect(us?.shareTotal).toBeNull();
    // Without shares, every use a source names, newest first.
    expect(us?.uses.map((u) => [u.use, u.year])).toEqual([
      ['lasers', 2020],
      ['medical', 2012],
    ]);
    expect(us?.uses[0]).toMatchObject({ share: null, sectors: ['defence'] });
  });

  it("never stands all rare earths' uses in for an element without its own", () => {
    expect(demandProfile(rows, 'Tb').scopes).toEqual([]);
    expect(demandProfile(rows, 'REE').scopes[0]?.uses[0]?.use).toBe('catalysts');
  });

  it('says so when shares add up to more than the whole', () => {
    const over = [...rows, row({ material: 'Dy', use: 'glass', share: 0.2 })];
    expect(demandProfile(over, 'Dy').scopes[0]?.problems).toEqual([
      'the shares of WLD 2023 add up to 120 %, more than the whole',
    ]);
  });

  it('refuses a share outside 0–1, an unknown use and a sector named twice', () => {
    const bad = (fields: Record<string, unknown>) =>
      EndUseShare.safeParse({
        material: 'Nd',
        use: 'catalysts',
        scope: 'WLD',
        year: 2023,
        sourceId: 's1',
        status: 'verified',
        ...fields,
      });
    expect(bad({ share: 1.2 }).success).toBe(false);
    expect(bad({ use: 'toys' }).success).toBe(false);
    expect(bad({ sectors: ['defence', 'defence'] }).success).toBe(false);
    expect(bad({}).success).toBe(true);
  });
});
