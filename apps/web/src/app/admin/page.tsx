import { DataTable, formatNumber } from '@ree/ui';
import type { Metadata } from 'next';
import { DeleteDraftButton, NewDraftForm, PublishForm, RollbackButton } from '@/components/admin/actions';
import { AdminFeedback } from '@/components/admin/feedback';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  await requireAdmin('/admin');
  const { t, locale } = await getT();
  const api = await serverApi();
  const versions = await api.datasets.versions.query();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const current = versions.find((v) => v.isCurrent)?.label ?? '';
  const total = (v: (typeof versions)[number]) => Object.values(v.rows).reduce((a, b) => a + b, 0);
  const ask = (title: string, message: string, confirm: string) => ({
    title,
    message,
    confirm,
    cancel: t('admin.cancel'),
  });
  return (
    <main id="main">
      <h1>{t('admin.title')}</h1>
      <AdminFeedback />
      <nav className="controls" aria-label={t('admin.title')}>
        <a href="/admin/users">{t('admin.users')}</a>
        <a href="/admin/audit">{t('admin.audit')}</a>
        <a href="/admin/tokens">{t('nav.tokens')}</a>
      </nav>
      <h2>{t('admin.versions')}</h2>
      <NewDraftForm
        labels={{
          label: t('admin.label'),
          create: t('admin.create'),
          from: t('admin.from'),
          fromCurrent: t('admin.fromCurrent'),
          fromEmpty: t('admin.fromEmpty'),
          created: t('admin.draftCreated'),
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
              cell: (v) => formatNumber(total(v), locale),
              numeric: true,
            },
            {
              header: t('admin.what'),
              cell: (v) =>
                v.status === 'draft' ? (
                  <span className="controls">
                    <PublishForm
                      versionId={v.id}
                      labels={{
                        note: t('admin.note'),
                        publish: t('admin.publish'),
                        published: t('admin.published', { label: v.label }),
                        confirm: ask(
                          t('admin.confirmPublish.title', { label: v.label }),
                          t('admin.confirmPublish.message'),
                          t('admin.publish'),
                        ),
                      }}
                    />
                    <DeleteDraftButton
                      versionId={v.id}
                      rows={total(v)}
                      labels={{
                        button: t('admin.deleteDraft'),
                        done: t('admin.deletedDraft', { label: v.label }),
                        confirm: ask(
                          t('admin.confirmDeleteDraft.title', { label: v.label }),
                          t('admin.confirmDeleteDraft.message', { rows: formatNumber(total(v), locale) }),
                          t('admin.deleteDraft'),
                        ),
                      }}
                    />
                  </span>
                ) : v.isCurrent ? (
                  v.note
                ) : (
                  <RollbackButton
                    versionId={v.id}
                    labels={{
                      button: t('admin.rollback'),
                      done: t('admin.rolledBack', { label: v.label }),
                      confirm: ask(
                        t('admin.confirmRollback.title', { label: v.label }),
                        t('admin.confirmRollback.message', { current }),
                        t('admin.rollback'),
                      ),
                    }}
                  />
                ),
            },
          ]}
        />
      </div>
    </main>
  );
}
