import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminFeedback } from '@/components/admin/feedback';
import { RecordRow } from '@/components/admin/record-row';
import { Pager } from '@/components/pager';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const metadata: Metadata = { title: 'Dataset table' };

const Params = z.object({
  search: z.string().trim().min(1).max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export default async function EntityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; entity: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, entity } = await params;
  await requireAdmin(`/admin/versions/${id}/${entity}`);
  const raw = await searchParams;
  const query = Params.parse(raw);
  const { t } = await getT();
  const api = await serverApi();
  const result = await attempt(
    api.datasets.records.query({
      versionId: id,
      entity: entity as Parameters<typeof api.datasets.records.query>[0]['entity'],
      pageSize: 50,
      ...query,
    }),
  );
  if (!result.ok) notFound();
  const records = result.data;
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${id}`}>← {t('admin.backToVersion')}</a>
      </p>
      <h1>{entity}</h1>
      <AdminFeedback />
      {records.editable ? null : <p>{t('admin.readOnly')}</p>}
      <form className="controls" method="get">
        <label>
          {t('admin.search')}
          <input name="search" defaultValue={query.search ?? ''} maxLength={100} />
        </label>
        <button type="submit" className="ree-button ree-button--secondary">
          {t('admin.search')}
        </button>
      </form>
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{entity}</caption>
          <thead>
            <tr>
              {records.columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.header}
                </th>
              ))}
              {records.editable ? <th scope="col">{t('admin.what')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {records.items.map((item) => (
              <RecordRow
                key={JSON.stringify(item.key)}
                versionId={id}
                entity={entity}
                columns={records.columns}
                rowKey={item.key}
                rowVersion={item.rowVersion}
                values={item.values}
                editable={records.editable}
                labels={{
                  edit: t('admin.edit'),
                  save: t('admin.save'),
                  cancel: t('admin.cancel'),
                  delete: t('admin.delete'),
                  saved: t('admin.saved'),
                  deleted: t('admin.deletedRow'),
                  confirmDelete: {
                    title: t('admin.confirmDeleteRow.title'),
                    message: t('admin.confirmDeleteRow.message'),
                    confirm: t('admin.delete'),
                    cancel: t('admin.cancel'),
                  },
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={records.pageInfo.page}
        pageSize={records.pageInfo.pageSize}
        total={records.pageInfo.total}
        query={
          new URLSearchParams(
            Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        }
        t={t}
      />
    </main>
  );
}
