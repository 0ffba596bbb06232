import { DataTable } from '@ree/ui';
import type { Metadata } from 'next';
import { z } from 'zod';
import { AdminFeedback } from '@/components/admin/feedback';
import { RevokeTokenButton } from '@/components/admin/token-buttons';
import { Ident } from '@/components/latin';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'API tokens' };

const Params = z.object({
  search: z.string().trim().min(1).max(200).optional().catch(undefined),
  cursor: z.uuid().optional().catch(undefined),
});

/** Admins: every account's API tokens with their owners, newest first; any of them can be revoked. */
export default async function AdminTokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/tokens');
  const params = Params.parse(await searchParams);
  const { t, locale } = await getT();
  const api = await serverApi();
  const tokens = await api.tokens.listAll.query({ ...params, limit: 50 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (d: Date | null) => (d ? date.format(d) : t('tokens.never'));
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(params.search ? { search: params.search } : {}), ...extra })}`;
  return (
    <main id="main">
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('tokens.all')}</h1>
      <AdminFeedback />
      <form className="controls" method="get">
        <label>
          {t('tokens.search')}
          <input name="search" type="search" defaultValue={params.search ?? ''} maxLength={200} />
        </label>
        <button type="submit" className="ree-button ree-button--secondary">
          {t('admin.search')}
        </button>
      </form>
      <div className="ree-table-wrap">
        <DataTable
          caption={t('tokens.all')}
          rows={tokens.items}
          rowKey={(k) => k.id}
          columns={[
            { header: t('tokens.owner'), cell: (k) => k.owner.email },
            { header: t('tokens.name'), cell: (k) => <Ident>{k.name}</Ident> },
            { header: t('tokens.prefix'), cell: (k) => <code>{k.prefix}…</code> },
            { header: t('tokens.createdAt'), cell: (k) => when(k.createdAt) },
            { header: t('tokens.lastUsed'), cell: (k) => when(k.lastUsedAt) },
            { header: t('tokens.expiresAt'), cell: (k) => when(k.expiresAt) },
            { header: t('tokens.status'), cell: (k) => t(`tokens.status.${k.status}`) },
            {
              header: t('tokens.what'),
              cell: (k) =>
                k.status === 'revoked' ? null : (
                  <RevokeTokenButton
                    id={k.id}
                    labels={{
                      revoke: t('tokens.revoke'),
                      revoked: t('tokens.revoked', { name: k.name }),
                      confirm: {
                        title: t('tokens.confirmRevoke.title', { name: k.name }),
                        message: t('tokens.confirmRevoke.message'),
                        confirm: t('tokens.revoke'),
                        cancel: t('tokens.cancel'),
                      },
                    }}
                  />
                ),
            },
          ]}
        />
      </div>
      <nav className="controls" aria-label={t('tokens.all')}>
        {params.cursor ? <a href={query({})}>{t('admin.firstPage')}</a> : null}
        {tokens.nextCursor ? (
          <a href={query({ cursor: tokens.nextCursor })}>{t('admin.nextPage')} →</a>
        ) : null}
      </nav>
    </main>
  );
}
