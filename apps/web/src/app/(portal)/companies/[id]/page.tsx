import { DataTable, formatNumber, formatShare } from '@ree/ui';
import { DeleteCompanyButton } from '@/components/companies/delete-button';
import { Ident } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import type { MessageKey } from '@/i18n/en';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';
import { attempt, foundOrThrow } from '@/lib/attempt';
import { ApiQueryProvider } from '@/lib/trpc-react';

export const generateMetadata = titled('title.companyScore');

/** The source id the API cites a company's own rows by. */
const UPLOAD = 'your-upload';

export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/companies/${id}`);
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  // Another user's mix, or none, is NOT_FOUND from the API: a real 404 here.
  const mix = foundOrThrow(await attempt(api.companies.get.query({ id })));
  const score = foundOrThrow(await attempt(api.companies.score.query({ id, asOf })));
  const cite = (ids: readonly string[]) =>
    ids.map((s) => (s === UPLOAD ? t('companies.yourUpload') : s)).join(', ');
  return (
    <main id="main">
      <p>
        <a href="/companies">← {t('companies.back')}</a>
      </p>
      <h1>{mix.name}</h1>
      {mix.note ? <p>{mix.note}</p> : null}
      <h2>{t('companies.scoreTitle')}</h2>
      <p className="hint">
        {t('companies.scoreHint')} {t('figure.version')}: <Ident>{score.datasetVersion.label}</Ident>
      </p>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('companies.scoreTitle')}
          rows={score.materials}
          rowKey={(m) => `${m.material}-${m.stage}`}
          columns={[
            { header: t('companies.material'), cell: (m) => m.material },
            { header: t('companies.stage'), cell: (m) => m.stage },
            { header: t('companies.year'), cell: (m) => m.year },
            {
              header: t('companies.score'),
              cell: (m) =>
                m.result.status === 'ok'
                  ? formatNumber(m.result.score, locale, 1)
                  : `${t('companies.insufficient')}: ${m.result.reason}`,
            },
            { header: t('companies.coverage'), cell: (m) => formatShare(m.result.coverage, locale, 0) },
            {
              header: t('companies.drag'),
              cell: (m) => (m.result.drag ? t(`component.${m.result.drag}` as MessageKey) : '—'),
            },
            {
              header: t('companies.actions'),
              cell: (m) => (
                <PortalLink href={`/scenarios/new?company=${id}&material=${m.material}&stage=${m.stage}`}>
                  {t('companies.scenario')}
                </PortalLink>
              ),
            },
          ]}
        />
      </div>
      {score.materials.map((m) => (
        <section key={`${m.material}-${m.stage}`}>
          <div className="ree-table-wrap">
            <DataTable
              caption={t('companies.components', {
                material: m.material,
                stage: m.stage,
                year: String(m.year),
              })}
              rows={m.result.components}
              rowKey={(c) => c.id}
              columns={[
                { header: t('companies.component'), cell: (c) => t(`component.${c.id}` as MessageKey) },
                { header: t('companies.risk'), cell: (c) => formatNumber(c.risk, locale, 2) },
                { header: t('companies.points'), cell: (c) => formatNumber(c.points, locale, 1) },
                { header: t('figure.sources'), cell: (c) => cite(m.provenance[c.id]?.sourceIds ?? []) },
                { header: t('companies.notes'), cell: (c) => (m.provenance[c.id]?.notes ?? []).join('; ') },
              ]}
            />
          </div>
        </section>
      ))}
      <h2>{t('figure.sources')}</h2>
      <ul>
        <li>
          {t('companies.yourUpload')} ({mix.suppliers} {t('companies.suppliers')})
        </li>
        {score.sources.map((s) => (
          <li key={s.id}>
            {s.id}: {s.citation}
          </li>
        ))}
      </ul>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('companies.rows')}
          rows={mix.rows}
          rowKey={(r) => String(r.line)}
          columns={[
            { header: t('companies.line'), cell: (r) => r.line },
            { header: t('companies.country'), cell: (r) => r.country },
            { header: t('companies.material'), cell: (r) => r.material },
            { header: t('companies.stage'), cell: (r) => r.stage },
            { header: t('companies.year'), cell: (r) => r.year },
            { header: t('companies.quantity'), cell: (r) => formatNumber(r.quantity, locale, 2) },
            { header: t('companies.unit'), cell: (r) => r.unit },
          ]}
        />
      </div>
      <ApiQueryProvider>
        <DeleteCompanyButton
          id={id}
          labels={{
            delete: t('companies.delete'),
            title: t('companies.confirmDelete.title', { name: mix.name }),
            message: t('companies.confirmDelete.message'),
            cancel: t('companies.cancel'),
          }}
        />
      </ApiQueryProvider>
    </main>
  );
}
