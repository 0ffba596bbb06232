// A figure as a PNG a reader can take away: the chart's SVG drawn at twice its size between its title and its
// legend, sources and dataset version, and the same provenance written into the file's text chunks. Browser only.
import { inlineResolvedColours, surfaceColour, tokenColour } from '../svg-colours';
import { inlineExternalUses } from '../svg-external';
import { type FigureText, layoutFigure } from './figure-layout';
import { readFigureText } from './figure-text';
import { withTextChunks } from './png-text';

const SCALE = 2;

/** The chart's SVG as an image the canvas can draw: colours resolved, shared outlines copied in. */
async function chartImage(svg: SVGSVGElement) {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineResolvedColours(svg, clone);
  await inlineExternalUses(clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();
  return { image, width, height };
}

/** The chart itself: the largest SVG in `target` (a legend's icons are SVGs too, and may come first). */
function largestSvg(target: Element): SVGSVGElement | null {
  let best: { svg: SVGSVGElement; area: number } | null = null;
  for (const svg of target.querySelectorAll('svg')) {
    const { width, height } = svg.getBoundingClientRect();
    if (!best || width * height > best.area) best = { svg, area: width * height };
  }
  return best?.svg ?? null;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
      'image/png',
    ),
  );
}

/**
 * The PNG of the chart inside `target` (its largest SVG) with the provenance of the figure around it; `given` stands
 * in for what a chart outside a <figure> cannot read from the page. Null when there is no chart to draw.
 */
export async function figurePng(target: Element, given?: Partial<FigureText>): Promise<Blob | null> {
  const svg = largestSvg(target);
  if (!svg) return null;
  const chart = await chartImage(svg);
  const text = readFigureText(target, given);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  const measure = (value: string, font: string) => {
    context.font = font;
    return context.measureText(value).width;
  };
  const layout = layoutFigure(text, chart, measure);
  canvas.width = Math.ceil(layout.width * SCALE);
  canvas.height = Math.ceil(layout.height * SCALE);
  context.scale(SCALE, SCALE);
  context.fillStyle = surfaceColour();
  context.fillRect(0, 0, layout.width, layout.height);
  const ink = tokenColour('--ree-ink', '#1b1f24');
  const muted = tokenColour('--ree-muted', '#4a5360');
  for (const op of layout.ops) {
    if (op.kind === 'chart') context.drawImage(chart.image, op.x, op.y, chart.width, chart.height);
    else if (op.kind === 'swatch') {
      context.fillStyle = op.colour;
      context.fillRect(op.x, op.y, op.size, op.size);
    } else {
      context.font = op.font;
      context.fillStyle = op.muted ? muted : ink;
      context.fillText(op.text, op.x, op.y);
    }
  }
  const png = new Uint8Array(await (await toBlob(canvas)).arrayBuffer());
  const legend = text.legend
    .map((item) => item.label)
    .filter(Boolean)
    .join('; ');
  const tagged = withTextChunks(png, [
    ['Title', text.title],
    ['Source', text.caption],
    ['Description', legend],
    ['Software', 'REE Resilience'],
  ]);
  return new Blob([tagged], { type: 'image/png' });
}
