import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton, DownloadPngButton } from '@ree/ui/downloads';
import { ApiError } from '@/components/api-error';
import { AsOfField } from '@/components/as-of-field';
import { ChartDataLinks } from '@/components/chart-data-links';
import { LazyShareLineChart } from '@/components/charts/lazy';
import { CountryOptions } from '@/components/country-options';
import { figureLabels } from '@/components/figure-labels';
import { streamedPage } from '@/components/page-loading';
import { namer } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt } from '@/lib/attempt';
import { MapFigure } from './map-figure';
import { DashboardParams } from './params';

export const generateMetadata = titled('title.dashboard');

const KEY_MATERIALS = ['NdPr', 'Dy', 'Tb', 'LREE', 'HREE'] as const;

async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/dashboard');
  const params = DashboardParams.parse(await searchParams);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const labels = figureLabels(t);
  const [countries, trends, imports, events, map] = await Promise.all([
    api.reference.countries.query({ asOf }),
    Promise.all(
      KEY_MATERIALS.map((material) =>
        attempt(
          api.score.trend.query({ consumer: params.consumer, material, stage: params.scoreStage, asOf }),
        ),
      ),
    ),
    attempt(api.supply.importSources.query({ importer: params.consumer, exporter: 'CHN', asOf })),
    api.supply.timeline.query({ types: ['policy', 'partnership'], pageSize: 100, asOf }),
    attempt(
      api.production.concentration.query({
        material: params.material,
        stage: params.stage,
        year: params.year,
        asOf,
      }),
    ),
  ]);
  const names = namer(locale);
  const consumerName = names.country(
    params.consumer,
    countries.items.find((c) => c.iso3 === params.consumer)?.name,
  );
  const sharePoints = imports.ok
    ? imports.data.flows
        .filter((f) => f.unit === 'share' && f.material === 'REE')
        .map((f) => ({ year: f.year, share: f.quantity }))
    : [];
  const chartEvents = events.items
    .filter(
      (e) =>
        (e.type === 'policy' &&
          e.countries[0] === 'CHN' &&
          ['embargo', 'export-control', 'regulation'].includes(e.kind)) ||
        (e.type === 'partnership' &&
          e.countries[0] === params.consumer &&
          e.id.startsWith('jare-lynas-2011')),
    )
    .filter((e) => e.date)
    .map((e) => ({
      year: Number(e.date?.slice(0, 4)),
      label: `${e.date?.slice(0, 4)} ${e.type === 'partnership' ? t('chart.eventLynas') : translateValue(t, 'policyKind', e.kind)}`,
    }));

  return (
    <main id="main">
      <h1>{t('dashboard.title')}</h1>
      <form className="controls" method="get">
        <AsOfField />
        <label>
          {t('dashboard.consumer')}
          <select name="consumer" defaultValue={params.consumer}>
            <CountryOptions countries={countries.items} locale={locale} />
          </select>
        </label>
        <label>
          {t('select.stage')}
          <select name="scoreStage" defaultValue={params.scoreStage}>
            {['mining', 'separation', 'metal', 'magnet'].map((s) => (
              <option key={s} value={s}>
                {translateValue(t, 'stage', s)}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="material" value={params.material} />
        <input type="hidden" name="stage" value={params.stage} />
        <button type="submit" className="ree-button ree-button--primary">
          {t('select.apply')}
        </button>
      </form>

      <section aria-labelledby="scores-title">
        <h2 id="scores-title">{t('dashboard.scores', { consumer: consumerName })}</h2>
        <p className="hint">
          {t('dashboard.scoresHint', { stage: translateValue(t, 'stage', params.scoreStage) })}{' '}
          {t('dashboard.standInHint')}
        </p>
        <div className="grid">
          {KEY_MATERIALS.map((material, i) => {
            const trend = trends[i];
            const points = trend?.ok ? trend.data.points : [];
            const latest = points.at(-1);
            return (
              <div className="score-card" key={material} data-testid={`score-${material}`}>
                <div>{material}</div>
                {latest?.score == null ? (
                  <div className="score-card__value score-card__value--none">{t('common.insufficient')}</div>
                ) : (
                  <div className="score-card__value">{formatNumber(latest.score, locale, 0)}</div>
                )}
                {latest ? (
                  <div className="hint" data-testid={`score-${material}-basis`}>
                    {t('dashboard.scoreBasis', {
                      coverage: formatShare(latest.coverage, locale, 0),
                      imports: latest.importsMaterial ?? '–',
                      status: latest.importsStatus ? translateValue(t, 'status', latest.importsStatus) : '–',
                    })}
                  </div>
                ) : null}
                <div className="hint">
                  {points
                    .map(
                      (p) =>
                        `${p.year}: ${p.score == null ? '–' : formatNumber(p.score, locale, 0)}${p.importsMaterial && p.importsMaterial !== material ? '*' : ''}`,
                    )
                    .join(' · ')}
                </div>
                <div className="score-card__downloads">
                  <ChartDataLinks
                    chart="score-trend"
                    params={{ consumer: params.consumer, material, stage: params.scoreStage }}
                    t={t}
                  />
                </div>
                {latest ? (
                  <a
                    href={withAsOf(
                      `/score?consumer=${params.consumer}&material=${material}&stage=${params.scoreStage}&year=${latest.year}`,
                      asOf,
                    )}
                  >
                    {t('score.open')} →
                  </a>
                ) : null}
              </div>
            );
          })}
        </div>
      </section>

      {imports.ok ? (
        <Figure
          id="china-share"
          title={t('dashboard.chinaShare', { consumer: consumerName })}
          sources={imports.data.sources}
          datasetVersion={imports.data.datasetVersion}
          labels={labels}
          table={
            <DataTable
              caption={t('dashboard.chinaShare', { consumer: consumerName })}
              rowKey={(f) => `${f.year}-${f.material}-${f.unit}`}
              rows={imports.data.flows}
              columns={[
                { header: t('col.year'), cell: (f) => f.year },
                { header: t('col.material'), cell: (f) => names.material(f.material) },
                {
                  header: t('col.value'),
                  cell: (f) =>
                    f.unit === 'share'
                      ? formatShare(f.quantity, locale)
                      : `${formatNumber(f.quantity, locale)} t`,
                  numeric: true,
                },
                { header: t('col.status'), cell: (f) => translateValue(t, 'status', f.status) },
                { header: t('col.source'), cell: (f) => <span translate="no">{f.sourceId}</span> },
              ]}
            />
          }
          actions={
            <>
              <DownloadCsvButton
                label={t('figure.downloadCsv')}
                filename={`${params.consumer.toLowerCase()}-imports-from-china.csv`}
                doc={{
                  title: t('dashboard.chinaShare', { consumer: consumerName }),
                  sources: imports.data.sources,
                  datasetVersion: imports.data.datasetVersion.label,
                  headers: ['year', 'material', 'quantity', 'unit', 'status', 'source_id'],
                  rows: imports.data.flows.map((f) => [
                    f.year,
                    f.material,
                    f.quantity,
                    f.unit,
                    f.status,
                    f.sourceId,
                  ]),
                }}
              />
              <DownloadPngButton
                label={t('figure.downloadPng')}
                targetId="china-share-chart"
                filename="imports-from-china.png"
              />
              <ChartDataLinks chart="china-share" params={{ consumer: params.consumer }} t={t} />
            </>
          }
        >
          {sharePoints.length > 0 ? (
            <div
              role="img"
              aria-label={t('dashboard.chinaShareAlt', { consumer: consumerName })}
              data-testid="china-share-chart"
            >
              <LazyShareLineChart
                points={sharePoints}
                events={chartEvents}
                seriesLabel="CHN"
                locale={locale}
              />
            </div>
          ) : (
            <p>{t('figure.empty')}</p>
          )}
        </Figure>
      ) : (
        <p role="status">{imports.notFound ? t('figure.empty') : <ApiError failure={imports} t={t} />}</p>
      )}

      <form
        className="controls"
        method="get"
        aria-label={t('dashboard.map', {
          material: names.material(params.material),
          stage: translateValue(t, 'stage', params.stage),
          year: params.year ?? '',
        })}
      >
        <AsOfField />
        <input type="hidden" name="consumer" value={params.consumer} />
        <input type="hidden" name="scoreStage" value={params.scoreStage} />
        <label>
          {t('select.material')}
          <select name="material" defaultValue={params.material}>
            {['REE', 'NdPr', 'Dy', 'Tb', 'LREE', 'HREE'].map((m) => (
              <option key={m} value={m}>
                {names.material(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('select.stage')}
          <select name="stage" defaultValue={params.stage}>
            {['mining', 'separation', 'metal', 'magnet'].map((s) => (
              <option key={s} value={s}>
                {translateValue(t, 'stage', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('select.year')}
          <input type="number" name="year" min={1950} max={2060} defaultValue={params.year ?? ''} />
        </label>
        <button type="submit" className="ree-button ree-button--primary">
          {t('select.apply')}
        </button>
      </form>
      {map.ok ? (
        <MapFigure data={map.data} t={t} locale={locale} />
      ) : (
        <p role="status">{map.notFound ? t('figure.empty') : <ApiError failure={map} t={t} />}</p>
      )}
    </main>
  );
}

export default streamedPage(DashboardPage);
