import { Material } from '@ree/domain';
import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { figureLabels } from '@/components/figure-labels';
import { WorldMap } from '@/components/world-map';
import { getT } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const metadata: Metadata = { title: 'Element' };

const STAGES = ['mining', 'separation', 'metal', 'magnet'] as const;

export default async function ElementPage({ params }: { params: Promise<{ material: string }> }) {
  const parsed = Material.safeParse((await params).material);
  if (!parsed.success) notFound();
  const material = parsed.data;
  await requireUser(`/elements/${material}`);
  const { t, locale } = await getT();
  const api = await serverApi();
  const labels = figureLabels(t);
  const [elements, risk, facilities, ...stages] = await Promise.all([
    api.reference.elements.query({}),
    attempt(api.production.supplyRisk.query({ material })),
    api.supply.facilities.query({ product: material, pageSize: 100 }),
    ...STAGES.map(async (stage) => {
      const own = await attempt(api.production.concentration.query({ material, stage }));
      if (own.ok || material === 'REE') return { stage, result: own, fallback: false };
      return {
        stage,
        result: await attempt(api.production.concentration.query({ material: 'REE', stage })),
        fallback: true,
      };
    }),
  ]);
  const element = elements.items.find((e) => e.symbol === material);
  return (
    <main id="main">
      <h1>{element ? `${element.symbol} — ${element.name}` : material}</h1>
      {element ? (
        <p>
          {t('elements.group')}: {element.group} · {t('elements.uses')}: {element.uses.join(', ') || '–'}
        </p>
      ) : null}

      <h2>{t('elements.byStage')}</h2>
      {stages.map(({ stage, result, fallback }) =>
        result.ok ? (
          <Figure
            key={stage}
            id={`stage-${stage}`}
            title={`${translateValue(t, 'stage', stage)} · ${result.data.material} · ${result.data.year}`}
            sources={result.data.sources}
            datasetVersion={result.data.datasetVersion.label}
            labels={labels}
            table={
              <DataTable
                caption={`${stage} · ${result.data.material} · ${result.data.year}`}
                rowKey={(r) => r.country}
                rows={result.data.rows}
                columns={[
                  { header: t('col.country'), cell: (r) => <a href={`/countries/${r.country}`}>{r.name}</a> },
                  { header: t('col.share'), cell: (r) => formatShare(r.share, locale), numeric: true },
                ]}
              />
            }
            actions={
              <DownloadCsvButton
                label={t('figure.downloadCsv')}
                filename={`${result.data.material}-${stage}-${result.data.year}.csv`}
                doc={{
                  title: `${stage} · ${result.data.material} · ${result.data.year}`,
                  sources: result.data.sources,
                  datasetVersion: result.data.datasetVersion.label,
                  headers: ['country', 'share'],
                  rows: result.data.rows.map((r) => [r.country, r.share]),
                }}
              />
            }
          >
            {fallback ? <p className="hint">{t('elements.fallback', { material })}</p> : null}
            <p>
              {t('elements.hhi', {
                hhi: formatNumber(result.data.hhi, locale),
                band: translateValue(t, 'band', result.data.hhiBand),
              })}{' '}
              · {t('elements.top3', { share: formatShare(result.data.top3Share, locale) })}
            </p>
            {!result.data.complete ? <p className="hint">{t('elements.partial')}</p> : null}
            <WorldMap
              values={Object.fromEntries(result.data.rows.map((r) => [r.country, r.share]))}
              title={`${translateValue(t, 'stage', stage)} · ${result.data.material} · ${result.data.year}`}
              description={t('dashboard.mapAlt')}
              formatValue={(v) => formatShare(v, locale)}
              noDataLabel={t('figure.empty')}
            />
          </Figure>
        ) : (
          <p key={stage} role="status">
            {translateValue(t, 'stage', stage)}: {t('figure.empty')}
          </p>
        ),
      )}

      <h2>{t('elements.supplyRisk')}</h2>
      {risk.ok ? (
        <Figure
          id="supply-risk"
          title={t('elements.supplyRisk')}
          sources={risk.data.sources}
          datasetVersion={risk.data.datasetVersion.label}
          labels={labels}
        >
          <p>
            <span className="headline">{formatNumber(risk.data.supplyRisk, locale, 2)}</span>{' '}
            {t('elements.supplyRiskValue', {
              value: formatNumber(risk.data.supplyRisk, locale, 2),
              stage: risk.data.stage,
            })}
          </p>
          <ul>
            {(['extraction', 'processing'] as const).map((s) => {
              const r = risk.data[s];
              return r ? (
                <li key={s}>
                  {s} ({r.materialUsed}, {r.year}): SR {formatNumber(r.supplyRisk, locale, 2)}, HHI_WGI{' '}
                  {formatNumber(r.hhiWgiGlobal, locale, 2)}
                </li>
              ) : null;
            })}
          </ul>
          <p className="hint">
            {t('elements.assumptions', {
              ir: risk.data.assumptions.importReliance,
              eol: risk.data.assumptions.eolRir,
              si: risk.data.assumptions.substitutionIndex,
            })}{' '}
            WGI:{' '}
            {Object.entries(risk.data.assumptions.wgi)
              .map(([c, w]) => `${c} ${w}`)
              .join(', ')}
            .{' '}
            {Object.keys(risk.data.assumptions.tradeFactors).length > 0
              ? `t: ${Object.entries(risk.data.assumptions.tradeFactors)
                  .map(([c, f]) => `${c} ${f}`)
                  .join(', ')}.`
              : ''}{' '}
            <a href="/method">{t('nav.method')}</a>
          </p>
        </Figure>
      ) : (
        <p role="status">{t('figure.empty')}</p>
      )}

      <h2>{t('elements.facilities')}</h2>
      <div className="ree-table-wrap">
        <DataTable
          caption={`${t('elements.facilities')} · ${t('figure.version')}: ${facilities.datasetVersion.label}`}
          rowKey={(f) => f.id}
          rows={facilities.items}
          columns={[
            { header: t('facilities.name'), cell: (f) => f.name },
            { header: t('col.country'), cell: (f) => <a href={`/countries/${f.country}`}>{f.country}</a> },
            { header: t('col.stage'), cell: (f) => translateValue(t, 'stage', f.stage) },
            {
              header: t('facilities.status'),
              cell: (f) => translateValue(t, 'facilityStatus', f.operatingStatus),
            },
          ]}
        />
      </div>
    </main>
  );
}
