import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ChartDataLinks } from '@/components/chart-data-links';
import { figureLabels } from '@/components/figure-labels';
import { Ident } from '@/components/latin';
import { LoadingStatus } from '@/components/page-loading';
import { namer } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { CountryActivity } from './country-activity';

export const generateMetadata = titled('title.country');

export default async function CountryPage({ params }: { params: Promise<{ iso3: string }> }) {
  const iso3 = (await params).iso3;
  if (!/^[A-Z]{3}$/.test(iso3)) notFound();
  await requireUser(`/countries/${iso3}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  // Before any Suspense boundary, so an unknown country is a real 404 (the profile is what the page shows first).
  const p = foundOrThrow(await attempt(api.supply.countryProfile.query({ iso3, asOf })));
  const labels = figureLabels(t);
  const latestWgi = p.governance.at(-1);
  const names = namer(locale);
  const name = names.country(iso3, p.name);
  return (
    <main id="main">
      <h1>{name}</h1>
      <p>
        {names.region(p.region)} · {t('countries.governance')}:{' '}
        {latestWgi ? `${formatNumber(latestWgi.wgi, locale, 2)} (${latestWgi.year})` : '–'} ·{' '}
        {t('countries.role', {
          stages: p.stages.map((s) => translateValue(t, 'stage', s)).join(t('list.separator')) || '–',
        })}
      </p>
      <Figure
        id="production"
        title={t('countries.production')}
        sources={p.sources}
        datasetVersion={p.datasetVersion}
        labels={labels}
        actions={
          <>
            <DownloadCsvButton
              label={t('figure.downloadCsv')}
              filename={`${iso3}-production.csv`}
              doc={{
                title: `${name}: ${t('countries.production')}`,
                sources: p.sources,
                datasetVersion: p.datasetVersion.label,
                headers: [
                  'stage',
                  'material',
                  'year',
                  'quantity',
                  'unit',
                  'basis',
                  'projection',
                  'status',
                  'source_id',
                  'also_reported',
                ],
                rows: p.production.map((r) => [
                  r.stage,
                  r.material,
                  r.year,
                  r.quantity,
                  r.unit,
                  r.basis,
                  r.projection,
                  r.status,
                  r.sourceId,
                  r.alsoReported.map((a) => `${a.sourceId}: ${a.quantity}`).join('; '),
                ]),
              }}
            />
            <ChartDataLinks chart="country-production" params={{ iso3 }} t={t} />
          </>
        }
      >
        <div className="ree-table-wrap">
          <DataTable
            caption={t('countries.production')}
            rowKey={(r) => `${r.stage}-${r.material}-${r.year}-${r.unit}-${r.projection}`}
            rows={p.production}
            columns={[
              { header: t('col.stage'), cell: (r) => translateValue(t, 'stage', r.stage) },
              { header: t('col.material'), cell: (r) => names.material(r.material) },
              {
                header: t('col.year'),
                cell: (r) => `${r.year}${r.projection ? ` (${t('col.projection')})` : ''}`,
              },
              {
                header: t('col.value'),
                cell: (r) =>
                  r.unit === 'share'
                    ? formatShare(r.quantity, locale)
                    : `${formatNumber(r.quantity, locale)} t ${r.basis}`,
                numeric: true,
              },
              { header: t('col.status'), cell: (r) => translateValue(t, 'status', r.status) },
              {
                header: t('col.source'),
                cell: (r) => (
                  <>
                    <Ident>{r.sourceId}</Ident>
                    {r.alsoReported.map((a) => {
                      // The sentence around the source id, which stays as written: "also {source}: {value}".
                      const [before, after] = t('countries.alsoReported', {
                        value:
                          r.unit === 'share'
                            ? formatShare(a.quantity, locale)
                            : formatNumber(a.quantity, locale),
                      }).split('{source}');
                      return (
                        <span key={a.sourceId}>
                          {' · '}
                          {before}
                          <Ident>{a.sourceId}</Ident>
                          {after}
                        </span>
                      );
                    })}
                  </>
                ),
              },
            ]}
          />
        </div>
        {p.reserves.length > 0 ? (
          <p>
            {t('countries.reserves')}:{' '}
            {p.reserves.map((r) => `${formatNumber(r.quantity, locale)} t (${r.year})`).join(', ')}
          </p>
        ) : null}
      </Figure>
      <Suspense fallback={<LoadingStatus />}>
        <CountryActivity iso3={iso3} t={t} />
      </Suspense>
    </main>
  );
}
