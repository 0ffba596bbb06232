import { describe, expect, it } from 'vitest';
import { FONTS, layoutFigure, wrapText } from './figure-layout';

// A monospace stand-in for canvas text: 7 px a character, whatever the font.
const measure = (text: string) => text.length * 7;

describe('wrapText', () => {
  it('breaks at spaces within the width and keeps every word', () => {
    const text =
      'Sources: U.S. Geological Survey, Mineral Commodity Summaries 2026. Dataset version: Reference 2026.12.';
    const lines = wrapText(text, 140, FONTS.caption, measure);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(140);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a run without spaces (Japanese) between characters', () => {
    const lines = wrapText('出典：米国地質調査所鉱物商品概要二〇二六年版', 70, FONTS.caption, measure);
    expect(lines.map((l) => l.length)).toEqual([10, 10, 2]);
  });
});

describe('layoutFigure', () => {
  const text = {
    title: 'Production shares: REE, mining, 2024',
    legend: [
      { colour: '#e7f0fa', label: 'No data' },
      { colour: '#9ecae1', label: '' },
      { colour: '#08519c', label: '0 → 270,000' },
    ],
    caption:
      'Sources: U.S. Geological Survey, Mineral Commodity Summaries 2026 (2026-01-31). Dataset version: Reference 2026.12.',
  };

  it('puts the title above the chart and the legend and caption under it', () => {
    const layout = layoutFigure(text, { width: 600, height: 300 }, measure);
    const chart = layout.ops.find((op) => op.kind === 'chart');
    const texts = layout.ops.filter((op) => op.kind === 'text');
    expect(texts[0]).toMatchObject({ text: text.title, font: FONTS.title });
    expect(chart && texts[0] && chart.y).toBeGreaterThan(texts[0]?.y ?? Infinity);
    const below = texts.filter((op) => op.y > (chart?.y ?? 0) + 300).map((op) => op.text);
    expect(below).toContain('No data');
    expect(below.join(' ')).toContain('Dataset version: Reference 2026.12.');
    expect(layout.ops.filter((op) => op.kind === 'swatch')).toHaveLength(3);
    expect(layout.height).toBeGreaterThan(300 + 22 + 18 + 15);
    expect(layout.width).toBe(632);
  });

  it('keeps every part inside the image, however long the caption', () => {
    const long = { ...text, caption: text.caption.repeat(6) };
    const layout = layoutFigure(long, { width: 360, height: 200 }, measure);
    for (const op of layout.ops) {
      if (op.kind === 'text') {
        expect(op.x + measure(op.text)).toBeLessThanOrEqual(layout.width);
        expect(op.y).toBeLessThanOrEqual(layout.height);
      }
    }
  });
});
