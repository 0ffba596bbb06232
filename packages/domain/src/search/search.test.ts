import { describe, expect, it } from 'vitest';
import { mentionsCompany, operatorCompanies, operatorShortName, operatorSlug } from './operators.ts';
import { foldText, MATCH_RANK, matchRank, rankMatches } from './text-rank.ts';

describe('foldText', () => {
  it('folds accents, case, full-width forms and spaces', () => {
    expect(foldText('  Société  ÉLÉMENTS ')).toBe('societe elements');
    expect(foldText('Ｌｙｎａｓ')).toBe('lynas');
    expect(foldText('ジスプロシウム')).toBe('ジスプロシウム');
  });
});

describe('matchRank', () => {
  it('ranks exact, prefix, a word prefix and a substring in that order', () => {
    expect(matchRank('dy', ['Dy'])).toBe(MATCH_RANK.exact);
    expect(matchRank('lyn', ['Lynas Rare Earths'])).toBe(MATCH_RANK.prefix);
    expect(matchRank('rare', ['Lynas Rare Earths'])).toBe(MATCH_RANK.wordPrefix);
    expect(matchRank('nas', ['Lynas Rare Earths'])).toBe(MATCH_RANK.substring);
    expect(matchRank('xyz', ['Lynas'])).toBeNull();
    expect(matchRank('   ', ['Lynas'])).toBeNull();
  });

  it('takes the best of several terms', () => {
    expect(matchRank('jpn', ['Japan', 'JPN'])).toBe(MATCH_RANK.exact);
  });
});

describe('rankMatches', () => {
  const entries = [
    { terms: ['Neodymium', 'Nd'] },
    { terms: ['Dysprosium', 'Dy'] },
    { terms: ['Lynas Rare Earths'] },
    { terms: ['Lynas Malaysia heavy rare earth separation circuit'] },
    { terms: ['Mount Weld', 'Lynas'] },
  ];

  it('puts exact before prefix before substring, shorter names first within a rank', () => {
    expect(rankMatches('dy', entries, 10).map((e) => e.terms[0])).toEqual(['Dysprosium', 'Neodymium']);
    expect(rankMatches('lynas', entries, 10).map((e) => e.terms[0])).toEqual([
      'Mount Weld',
      'Lynas Rare Earths',
      'Lynas Malaysia heavy rare earth separation circuit',
    ]);
  });

  it('puts a lower tier first within one rank, never across ranks', () => {
    const tiered = [
      { terms: ['lynas-reports'], tier: 1 },
      { terms: ['Lynas Rare Earths'] },
      { terms: ['Lynas'], tier: 1 },
    ];
    expect(rankMatches('lynas', tiered, 10).map((e) => e.terms[0])).toEqual([
      'Lynas',
      'Lynas Rare Earths',
      'lynas-reports',
    ]);
  });

  it('keeps at most the limit', () => {
    expect(rankMatches('a', entries, 2)).toHaveLength(2);
    expect(rankMatches('a', entries, 0)).toHaveLength(0);
  });
});

describe('operators', () => {
  it('names the companies of a joint or qualified operator field, one spelling each', () => {
    expect(operatorCompanies('JS Link with Lynas Rare Earths')).toEqual(['JS Link', 'Lynas Rare Earths']);
    expect(operatorCompanies('China Rare Earth Group (Ganzhou units) [U]')).toEqual([
      'China Rare Earth Group',
    ]);
    expect(operatorCompanies('Proterial (formerly Hitachi Metals)')).toEqual(['Proterial']);
    expect(operatorCompanies('MP Materials')).toEqual(['MP Materials']);
    expect(
      operatorCompanies('Many small, mostly Chinese-run operators; area under KIA control since Oct 2024'),
    ).toEqual([]);
  });

  it('makes stable slugs and short names', () => {
    expect(operatorSlug('Lynas Rare Earths')).toBe('lynas-rare-earths');
    expect(operatorSlug('Baogang Group (Baotou Steel)')).toBe('baogang-group-baotou-steel');
    expect(operatorShortName('Lynas Rare Earths')).toBe('Lynas');
    expect(operatorShortName('IREL (India) Ltd')).toBe('IREL');
    expect(operatorShortName('MP Materials')).toBe('MP Materials');
  });

  it('finds a company in agreement text by its short name at a word start', () => {
    expect(mentionsCompany('Sojitz; JOGMEC (JARE); Lynas', 'Lynas Rare Earths')).toBe(true);
    expect(mentionsCompany('JARE (Sojitz and JOGMEC)', 'Sojitz')).toBe(true);
    expect(mentionsCompany('United States; Japan', 'Lynas Rare Earths')).toBe(false);
  });
});
