/// <reference types="node" />
// The two colour sets in styles.css: complete, kept equal where they are written twice, and readable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { CHART_COLOURS, NO_DATA, PALETTE, SEQUENTIAL } from './palette';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The `--ree-*` tokens declared in the first rule whose selector is exactly `selector`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--ree-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]),
  );
}

const light = tokens(':root');
const darkBySystem = tokens(':root:not([data-theme="light"])');
const darkByChoice = tokens(':root[data-theme="dark"]');
const THEMES = { light, dark: darkByChoice } as const;

const referenced = (value: string) => /^var\((--ree-[\w-]+)\)$/.exec(value)?.[1] ?? '';

describe('theme tokens', () => {
  it('declares the same tokens in the light and the dark set', () => {
    expect(Object.keys(darkByChoice).sort()).toEqual(Object.keys(light).sort());
  });

  it('writes the dark set the same under the system preference and under the visitor’s choice', () => {
    expect(darkBySystem).toEqual(darkByChoice);
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
      expect(darkByChoice, name).toHaveProperty(name);
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
