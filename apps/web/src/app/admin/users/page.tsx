import { DataTable } from '@ree/ui';
import type { Metadata } from 'next';
import { z } from 'zod';
import { AdminFeedback } from '@/components/admin/feedback';
import { UserButtons } from '@/components/admin/user-buttons';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Users' };

const Params = z.object({
  search: z.string().trim().min(1).max(200).optional().catch(undefined),
  cursor: z.string().min(1).max(100).optional().catch(undefined),
});

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/users');
  const params = Params.parse(await searchParams);
  const { t } = await getT();
  const api = await serverApi();
  const users = await api.users.list.query({ ...params, limit: 25 });
  const next = users.nextCursor
    ? `?${new URLSearchParams({ ...(params.search ? { search: params.search } : {}), cursor: users.nextCursor })}`
    : null;
  return (
    <main id="main">
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('admin.users')}</h1>
      <AdminFeedback />
      <form className="controls" method="get">
        <label>
          {t('admin.search')}
          <input name="search" type="search" defaultValue={params.search ?? ''} maxLength={200} />
        </label>
        <button type="submit" className="ree-button ree-button--secondary">
          {t('admin.search')}
        </button>
      </form>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('admin.users')}
          rows={users.items}
          rowKey={(u) => u.id}
          columns={[
            { header: t('auth.email'), cell: (u) => u.email },
            { header: t('auth.name'), cell: (u) => u.name },
            { header: t('admin.role'), cell: (u) => u.role },
            { header: t('admin.disabled'), cell: (u) => (u.disabled ? '✓' : '') },
            {
              header: t('admin.what'),
              cell: (u) => (
                <UserButtons
                  id={u.id}
                  role={u.role}
                  disabled={u.disabled}
                  labels={{
                    makeAdmin: t('admin.makeAdmin'),
                    makeUser: t('admin.makeUser'),
                    disable: t('admin.disable'),
                    enable: t('admin.enable'),
                    forceReset: t('admin.forceReset'),
                    madeAdmin: t('admin.madeAdmin', { email: u.email }),
                    madeUser: t('admin.madeUser', { email: u.email }),
                    disabled: t('admin.userDisabled', { email: u.email }),
                    enabled: t('admin.userEnabled', { email: u.email }),
                    resetForced: t('admin.resetForced', { email: u.email }),
                    confirmDisable: {
                      title: t('admin.confirmDisable.title', { email: u.email }),
                      message: t('admin.confirmDisable.message'),
                      confirm: t('admin.disable'),
                      cancel: t('admin.cancel'),
                    },
                    confirmRole:
                      u.role === 'admin'
                        ? {
                            title: t('admin.confirmMakeUser.title', { email: u.email }),
                            message: t('admin.confirmMakeUser.message'),
                            confirm: t('admin.makeUser'),
                            cancel: t('admin.cancel'),
                          }
                        : {
                            title: t('admin.confirmMakeAdmin.title', { email: u.email }),
                            message: t('admin.confirmMakeAdmin.message'),
                            confirm: t('admin.makeAdmin'),
                            cancel: t('admin.cancel'),
                          },
                    confirmForceReset: {
                      title: t('admin.confirmForceReset.title', { email: u.email }),
                      message: t('admin.confirmForceReset.message'),
                      confirm: t('admin.forceReset'),
                      cancel: t('admin.cancel'),
                    },
                  }}
                />
              ),
            },
          ]}
        />
      </div>
      <nav className="controls" aria-label={t('admin.users')}>
        {params.cursor ? (
          <a href={`?${new URLSearchParams(params.search ? { search: params.search } : {})}`}>
            {t('admin.firstPage')}
          </a>
        ) : null}
        {next ? <a href={next}>{t('admin.nextPage')} →</a> : null}
      </nav>
    </main>
  );
}
