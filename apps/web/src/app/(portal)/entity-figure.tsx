// The frame every entity page puts its facts in: the shared Figure, so each page names its sources and version.
import { Figure } from '@ree/ui';
import type { ReactNode } from 'react';
import { figureLabels } from '@/components/figure-labels';
import type { Translate } from '@/i18n/translate';

interface Props {
  id: string;
  title: string;
  t: Translate;
  answer: {
    sources: Parameters<typeof Figure>[0]['sources'];
    datasetVersion: Parameters<typeof Figure>[0]['datasetVersion'];
  };
  children: ReactNode;
}

export function EntityFigure({ id, title, t, answer, children }: Props) {
  return (
    <Figure
      id={id}
      title={title}
      sources={answer.sources}
      datasetVersion={answer.datasetVersion}
      labels={figureLabels(t)}
    >
      {children}
    </Figure>
  );
}

/** A definition list of facts; empty values are left out. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="entity-facts">
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Ids in the portal's data are lower-case letters, digits and dashes; anything else is a 404 before any call. */
export const ENTITY_ID = /^[a-z0-9-]{2,64}$/;
