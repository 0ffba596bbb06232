import { DataTable, Figure, formatNumber, formatShare } from '@ree/ui';
import type { Metadata } from 'next';
import { SignOutButton } from '@/components/sign-out-button';
import { requireUser, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const api = await serverApi();
  const production = await api.production.concentration.query({ stage: 'mining', material: 'REE' });
  const china = production.rows.find((r) => r.country === 'CHN');

  return (
    <main>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' }}>
        <p>
          Signed in as <strong>{user.name}</strong> ({user.email})
        </p>
        <SignOutButton />
      </div>
      <h1>Dashboard</h1>
      <Figure
        title={`World mine production of rare earths by country, ${production.year}`}
        sources={production.sources}
        datasetVersion={production.datasetVersion.label}
      >
        {china ? (
          <p>
            China mined{' '}
            <span className="headline" data-testid="china-share">
              {formatShare(china.share)}
            </span>{' '}
            of the world's rare earths in {production.year} ({formatNumber(china.value)} t {production.basis}
            ).
          </p>
        ) : null}
        <DataTable
          caption={`Tonnes of rare-earth oxide (${production.basis}), ${production.year}`}
          rowKey={(r) => r.country}
          rows={production.rows}
          columns={[
            { header: 'Country', cell: (r) => r.name },
            { header: 'Production (t)', cell: (r) => formatNumber(r.value), numeric: true },
            { header: 'Share', cell: (r) => formatShare(r.share), numeric: true },
          ]}
        />
        {production.publishedWorldTotal ? (
          <p className="hint">
            World total as published: {formatNumber(production.publishedWorldTotal)} t (rounded by the
            source).
          </p>
        ) : null}
      </Figure>
    </main>
  );
}
