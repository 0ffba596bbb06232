// The package as users get it: the built dist, its exports map, and the example script run by plain node.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

// turbo runs `build` before this package's tests; run `pnpm --filter @ree/domain build` first by hand.
describe('built package', () => {
  it("runs the example with node on the shipped CSVs and prints Japan's scores with their breakdown", () => {
    const out = execFileSync(process.execPath, ['examples/score-japan.mjs'], { cwd: root, encoding: 'utf8' });
    for (const material of ['NdPr', 'Dy', 'Tb'])
      for (const year of [2010, 2025])
        expect(out).toMatch(new RegExp(`Japan · ${material} · separation · ${year}: \\d+\\.\\d / 100`));
    expect(out).toContain('(left out) stockpileCover: stockpile holdings not known');
    expect(out).toContain('imports: figures of 2012 stand in for 2010 (data quality 81 %)'); // Dy's own, not all-REE
  });

  it('has zod as its only (peer) dependency, is side-effect free and exports only its entry points', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.peerDependencies)).toEqual(['zod']);
    expect(pkg.sideEffects).toBe(false);
    // The main entry, and the Japanese method document apart so that bundles of the main one do not carry it.
    expect(Object.keys(pkg.exports)).toEqual(['.', './method-ja', './package.json']);
  });

  it('has no Node-only imports in what it ships', () => {
    const files = readdirSync(new URL('dist', root), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(`dist/${file}`, root), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|process\.|Buffer\./);
    }
  });
});
