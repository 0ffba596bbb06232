import { DataTable } from '@ree/ui';
import { DeleteCompanyButton } from '@/components/companies/delete-button';
import { UploadForm } from '@/components/companies/upload-form';
import { Quoting } from '@/components/latin';
import { PortalLink } from '@/components/portal-link';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { ApiQueryProvider } from '@/lib/trpc-react';

export const generateMetadata = titled('title.companies');

/** The first lines of apps/api/data/examples/company-suppliers.csv, as an example of the format. */
const SAMPLE = `country,material,stage,year,quantity,unit
CHN,NdPr,separation,2025,380,t
MYS,NdPr,separation,2025,210,t
VNM,NdPr,separation,2025,60,t
CHN,Dy,separation,2025,11.5,t
MYS,Dy,separation,2025,1.5,t`;

export default async function CompaniesPage() {
  await requireUser('/companies');
  const { t, locale } = await getT();
  const api = await serverApi();
  const mixes = await api.companies.list.query();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main id="main">
      <h1>{t('companies.title')}</h1>
      <p>{t('companies.intro')}</p>
      <ApiQueryProvider>
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('companies.upload')}</h2>
          <p className="hint">
            {/* What the file must literally contain, so it stays as code in every language. */}
            <Quoting
              text={t('companies.format')}
              values={{
                header: <code>country,material,stage,year,quantity,unit</code>,
                materials: <code>NdPr, Dy, Tb, LREE, HREE, REE</code>,
                stages: <code>mining, separation, metal, magnet</code>,
                unitT: <code>unit t</code>,
                unitShare: <code>unit share</code>,
              }}
            />
          </p>
          <details>
            <summary>{t('companies.sample')}</summary>
            <pre>{SAMPLE}</pre>
          </details>
          <UploadForm
            labels={{
              name: t('companies.name'),
              note: t('companies.note'),
              file: t('companies.file'),
              upload: t('companies.upload'),
              notStored: t('companies.notStored'),
              line: t('companies.line'),
              column: t('companies.column'),
              problem: t('companies.problem'),
            }}
          />
        </section>
        <h2>{t('companies.yours')}</h2>
        {mixes.length === 0 ? (
          <p>{t('companies.none')}</p>
        ) : (
          <div className="ree-table-wrap">
            <DataTable
              caption={t('companies.yours')}
              rows={mixes}
              rowKey={(m) => m.id}
              columns={[
                {
                  header: t('companies.name'),
                  cell: (m) => <PortalLink href={`/companies/${m.id}`}>{m.name}</PortalLink>,
                },
                { header: t('companies.materials'), cell: (m) => m.materials.join(', ') },
                { header: t('companies.suppliers'), cell: (m) => m.suppliers },
                { header: t('companies.updated'), cell: (m) => date.format(new Date(m.createdAt)) },
                {
                  header: t('companies.actions'),
                  cell: (m) => (
                    <DeleteCompanyButton
                      id={m.id}
                      labels={{
                        delete: t('companies.delete'),
                        title: t('companies.confirmDelete.title', { name: m.name }),
                        message: t('companies.confirmDelete.message'),
                        cancel: t('companies.cancel'),
                      }}
                    />
                  ),
                },
              ]}
            />
          </div>
        )}
      </ApiQueryProvider>
    </main>
  );
}
