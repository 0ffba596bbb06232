import { DataTable, Figure } from '@ree/ui';
import { DownloadCsvButton } from '@ree/ui/downloads';
import { z } from 'zod';
import { AsOfField } from '@/components/as-of-field';
import { CountryOptions } from '@/components/country-options';
import { EventTitle } from '@/components/entity-tables';
import { figureLabels } from '@/components/figure-labels';
import { DataText } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { Pager } from '@/components/pager';
import { eventKind } from '@/i18n/event-kind';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';

export const generateMetadata = titled('title.timeline');

const TYPES = ['partnership', 'investment', 'policy'] as const;
const Params = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .catch(undefined),
  type: z.enum(TYPES).optional().catch(undefined),
  yearFrom: z.coerce.number().int().min(1950).max(2060).optional().catch(undefined),
  yearTo: z.coerce.number().int().min(1950).max(2060).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

async function TimelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser('/timeline');
  const raw = await searchParams;
  const params = Params.parse(raw);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const [countries, result] = await Promise.all([
    api.reference.countries.query({ asOf }),
    api.supply.timeline.query({
      country: params.country,
      types: params.type ? [params.type] : undefined,
      yearFrom: params.yearFrom,
      yearTo:
        params.yearTo !== undefined && params.yearFrom !== undefined && params.yearTo < params.yearFrom
          ? params.yearFrom
          : params.yearTo,
      page: params.page,
      pageSize: 50,
      asOf,
    }),
  ]);
  const date = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return (
    <main id="main">
      <h1>{t('timeline.title')}</h1>
      <form className="controls" method="get">
        <AsOfField />
        <label>
          {t('col.country')}
          <select name="country" defaultValue={params.country ?? ''}>
            <option value="">{t('facilities.all')}</option>
            <CountryOptions countries={countries.items} locale={locale} />
          </select>
        </label>
        <label>
          {t('timeline.type')}
          <select name="type" defaultValue={params.type ?? ''}>
            <option value="">{t('facilities.all')}</option>
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {translateValue(t, 'eventType', ty)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('timeline.from')}
          <input type="number" name="yearFrom" min={1950} max={2060} defaultValue={params.yearFrom ?? ''} />
        </label>
        <label>
          {t('timeline.to')}
          <input type="number" name="yearTo" min={1950} max={2060} defaultValue={params.yearTo ?? ''} />
        </label>
        <button type="submit" className="ree-button ree-button--primary">
          {t('select.apply')}
        </button>
      </form>
      <Figure
        id="timeline"
        title={t('timeline.title')}
        sources={result.sources}
        datasetVersion={result.datasetVersion}
        labels={figureLabels(t)}
        actions={
          <DownloadCsvButton
            label={t('figure.downloadCsv')}
            filename="timeline.csv"
            doc={{
              title: t('timeline.title'),
              sources: result.sources,
              datasetVersion: result.datasetVersion.label,
              headers: [
                'date',
                'type',
                'kind',
                'title',
                'detail',
                'countries',
                'elements',
                'status',
                'source_id',
              ],
              rows: result.items.map((i) => [
                i.date,
                i.type,
                i.kind,
                i.title,
                i.detail,
                i.countries.join(' '),
                i.elements.join(' '),
                i.status,
                i.sourceId,
              ]),
            }}
          />
        }
      >
        <div className="ree-table-wrap">
          <DataTable
            caption={t('timeline.title')}
            rowKey={(i) => `${i.type}-${i.id}`}
            rows={result.items}
            columns={[
              {
                header: t('timeline.date'),
                cell: (i) => (i.date ? date.format(new Date(i.date)) : t('timeline.undated')),
              },
              { header: t('timeline.type'), cell: (i) => eventKind(t, i.type, i.kind) },
              {
                header: t('timeline.event'),
                cell: (i) => (
                  <>
                    <EventTitle item={i} />
                    {i.detail ? (
                      <>
                        {' — '}
                        <DataText>{i.detail}</DataText>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('col.country'),
                cell: (i) =>
                  i.countries.map((c) => localName(locale, 'country', c)).join(t('list.separator')),
              },
              { header: t('col.status'), cell: (i) => translateValue(t, 'status', i.status) },
            ]}
          />
        </div>
      </Figure>
      <Pager
        page={result.pageInfo.page}
        pageSize={result.pageInfo.pageSize}
        total={result.pageInfo.total}
        query={query}
        t={t}
      />
    </main>
  );
}

export default streamedPage(TimelinePage);
