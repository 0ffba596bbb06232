import { describe, expect, it } from 'vitest';
import { methodDocument } from '../src/index.ts';
import { methodDocumentJa } from '../src/method-ja.ts';

/** Each table row's numeric cells (weights, points, published and reproduced figures), in order. */
function numericCells(doc: string): string[][] {
  return doc
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('|---'))
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim())
        .filter((cell) => /^[+−-]?[\d.]+( \/ [\d.]+)?$|^–$/.test(cell)),
    );
}

describe('the Japanese method document', () => {
  it('has the same tables, number for number, as the English one', () => {
    const en = numericCells(methodDocument());
    expect(en.flat().length).toBeGreaterThan(40);
    expect(numericCells(methodDocumentJa())).toEqual(en);
  });

  it('states the same method version, worked score and parameters', () => {
    const en = methodDocument();
    const ja = methodDocumentJa();
    const version = /version (\d+\.\d+\.\d+)/.exec(en)?.[1] ?? 'none';
    expect(ja).toContain(`バージョン ${version}`);
    const score = /\*\*Score: ([\d.]+)\*\*/.exec(en)?.[1] ?? 'none';
    expect(ja).toContain(`**スコア：${score}**`);
    for (const probability of en.match(/\d+\.\d %(?=\s*·|\s*;)/g) ?? []) expect(ja).toContain(probability);
  });
});
