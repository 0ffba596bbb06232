'use client';
import { type CsvDocument, toCsv } from './csv';
import { figurePng } from './png/export-figure';
import type { FigureText } from './png/figure-layout';

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

/**
 * Downloads the chart inside the element with `targetId` as a PNG that keeps its provenance: title above, legend,
 * sources and dataset version below, read from the figure around it (`provenance` stands in where there is none),
 * and the same in the file's text chunks.
 */
export function DownloadPngButton({
  targetId,
  filename,
  label,
  provenance,
}: {
  targetId: string;
  filename: string;
  label: string;
  provenance?: Partial<FigureText>;
}) {
  async function download() {
    const target = document.getElementById(targetId);
    const png = target ? await figurePng(target, provenance) : null;
    if (png) save(png, filename);
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
