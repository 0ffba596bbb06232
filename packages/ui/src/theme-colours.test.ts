/// <reference types="node" />
// The two colour sets in styles.css (written once, as light-dark() pairs): complete and readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { CHART_COLOURS, NO_DATA, PALETTE, SEQUENTIAL } from './palette';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The `--ree-*` tokens of the `:root` rule, as the light or the dark theme resolves `light-dark(light, dark)`. */
function tokens(theme: 'light' | 'dark'): Record<string, string> {
  const start = css.indexOf(':root {');
  if (start < 0) throw new Error('no :root rule');
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--ree-[\w-]+):\s*([^;]+);/g)].map((m) => {
      const value = m[2]?.trim() ?? '';
      const pair = /^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(value);
      return [m[1], pair ? (theme === 'light' ? pair[1] : pair[2]) : value];
    }),
  );
}

const light = tokens('light');
const dark = tokens('dark');
const THEMES = { light, dark } as const;

const referenced = (value: string) => /^var\((--ree-[\w-]+)\)$/.exec(value)?.[1] ?? '';

describe('theme tokens', () => {
  it('follows the theme: light-dark() under color-scheme, a pick on <html>, print always light', () => {
    expect(css).toMatch(/:root \{\s*color-scheme: light dark;/);
    expect(css).toContain(':root[data-theme="light"] { color-scheme: light; }');
    expect(css).toContain(':root[data-theme="dark"] { color-scheme: dark; }');
    expect(css).toMatch(/@media print \{\s*:root, :root\[data-theme\] \{ color-scheme: light; \}/);
    // No second set to keep equal: any other rule declaring a token would override light-dark().
    expect(css.match(/--ree-[\w-]+:/g)?.length).toBe(Object.keys(light).length);
  });

  it('gives every token a #rrggbb colour (what the contrast checks below can read)', () => {
    for (const set of Object.values(THEMES)) {
      for (const value of Object.values(set)) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('defines every token the charts and the map paint with, in both sets', () => {
    const used = [...PALETTE, ...SEQUENTIAL, NO_DATA, ...Object.values(CHART_COLOURS)].map(referenced);
    for (const name of used) {
      expect(name).not.toBe('');
      expect(light, name).toHaveProperty(name);
      expect(dark, name).toHaveProperty(name);
    }
  });

  it('defines every token styles.css itself uses', () => {
    const used = new Set([...css.matchAll(/var\((--ree-[\w-]+)\)/g)].map((m) => m[1] ?? ''));
    for (const name of used) expect(light, name).toHaveProperty(name);
  });
});

describe.each(Object.entries(THEMES))('contrast in the %s theme', (_name, set) => {
  const c = (fg: string, bg: string) => contrastRatio(set[`--ree-${fg}`] ?? '', set[`--ree-${bg}`] ?? '');
  const TEXT = ['ink', 'muted', 'accent', 'error', 'warning', 'chart-axis'];
  const BADGES = ['badge-verified', 'badge-estimated', 'badge-unverified', 'badge-stale'];

  it.each([...TEXT, ...BADGES])('%s text is AA (4.5:1) on the page and on a surface', (token) => {
    expect(c(token, 'bg')).toBeGreaterThanOrEqual(4.5);
    expect(c(token, 'surface')).toBeGreaterThanOrEqual(4.5);
  });

  it('text on a primary button, a highlight and a changed row is AA', () => {
    expect(c('on-accent', 'accent')).toBeGreaterThanOrEqual(4.5);
    for (const bg of ['mark', 'row-changed', 'row-added', 'row-removed']) {
      expect(c('ink', bg), bg).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the first chart series (lines, bars) stands out from a surface: 3:1 for marks', () => {
    expect(c('series-1', 'surface')).toBeGreaterThanOrEqual(3);
  });
});
