'use client';
import { type CsvDocument, toCsv } from './csv';
import { inlineResolvedColours, surfaceColour } from './svg-colours';
import { inlineExternalUses } from './svg-external';

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the figure's data as CSV (header block with sources and dataset version). */
export function DownloadCsvButton({
  doc,
  filename,
  label,
}: {
  doc: CsvDocument;
  filename: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="ree-button ree-button--secondary"
      onClick={() => save(new Blob([toCsv(doc)], { type: 'text/csv;charset=utf-8' }), filename)}
    >
      {label}
    </button>
  );
}

/** Renders the first SVG inside the element with `targetId` to a PNG at twice its size, and downloads it. */
export function DownloadPngButton({
  targetId,
  filename,
  label,
}: {
  targetId: string;
  filename: string;
  label: string;
}) {
  async function download() {
    const svg = document.getElementById(targetId)?.querySelector('svg');
    if (!svg) return;
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
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = surfaceColour();
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    canvas.toBlob((blob) => blob && save(blob, filename), 'image/png');
  }
  return (
    <button type="button" className="ree-button ree-button--secondary" onClick={download}>
      {label}
    </button>
  );
}

/**
 * Links to a figure's data as the portal serves it by URL (`…/data.csv?…` and `…/metadata.json?…` with the
 * view's parameters), so the numbers can be fetched again, cited and shared, as Our World in Data's charts do.
 */
export function DataDownloadLinks({
  csv,
  metadata,
  labels,
}: {
  csv: string;
  metadata: string;
  labels: { csv: string; metadata: string };
}) {
  return (
    <>
      <a className="ree-button ree-button--secondary" href={csv} download>
        {labels.csv}
      </a>
      <a className="ree-button ree-button--secondary" href={metadata} type="application/json">
        {labels.metadata}
      </a>
    </>
  );
}
