// Where the parts of an exported figure go: its title above the chart, the legend and the caption (sources and
// dataset version) below, so a PNG taken away from the portal still says what it shows and where it comes from.
// Pure: text is measured by the function the caller passes (a canvas's measureText in the browser).

export interface LegendItem {
  /** A CSS colour for the swatch; null for text without one (e.g. the scale's "0 → 270,000"). */
  colour: string | null;
  label: string;
}

export interface FigureText {
  title: string;
  legend: readonly LegendItem[];
  /** Sources and dataset version, as the figure's caption words them. */
  caption: string;
}

export type Measure = (text: string, font: string) => number;

export type DrawOp =
  | { kind: 'text'; text: string; x: number; y: number; font: string; muted: boolean }
  | { kind: 'swatch'; x: number; y: number; size: number; colour: string }
  | { kind: 'chart'; x: number; y: number };

export interface FigureLayout {
  width: number;
  height: number;
  ops: DrawOp[];
}

const PAD = 16;
const GAP = 10;
const SWATCH = 10;
export const FONTS = {
  title: '600 16px system-ui, sans-serif',
  legend: '12px system-ui, sans-serif',
  caption: '11px system-ui, sans-serif',
} as const;
const LINE = { title: 22, legend: 18, caption: 15 } as const;

/** Breaks `text` into lines no wider than `width`, at spaces where there are any, else between characters. */
export function wrapText(text: string, width: number, font: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  // Words keep their following space; a run without spaces (Japanese) splits into characters.
  const pieces = text.split(/(?<=\s)/).flatMap((word) => (measure(word, font) > width ? [...word] : [word]));
  for (const piece of pieces) {
    const next = line + piece;
    if (line !== '' && measure(next.trimEnd(), font) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line = next;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Lays out title, chart (`chart` its size in CSS pixels), legend and caption in one column. */
export function layoutFigure(
  text: FigureText,
  chart: { width: number; height: number },
  measure: Measure,
): FigureLayout {
  const width = Math.max(chart.width, 320) + 2 * PAD;
  const inner = width - 2 * PAD;
  const ops: DrawOp[] = [];
  let y = PAD;
  for (const line of wrapText(text.title, inner, FONTS.title, measure)) {
    ops.push({ kind: 'text', text: line, x: PAD, y: y + 16, font: FONTS.title, muted: false });
    y += LINE.title;
  }
  y += GAP / 2;
  ops.push({ kind: 'chart', x: PAD, y });
  y += chart.height + GAP;

  // Legend items flow left to right and wrap as a line of words would.
  let x = PAD;
  if (text.legend.length > 0) {
    for (const item of text.legend) {
      const swatch = item.colour ? SWATCH + 4 : 0;
      const itemWidth = swatch + measure(item.label, FONTS.legend) + (item.label ? 12 : 2);
      if (x > PAD && x + itemWidth > PAD + inner) {
        x = PAD;
        y += LINE.legend;
      }
      if (item.colour) ops.push({ kind: 'swatch', x, y: y + 3, size: SWATCH, colour: item.colour });
      if (item.label) {
        ops.push({
          kind: 'text',
          text: item.label,
          x: x + swatch,
          y: y + 12,
          font: FONTS.legend,
          muted: false,
        });
      }
      x += itemWidth;
    }
    y += LINE.legend + GAP / 2;
  }
  for (const line of wrapText(text.caption, inner, FONTS.caption, measure)) {
    ops.push({ kind: 'text', text: line, x: PAD, y: y + 11, font: FONTS.caption, muted: true });
    y += LINE.caption;
  }
  return { width, height: Math.ceil(y + PAD), ops };
}
