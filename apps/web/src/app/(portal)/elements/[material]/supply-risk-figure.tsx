import { Figure, formatNumber } from '@ree/ui';
import { figureLabels } from '@/components/figure-labels';
import type { Locale, Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';

type SupplyRisk = RouterOutputs['production']['supplyRisk'];

/** The EU supply risk of one material: both stages with their inputs, the bottleneck, and the EU's own figure. */
export function SupplyRiskFigure({ data, t, locale }: { data: SupplyRisk; t: Translate; locale: Locale }) {
  const { inputs } = data;
  const value = (x: { value: number } | null) => (x ? formatNumber(x.value, locale, 2) : '–');
  return (
    <Figure
      id="supply-risk"
      title={`${t('elements.supplyRisk')} · ${data.material} · ${data.year}`}
      sources={data.sources}
      datasetVersion={data.datasetVersion}
      labels={figureLabels(t)}
    >
      {data.supplyRisk !== null && data.bottleneck ? (
        <p>
          <span className="headline" data-testid="supply-risk-value">
            {formatNumber(data.supplyRisk, locale, 2)}
          </span>{' '}
          {t('elements.supplyRiskValue', {
            value: formatNumber(data.supplyRisk, locale, 2),
            stage: translateValue(t, 'euStage', data.bottleneck),
          })}
          {data.published
            ? ` · ${t('elements.srPublished', {
                value: formatNumber(data.published.supplyRisk, locale, 1),
                stage: data.published.stage ? translateValue(t, 'euStage', data.published.stage) : '–',
              })}`
            : ''}
        </p>
      ) : (
        <p role="status">{t('elements.srNone', { missing: data.missing.join(', ') })}</p>
      )}
      <ul>
        {[data.extraction, data.processing].map((s) =>
          'supplyRisk' in s ? (
            <li key={s.stage}>
              {t('elements.srStage', {
                stage: translateValue(t, 'euStage', s.stage),
                material: s.materialUsed,
                year: s.yearUsed,
                sr: formatNumber(s.supplyRisk, locale, 2),
                hhi: formatNumber(s.hhiWgiGlobal, locale, 2),
              })}
              {s.notes.length > 0 ? (
                <span lang="en" className="hint">
                  {' '}
                  ({s.notes.join('; ')})
                </span>
              ) : null}
            </li>
          ) : (
            <li key={s.stage}>
              {t('elements.srMissing', { stage: translateValue(t, 'euStage', s.stage), reason: s.missing })}
            </li>
          ),
        )}
      </ul>
      <p className="hint" data-testid="supply-risk-controls">
        {t('elements.srControls', { date: data.asOfDate })}
        {data.controls.notes.length > 0 ? <span lang="en">: {data.controls.notes.join('; ')}</span> : null}
      </p>
      <p className="hint">
        {t('elements.assumptions', {
          material: inputs.substitutionIndex?.material ?? data.material,
          ir: value(inputs.importReliance),
          eol: value(inputs.eolRir),
          si: value(inputs.substitutionIndex),
        })}{' '}
        WGI:{' '}
        {Object.entries(inputs.wgi)
          .map(([c, w]) => `${c} ${w}`)
          .join(', ')}
        . <a href="/method">{t('nav.method')}</a>
      </p>
    </Figure>
  );
}
