import type { ReactNode } from 'react';

export interface FigureSource {
  id: string;
  citation: string;
  url: string | null;
  /** When the source was published (shown, so a reader sees how old the figures are). */
  publishedOn?: string | null;
  /** Whether its figures are past the age the source gives them (a newer edition is due). */
  stale?: boolean;
}

/** The dataset version a figure's numbers come from, as the API names it. */
export interface FigureVersion {
  label: string;
  /** The day it was published (YYYY-MM-DD); null for a draft. */
  publishedOn: string | null;
}

export interface FigureProps {
  /** Used for the chart's container id (PNG export) and headings. */
  id: string;
  title: string;
  /** The chart, map or headline. */
  children: ReactNode;
  /** The numbers behind the chart, shown by the "data" toggle. */
  table?: ReactNode;
  /** Download buttons and the like. */
  actions?: ReactNode;
  sources: readonly FigureSource[];
  /** The dataset version the numbers come from (e.g. "Reference 2026.1", published 2026-12-01). */
  datasetVersion: FigureVersion;
  /** How far the figure can be trusted (verified, estimated, unverified), already in the reader's language. */
  status?: { value: 'verified' | 'estimated' | 'unverified'; label: string };
  /** `published` has a `{date}` placeholder for the version's day. */
  labels: { sources: string; version: string; published: string; showData: string; stale?: string };
}

/**
 * A chart or table with its title, a "show the data" toggle (a native <details>, so it works from the keyboard
 * without script), its actions, and under it the sources and dataset version, as every figure must show.
 */
export function Figure({
  id,
  title,
  children,
  table,
  actions,
  sources,
  datasetVersion,
  status,
  labels,
}: FigureProps) {
  return (
    <figure className="ree-figure" aria-labelledby={`${id}-title`}>
      <h2 className="ree-figure__title" id={`${id}-title`}>
        {title}
        {status ? (
          <span className={`ree-badge ree-badge--${status.value}`} data-testid={`${id}-status`}>
            {status.label}
          </span>
        ) : null}
      </h2>
      <div id={`${id}-chart`}>{children}</div>
      {table ? (
        <details className="ree-figure__data">
          <summary>{labels.showData}</summary>
          {table}
        </details>
      ) : null}
      {actions ? <div className="ree-figure__actions">{actions}</div> : null}
      <figcaption className="ree-figure__caption">
        {labels.sources}:{' '}
        {sources.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener" target="_blank" lang="en">
                {s.citation}
              </a>
            ) : (
              <span lang="en">{s.citation}</span>
            )}
            {s.publishedOn ? ` (${s.publishedOn})` : ''}
            {s.stale && labels.stale ? (
              <span className="ree-badge ree-badge--stale" data-testid="source-stale">
                {labels.stale}
              </span>
            ) : null}
          </span>
        ))}
        . {labels.version}:{' '}
        <span data-testid={`${id}-version`}>
          <span translate="no">{datasetVersion.label}</span>
          {datasetVersion.publishedOn
            ? `, ${labels.published.replace('{date}', datasetVersion.publishedOn)}`
            : ''}
        </span>
        .
      </figcaption>
    </figure>
  );
}
