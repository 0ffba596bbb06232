import { DataTable } from '@ree/ui';
import type { Metadata } from 'next';
import { NewDraftForm, PublishForm, RollbackButton } from '@/components/admin/actions';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  await requireAdmin('/admin');
  const { t, locale } = await getT();
  const api = await serverApi();
  const versions = await api.datasets.versions.query();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main id="main">
      <h1>{t('admin.title')}</h1>
      <nav className="controls" aria-label={t('admin.title')}>
        <a href="/admin/users">{t('admin.users')}</a>
        <a href="/admin/audit">{t('admin.audit')}</a>
      </nav>
      <h2>{t('admin.versions')}</h2>
      <NewDraftForm
        labels={{
          label: t('admin.label'),
          create: t('admin.create'),
          from: t('admin.from'),
          fromCurrent: t('admin.fromCurrent'),
          fromEmpty: t('admin.fromEmpty'),
        }}
      />
      <div className="ree-table-wrap">
        <DataTable
          caption={t('admin.versions')}
          rows={versions}
          rowKey={(v) => v.id}
          columns={[
            {
              header: t('admin.label'),
              cell: (v) => (
                <>
                  <a href={`/admin/versions/${v.id}`}>{v.label}</a>
                  {v.isCurrent ? ` (${t('admin.current')})` : ''}
                </>
              ),
            },
            {
              header: t('col.status'),
              cell: (v) => t(v.status === 'draft' ? 'admin.status.draft' : 'admin.status.published'),
            },
            {
              header: t('admin.when'),
              cell: (v) =>
                v.publishedAt
                  ? `${date.format(v.publishedAt)} · ${v.publishedBy ?? ''}`
                  : date.format(v.createdAt),
            },
            {
              header: t('admin.rows'),
              cell: (v) => Object.values(v.rows).reduce((a, b) => a + b, 0),
              numeric: true,
            },
            {
              header: t('admin.what'),
              cell: (v) =>
                v.status === 'draft' ? (
                  <PublishForm
                    versionId={v.id}
                    labels={{ note: t('admin.note'), publish: t('admin.publish') }}
                  />
                ) : v.isCurrent ? (
                  v.note
                ) : (
                  <RollbackButton versionId={v.id} label={t('admin.rollback')} />
                ),
            },
          ]}
        />
      </div>
    </main>
  );
}
