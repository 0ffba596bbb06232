import { describe, expect, it } from 'vitest';
import { dataMaterials, productsCovering } from '../../src/index.ts';

describe('materials and their stand-ins', () => {
  it('a heavy element takes heavy-REE figures before all-REE ones, never light-REE ones', () => {
    expect(dataMaterials('Dy').map((d) => d.material)).toEqual(['Dy', 'HREE', 'REE']);
    // The heavy group borrows its tracked members' figures before all rare earths' (mostly light by tonnage).
    expect(dataMaterials('HREE').map((d) => d.material)).toEqual(['HREE', 'Dy', 'Tb', 'REE']);
    expect(dataMaterials('LREE').map((d) => d.material)).toEqual(['LREE', 'REE']);
    expect(dataMaterials('Nd').map((d) => d.material)).toEqual(['Nd', 'NdPr', 'LREE', 'REE']);
    expect(dataMaterials('NdPr').map((d) => [d.material, d.level])).toEqual([
      ['NdPr', 'own'],
      ['Nd', 'mix'],
      ['LREE', 'group'],
      ['REE', 'all'],
    ]);
    expect(dataMaterials('Sc').map((d) => d.material)).toEqual(['Sc']); // scandium is produced apart
  });

  it('a mixed rare-earth product does not make a facility a dysprosium producer (defect 1)', () => {
    expect(productsCovering('Dy')).toEqual(['Dy', 'HREE']);
    expect(productsCovering('Dy')).not.toContain('REE');
    expect(productsCovering('NdPr')).toEqual(['Pr', 'Nd', 'NdPr', 'LREE']);
  });
});
