// What an exported figure says about itself, read from the page as the reader sees it: the <figure>'s title and
// caption (sources and dataset version, in the reader's language) and the chart's legend, so the PNG can never
// drift from the page. Browser only.
import type { FigureText, LegendItem } from './figure-layout';

const BADGES = '.ree-badge';

/** An element's text, its badges ("Data: estimated", "stale") in brackets after the words they qualify. */
export function textWithBadges(element: Element | null): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  for (const badge of copy.querySelectorAll(BADGES)) badge.textContent = ` (${badge.textContent?.trim()})`;
  return (copy.textContent ?? '').replace(/\s+/g, ' ').replace(/ \(/g, ' (').trim();
}

/** What an element paints: an SVG shape its fill (or stroke, for a line), an HTML swatch its background. */
function paintOf(element: Element): string | null {
  const style = getComputedStyle(element);
  const paints = element instanceof SVGElement ? [style.fill, style.stroke] : [style.backgroundColor];
  for (const colour of paints) {
    if (colour && colour !== 'none' && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent')
      return colour;
  }
  return null;
}

/** Recharts' legend: one item per series, its icon's paint and its text. */
function rechartsLegend(chart: Element): LegendItem[] {
  return [...chart.querySelectorAll('.recharts-legend-item')].map((item) => {
    const icon = item.querySelector('.recharts-legend-icon, path, rect');
    return {
      colour: icon ? paintOf(icon) : null,
      label: (item.querySelector('.recharts-legend-item-text')?.textContent ?? '').trim(),
    };
  });
}

/** The map's legend: swatches (`.swatch`) with the text that follows each, in document order. */
function swatchLegend(chart: Element): LegendItem[] {
  const legend = chart.querySelector('.legend');
  if (!legend) return [];
  const items: LegendItem[] = [];
  for (const node of legend.childNodes) {
    if (node instanceof Element && node.classList.contains('swatch')) {
      items.push({ colour: paintOf(node), label: '' });
      continue;
    }
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const last = items.at(-1);
    if (last && !last.label) last.label = text;
    else items.push({ colour: null, label: text });
  }
  return items;
}

/** Title, legend and caption of the figure that holds `chart`; `given` fills in for a chart outside a <figure>. */
export function readFigureText(chart: Element, given?: Partial<FigureText>): FigureText {
  const figure = chart.closest('figure');
  return {
    title: given?.title ?? textWithBadges(figure?.querySelector('.ree-figure__title') ?? null),
    legend: given?.legend ?? [...rechartsLegend(chart), ...swatchLegend(chart)],
    caption: given?.caption ?? textWithBadges(figure?.querySelector('.ree-figure__caption') ?? null),
  };
}
