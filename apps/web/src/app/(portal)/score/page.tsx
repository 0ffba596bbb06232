import { Material, Stage } from '@ree/domain';
import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton, DownloadPngButton } from '@ree/ui/downloads';
import { PrintButton } from '@ree/ui/print-button';
import { z } from 'zod';
import { ApiError } from '@/components/api-error';
import { ChartDataLinks } from '@/components/chart-data-links';
import { LazyScoreBarChart } from '@/components/charts/lazy';
import { figureLabels, figureStatus } from '@/components/figure-labels';
import { DataText, Quoting } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { PrintNote } from '@/components/print-note';
import { getT, titled } from '@/i18n/server';
import { type Translate, translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt } from '@/lib/attempt';

export const generateMetadata = titled('title.score');

const Params = z.object({
  consumer: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch('JPN'),
  material: Material.catch('NdPr'),
  stage: Stage.catch('separation'),
  year: z.coerce.number().int().min(1950).max(2060).optional().catch(undefined),
});

function describeInput(value: unknown, locale: string, t: Translate): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? t('entity.yes') : t('entity.no');
  if (typeof value === 'number') return formatNumber(value, locale, 3);
  if (Array.isArray(value)) return value.join(', ') || '–';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, number>)
      .map(([k, v]) => `${k} ${formatShare(v, locale)}`)
      .join(', ');
  }
  return String(value);
}

async function ScorePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/score');
  const params = Params.parse(await searchParams);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const explained = await attempt(api.score.explain.query({ ...params, asOf }));
  const heading = `${t('score.title')}: ${params.consumer} · ${params.material} · ${translateValue(t, 'stage', params.stage)}`;
  if (!explained.ok) {
    return (
      <main id="main">
        <h1>{heading}</h1>
        <p role="status">
          <ApiError failure={explained} t={t} />
        </p>
      </main>
    );
  }
  const { result, sources, datasetVersion, imports, provenance, asOfDate, sensitivity } = explained.data;
  const citation = new Map(sources.map((s) => [s.id, s]));
  const drag = result.drag ? result.components.find((c) => c.id === result.drag) : undefined;
  return (
    <main id="main">
      <h1>
        {heading} · {result.year}
      </h1>
      <PrintNote
        path={withAsOf(
          `/score?${new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`,
          asOf,
        )}
        datasetVersion={datasetVersion.label}
        locale={locale}
        t={t}
      />
      <p className="controls">
        <PrintButton label={t('print.button')} />
      </p>
      <p>
        {t('score.total')}:{' '}
        <span className="headline" data-testid="score-total">
          {result.status === 'ok' ? formatNumber(result.score, locale, 1) : t('common.insufficient')}
        </span>{' '}
        / 100 · {t('score.coverage', { coverage: formatShare(result.coverage, locale, 0) })} ·{' '}
        <a href="/method">{t('score.method', { version: result.methodVersion })}</a>
      </p>
      {result.status === 'insufficient-data' ? (
        <p role="status">{t('score.insufficient', { reason: result.reason })}</p>
      ) : null}
      {result.status === 'ok' && result.unallocatedShare > 0 ? (
        <p data-testid="score-range">
          {t('score.range', {
            low: formatNumber(result.range.low, locale, 1),
            high: formatNumber(result.range.high, locale, 1),
            share: formatShare(result.unallocatedShare, locale),
          })}
        </p>
      ) : null}
      {drag ? (
        <p data-testid="score-drag">
          {t('score.drag', {
            component: t(`component.${drag.id}`),
            points: formatNumber(drag.maxPoints - drag.points, locale, 1),
          })}
        </p>
      ) : null}
      {sensitivity?.mostSensitiveWeight ? (
        <p className="hint" data-testid="score-sensitivity">
          {t('score.sensitivity', { component: t(`component.${sensitivity.mostSensitiveWeight}`) })}
        </p>
      ) : null}
      {imports ? (
        <p className="hint">
          <Quoting
            text={t('score.imports', {
              material: imports.material,
              year: imports.year,
              method: translateValue(t, 'score.method', imports.method),
              status: translateValue(t, 'status', imports.status),
            })}
            values={{
              source: (
                <DataText>
                  {imports.sourceIds.map((id) => citation.get(id)?.citation ?? id).join('; ')}
                </DataText>
              ),
            }}
          />{' '}
          {imports.note ? (
            <span lang="en" data-testid="score-imports-note">
              {imports.note}
            </span>
          ) : null}
        </p>
      ) : null}
      <p className="hint">{t('score.asOf', { date: asOfDate })}</p>
      <Figure
        id="score-breakdown"
        title={t('score.title')}
        sources={sources}
        datasetVersion={datasetVersion}
        {...(imports ? { status: figureStatus(t, imports.status) } : {})}
        labels={figureLabels(t)}
        table={
          <DataTable
            caption={t('score.title')}
            rowKey={(c) => c.id}
            rows={result.components}
            columns={[
              { header: t('score.component'), cell: (c) => t(`component.${c.id}`) },
              { header: t('score.risk'), cell: (c) => formatNumber(c.risk, locale, 3), numeric: true },
              { header: t('score.weight'), cell: (c) => formatNumber(c.weight, locale, 3), numeric: true },
              { header: t('score.quality'), cell: (c) => formatShare(c.quality, locale, 0), numeric: true },
              {
                header: t('score.points'),
                cell: (c) => <span data-testid="component-points">{formatNumber(c.points, locale, 2)}</span>,
                numeric: true,
              },
              {
                header: t('score.inputs'),
                cell: (c) =>
                  Object.entries(c.inputs)
                    .map(([k, v]) => `${translateValue(t, 'scoreInput', k)}: ${describeInput(v, locale, t)}`)
                    .join('; '),
              },
              {
                header: t('score.notes'),
                cell: (c) => (
                  <span lang="en">
                    {[
                      ...(provenance[c.id]?.notes ?? []),
                      ...(provenance[c.id]?.sourceIds ?? []).map((id) => citation.get(id)?.citation ?? id),
                    ].join(' · ')}
                  </span>
                ),
              },
            ]}
          />
        }
        actions={
          <>
            <DownloadCsvButton
              label={t('figure.downloadCsv')}
              filename={`score-${params.consumer}-${params.material}-${params.stage}-${result.year}.csv`}
              doc={{
                title: `${heading} · ${result.year}`,
                sources,
                datasetVersion: datasetVersion.label,
                headers: ['component', 'risk', 'weight', 'points', 'max_points'],
                rows: [
                  ...result.components.map((c) => [c.id, c.risk, c.weight, c.points, c.maxPoints]),
                  ['score', null, null, result.score, 100],
                ],
              }}
            />
            <DownloadPngButton
              label={t('figure.downloadPng')}
              targetId="score-breakdown-chart"
              filename="score-breakdown.png"
            />
            <ChartDataLinks
              chart="score"
              params={{
                consumer: params.consumer,
                material: params.material,
                stage: params.stage,
                year: params.year,
              }}
              t={t}
            />
          </>
        }
      >
        <div
          role="img"
          aria-label={`${t('score.title')}: ${result.components.map((c) => `${t(`component.${c.id}`)} ${c.points.toFixed(1)}`).join(', ')}`}
        >
          <LazyScoreBarChart
            bars={result.components.map((c) => ({
              label: t(`component.${c.id}`),
              points: c.points,
              maxPoints: c.maxPoints,
            }))}
            pointsLabel={t('score.points')}
            maxLabel={t('score.maxPoints')}
          />
        </div>
      </Figure>
      {result.missing.length > 0 ? (
        <section>
          <h2>{t('score.missing')}</h2>
          <ul>
            {result.missing.map((m) => (
              <li key={m.id}>
                {t(`component.${m.id}`)}: {t('score.notKnown')}{' '}
                <span lang="en" className="hint">
                  ({[m.reason, ...(provenance[m.id]?.notes ?? [])].join('; ')})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

export default streamedPage(ScorePage);
