import { DataTable } from '@ree/ui';
import type { Metadata } from 'next';
import { z } from 'zod';
import { AuditTarget } from '@/components/admin/audit-target';
import { Pager } from '@/components/pager';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Audit log' };

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const Params = z.object({
  action: z.string().trim().min(1).max(100).optional().catch(undefined),
  actor: z.string().trim().min(1).max(200).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).catch(1),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/audit');
  const params = Params.parse(await searchParams);
  const { t, locale } = await getT();
  const api = await serverApi();
  // Whole days in UTC: "to" includes the day it names.
  const range = {
    ...(params.from ? { from: new Date(`${params.from}T00:00:00Z`) } : {}),
    ...(params.to ? { to: new Date(`${params.to}T23:59:59.999Z`) } : {}),
  };
  const audit = await api.audit.list.query({
    action: params.action,
    actor: params.actor,
    ...range,
    page: params.page,
    pageSize: 50,
  });
  const filters = new URLSearchParams(
    Object.entries({ action: params.action, actor: params.actor }).filter((e): e is [string, string] =>
      Boolean(e[1]),
    ),
  );
  const csvFilters = new URLSearchParams(filters);
  if (range.from) csvFilters.set('from', range.from.toISOString());
  if (range.to) csvFilters.set('to', range.to.toISOString());
  if (params.from) filters.set('from', params.from);
  if (params.to) filters.set('to', params.to);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <main id="main">
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('admin.audit')}</h1>
      <form className="controls" method="get">
        <label>
          {t('admin.action')}
          <input name="action" defaultValue={params.action ?? ''} maxLength={100} placeholder="dataset." />
        </label>
        <label>
          {t('admin.actor')}
          <input name="actor" defaultValue={params.actor ?? ''} maxLength={200} />
        </label>
        <label>
          {t('admin.fromDate')}
          <input name="from" type="date" defaultValue={params.from ?? ''} />
        </label>
        <label>
          {t('admin.toDate')}
          <input name="to" type="date" defaultValue={params.to ?? ''} />
        </label>
        <button type="submit" className="ree-button ree-button--secondary">
          {t('admin.filter')}
        </button>
        <a href={`/files/audit.csv?${csvFilters}`} download>
          {t('admin.exportCsv')}
        </a>
      </form>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('admin.audit')}
          rows={audit.items}
          rowKey={(e) => e.id}
          columns={[
            { header: t('admin.when'), cell: (e) => date.format(e.at) },
            { header: t('admin.who'), cell: (e) => e.actorEmail ?? '–' },
            { header: t('admin.what'), cell: (e) => e.action },
            { header: t('admin.target'), cell: (e) => <AuditTarget event={e} /> },
            {
              header: t('admin.details'),
              cell: (e) =>
                e.before || e.after ? (
                  <details>
                    <summary>{t('admin.details')}</summary>
                    <pre className="ree-json">
                      {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                    </pre>
                  </details>
                ) : (
                  '–'
                ),
            },
          ]}
        />
      </div>
      <Pager
        page={audit.pageInfo.page}
        pageSize={audit.pageInfo.pageSize}
        total={audit.pageInfo.total}
        query={filters}
        t={t}
      />
    </main>
  );
}
