import type { Metadata } from 'next';
import { NewDraftForm, PublishForm, RollbackButton, UserButtons } from '@/components/admin/actions';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  await requireAdmin('/admin');
  const { t, locale } = await getT();
  const api = await serverApi();
  const [versions, users, audit] = await Promise.all([
    api.datasets.versions.query(),
    api.users.list.query({ limit: 100 }),
    api.audit.list.query({ pageSize: 50 }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <main id="main">
      <h1>{t('admin.title')}</h1>
      <h2>{t('admin.versions')}</h2>
      <NewDraftForm labels={{ label: t('admin.label'), create: t('admin.newDraft') }} />
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{t('admin.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.label')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.rows')}</th>
              <th scope="col">{t('admin.what')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.label}
                  {v.isCurrent ? ` (${t('admin.current')})` : ''}
                </td>
                <td>{v.status}</td>
                <td>
                  {v.publishedAt
                    ? `${date.format(v.publishedAt)} · ${v.publishedBy ?? ''}`
                    : date.format(v.createdAt)}
                </td>
                <td>{Object.values(v.rows).reduce((a, b) => a + b, 0)}</td>
                <td>
                  {v.status === 'draft' ? (
                    <PublishForm
                      versionId={v.id}
                      labels={{ note: t('admin.note'), publish: t('admin.publish') }}
                    />
                  ) : v.isCurrent ? (
                    v.note
                  ) : (
                    <RollbackButton versionId={v.id} label={t('admin.rollback')} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('admin.users')}</h2>
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{t('admin.users')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('admin.disabled')}</th>
              <th scope="col">{t('admin.what')}</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.role}</td>
                <td>{u.disabled ? '✓' : ''}</td>
                <td>
                  <UserButtons
                    id={u.id}
                    role={u.role}
                    disabled={u.disabled}
                    labels={{
                      makeAdmin: t('admin.makeAdmin'),
                      makeUser: t('admin.makeUser'),
                      disable: t('admin.disable'),
                      enable: t('admin.enable'),
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('admin.audit')}</h2>
      <div className="ree-table-wrap">
        <table className="ree-table">
          <caption>{t('admin.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.who')}</th>
              <th scope="col">{t('admin.what')}</th>
              <th scope="col">{t('admin.target')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.items.map((e) => (
              <tr key={e.id}>
                <td>{date.format(e.at)}</td>
                <td>{e.actorEmail ?? '–'}</td>
                <td>{e.action}</td>
                <td>{e.target ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
