import { LazySeriesChart } from '@/components/charts/lazy';
import { Ident } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { PortalLink } from '@/components/portal-link';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const generateMetadata = titled('title.compareScenarios');

async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/scenarios/compare');
  const raw = (await searchParams).id;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).slice(0, 6);
  const { t, locale } = await getT();
  const api = await serverApi();
  const found = (await Promise.all(ids.map((id) => attempt(api.scenarios.get.query({ id }))))).flatMap((r) =>
    r.ok ? [r.data] : [],
  );
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const rows: { label: string; values: (number | null)[] }[] = [
    {
      label: t('scenario.shortfall'),
      values: found.map((s) => s.result.deterministic.totals.shortfall),
    },
    {
      label: t('scenario.fromStockpile'),
      values: found.map((s) => s.result.deterministic.totals.fromStockpile),
    },
    {
      label: t('scenario.cover'),
      values: found.map((s) => s.result.deterministic.monthsOfCover),
    },
    {
      label: t('scenario.scoreAfter'),
      values: found.map((s) => s.result.deterministic.scoreAfter?.score ?? null),
    },
    { label: t('scenario.p95'), values: found.map((s) => s.result.risk.p95) },
    { label: t('scenario.es'), values: found.map((s) => s.result.risk.expectedShortfall) },
  ];
  // One y-axis for all, so the charts compare at a glance.
  const yMax = Math.max(0, ...found.flatMap((s) => s.result.deterministic.series.map((m) => m.demand)));
  return (
    <main id="main">
      <h1>{t('scenario.compareTitle')}</h1>
      {found.length < 2 ? <p role="status">{t('scenario.compare')}: 2+</p> : null}
      <div className="ree-table-wrap">
        <table className="ree-table" data-testid="compare-table">
          <caption>{t('scenario.compareTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scenario.results')}</th>
              {found.map((s) => (
                <th key={s.id} scope="col">
                  <PortalLink href={`/scenarios/${s.id}`}>{s.name}</PortalLink>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const distinct = new Set(row.values.map((v) => (v === null ? 'null' : v.toFixed(6)))).size > 1;
              return (
                <tr key={row.label} className={distinct ? 'differs' : undefined}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={found[i]?.id} className="ree-num">
                      {distinct ? (
                        <mark>{v === null ? '–' : n.format(v)}</mark>
                      ) : v === null ? (
                        '–'
                      ) : (
                        n.format(v)
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="compare-grid">
        {found.map((s) => {
          const series = s.result.deterministic.series;
          return (
            <figure key={s.id} className="ree-figure" aria-label={s.name}>
              <h2 className="ree-figure__title">{s.name}</h2>
              <LazySeriesChart
                series={series}
                yMax={yMax}
                height={220}
                locale={locale}
                labels={{
                  supplied: t('scenario.supplied'),
                  fromStockpile: t('scenario.fromStockpile'),
                  shortfall: t('scenario.shortfall'),
                }}
              />
              <figcaption className="ree-figure__caption">
                {t('figure.version')}: <Ident>{s.datasetVersion.label}</Ident>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </main>
  );
}

export default streamedPage(ComparePage);
