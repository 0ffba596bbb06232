import { DataTable, formatNumber } from '@ree/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublishForm } from '@/components/admin/actions';
import { AdminFeedback } from '@/components/admin/feedback';
import { ImportForm } from '@/components/admin/import-form';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Dataset version' };

export default async function VersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/versions/${id}`);
  const { t, locale } = await getT();
  const api = await serverApi();
  const versions = await api.datasets.versions.query();
  const version = versions.find((v) => v.id === id);
  if (!version) notFound();
  const imports = await api.imports.list.query({ versionId: id });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const draft = version.status === 'draft';
  return (
    <main id="main">
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('admin.version', { label: version.label })}</h1>
      <AdminFeedback />
      <p>
        {t(draft ? 'admin.status.draft' : 'admin.status.published')}
        {version.isCurrent ? ` (${t('admin.current')})` : ''} ·{' '}
        {t('admin.created', { when: date.format(version.createdAt) })}
        {version.note ? ` · ${version.note}` : ''}
      </p>
      <nav className="controls" aria-label={t('admin.version', { label: version.label })}>
        <a href={`/files/export/${id}`} download>
          {t('admin.export')}
        </a>
      </nav>
      <form className="controls" method="get" action="/admin/diff">
        <input type="hidden" name="to" value={id} />
        <label>
          {t('admin.compare')}
          <select name="from" defaultValue={versions.find((v) => v.isCurrent && v.id !== id)?.id ?? ''}>
            {versions
              .filter((v) => v.id !== id)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                  {v.isCurrent ? ` (${t('admin.current')})` : ''}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="ree-button ree-button--secondary">
          {t('admin.compareGo')}
        </button>
      </form>
      {draft ? (
        <>
          <h2>{t('admin.import')}</h2>
          <p>{t('admin.importHelp', { limit: `${Math.round(imports.maxBytes / 1024 / 1024)} MB` })}</p>
          <ImportForm
            versionId={id}
            tables={Object.keys(version.rows)}
            labels={{
              file: t('admin.file'),
              table: t('admin.table'),
              auto: t('admin.tableAuto'),
              upload: t('admin.upload'),
              uploading: t('admin.uploading'),
            }}
          />
          <PublishForm
            versionId={id}
            labels={{
              note: t('admin.note'),
              publish: t('admin.publish'),
              published: t('admin.published', { label: version.label }),
              confirm: {
                title: t('admin.confirmPublish.title', { label: version.label }),
                message: t('admin.confirmPublish.message'),
                confirm: t('admin.publish'),
                cancel: t('admin.cancel'),
              },
            }}
          />
        </>
      ) : (
        <p>{t('admin.readOnly')}</p>
      )}
      <h2>{t('admin.tables')}</h2>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('admin.tables')}
          rows={Object.entries(version.rows)}
          rowKey={([entity]) => entity}
          columns={[
            {
              header: t('admin.table'),
              cell: ([entity]) => <a href={`/admin/versions/${id}/${entity}`}>{entity}</a>,
            },
            { header: t('admin.rows'), cell: ([, count]) => formatNumber(count, locale), numeric: true },
          ]}
        />
      </div>
      {imports.items.length ? (
        <>
          <h2>{t('admin.imports')}</h2>
          <div className="ree-table-wrap">
            <DataTable
              caption={t('admin.imports')}
              rows={imports.items}
              rowKey={(b) => b.id}
              columns={[
                { header: t('admin.file'), cell: (b) => <a href={`/admin/imports/${b.id}`}>{b.fileName}</a> },
                { header: t('admin.when'), cell: (b) => date.format(b.createdAt) },
                {
                  header: t('col.status'),
                  cell: (b) => t(`admin.importStatus.${b.stale ? 'stale' : b.status}`),
                },
                { header: t('admin.accepted'), cell: (b) => formatNumber(b.accepted, locale), numeric: true },
                { header: t('admin.rejected'), cell: (b) => formatNumber(b.rejected, locale), numeric: true },
                { header: t('admin.warnings'), cell: (b) => formatNumber(b.warnings, locale), numeric: true },
              ]}
            />
          </div>
        </>
      ) : null}
    </main>
  );
}
