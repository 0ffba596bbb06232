import type { ReactNode } from 'react';

export interface FigureSource {
  id: string;
  citation: string;
  url: string | null;
}

export interface FigureProps {
  title: string;
  children: ReactNode;
  sources: readonly FigureSource[];
  /** The dataset version the numbers come from, e.g. "Reference 2026.1". */
  datasetVersion: string;
}

/** A chart or table with its title, and under it the sources and dataset version, as every figure must show. */
export function Figure({ title, children, sources, datasetVersion }: FigureProps) {
  return (
    <figure className="ree-figure">
      <h2 className="ree-figure__title">{title}</h2>
      {children}
      <figcaption className="ree-figure__caption">
        Sources:{' '}
        {sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener" target="_blank">
                {s.citation}
              </a>
            ) : (
              s.citation
            )}
          </span>
        ))}
        . Dataset version: {datasetVersion}.
      </figcaption>
    </figure>
  );
}
