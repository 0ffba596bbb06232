import { DataTable, formatNumber } from '@ree/ui';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminFeedback } from '@/components/admin/feedback';
import { ImportDecision } from '@/components/admin/import-decision';
import { Pager } from '@/components/pager';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const metadata: Metadata = { title: 'Validation report' };

const Params = z.object({
  severity: z.enum(['error', 'warning']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
  duplicate: z.literal('1').optional().catch(undefined),
});

export default async function ImportReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireAdmin(`/admin/imports/${id}`);
  const raw = await searchParams;
  const query = Params.parse(raw);
  const { t, locale } = await getT();
  const api = await serverApi();
  const result = await attempt(
    api.imports.report.query({ batchId: id, page: query.page, pageSize: 100, severity: query.severity }),
  );
  if (!result.ok) notFound();
  const { batch, issues, pageInfo, counts, listed } = result.data;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = { format: (n: number) => formatNumber(n, locale) };
  // A kind link starts at page 1 of that kind; the pager below keeps the kind.
  const link = (severity?: string) => `?${severity ? `severity=${severity}` : ''}`;
  const found = counts.error + counts.warning;
  const confirmDiscard = {
    title: t('admin.confirmDiscard.title', { file: batch.fileName }),
    message: t('admin.confirmDiscard.message'),
    confirm: t('admin.discard'),
    cancel: t('admin.cancel'),
  };
  const decided = {
    applied: t('admin.appliedNow', { count: number.format(batch.accepted) }),
    discarded: t('admin.discarded'),
    confirmDiscard,
    confirmApply: {
      title: t('admin.confirmApply.title', { count: number.format(batch.accepted), file: batch.fileName }),
      message: t('admin.confirmApply.message'),
      confirm: t('admin.applyConfirm'),
      cancel: t('admin.cancel'),
    },
  };
  const shown = listed.error + listed.warning;
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${batch.versionId}`}>← {t('admin.backToVersion')}</a>
      </p>
      <h1>{t('admin.report', { file: batch.fileName })}</h1>
      <AdminFeedback />
      {query.duplicate ? <p role="status">{t('admin.duplicate')}</p> : null}
      <dl className="ree-summary">
        <dt>{t('admin.accepted')}</dt>
        <dd data-testid="accepted">{number.format(batch.accepted)}</dd>
        <dt>{t('admin.rejected')}</dt>
        <dd data-testid="rejected">{number.format(batch.rejected)}</dd>
        <dt>{t('admin.warnings')}</dt>
        <dd data-testid="warnings">{number.format(batch.warnings)}</dd>
        <dt>{t('admin.fileErrors')}</dt>
        <dd>{number.format(batch.fileErrors)}</dd>
      </dl>
      {batch.status === 'staging' ? <p role="status">{t('admin.staging')}</p> : null}
      {batch.status === 'validated' ? (
        <>
          {batch.stale ? <p role="status">{t('admin.stale')}</p> : null}
          {batch.accepted === 0 && !batch.stale ? <p>{t('admin.nothingToApply')}</p> : null}
          <ImportDecision
            batchId={batch.id}
            canApply={batch.accepted > 0 && !batch.stale}
            labels={{
              apply: t('admin.applyRows', { count: number.format(batch.accepted) }),
              discard: t('admin.discard'),
              working: t('admin.applying'),
              ...decided,
            }}
          />
        </>
      ) : null}
      {batch.status === 'applied' ? (
        <p role="status">
          {t('admin.applied', { when: batch.appliedAt ? date.format(batch.appliedAt) : '' })}
        </p>
      ) : null}
      {batch.status === 'discarded' ? <p role="status">{t('admin.discarded')}</p> : null}
      {batch.status === 'failed' ? (
        <>
          <p role="status">{t('admin.failed')}</p>
          <ImportDecision
            batchId={batch.id}
            canApply={false}
            labels={{ apply: '', discard: t('admin.discard'), working: t('admin.applying'), ...decided }}
          />
        </>
      ) : null}
      <nav className="controls" aria-label={t('admin.severity')}>
        <a href={link()} aria-current={query.severity ? undefined : 'page'}>
          {t('admin.issuesOfKind', { kind: t('admin.allIssues'), count: number.format(found) })}
        </a>
        <a href={link('error')} aria-current={query.severity === 'error' ? 'page' : undefined}>
          {t('admin.issuesOfKind', {
            kind: t('admin.severity.error'),
            count: number.format(counts.error),
          })}
        </a>
        <a href={link('warning')} aria-current={query.severity === 'warning' ? 'page' : undefined}>
          {t('admin.issuesOfKind', {
            kind: t('admin.severity.warning'),
            count: number.format(counts.warning),
          })}
        </a>
      </nav>
      {shown < found ? (
        <p>{t('admin.listedOnly', { listed: number.format(shown), total: number.format(found) })}</p>
      ) : null}
      {issues.length === 0 ? (
        <p>{t('admin.noIssues')}</p>
      ) : (
        <div className="ree-table-wrap">
          <DataTable
            caption={t('admin.report', { file: batch.fileName })}
            rows={issues.map((issue, i) => ({ ...issue, n: i }))}
            rowKey={(issue) => String(issue.n)}
            rowClassName={(issue) => (issue.severity === 'error' ? 'ree-row--error' : 'ree-row--warning')}
            columns={[
              {
                header: t('admin.severity'),
                cell: (issue) =>
                  t(issue.severity === 'error' ? 'admin.severity.error' : 'admin.severity.warning'),
              },
              { header: t('admin.file'), cell: (issue) => issue.file },
              { header: t('admin.line'), cell: (issue) => issue.line ?? '–' },
              { header: t('admin.column'), cell: (issue) => issue.column ?? '–' },
              { header: t('admin.message'), cell: (issue) => issue.message },
            ]}
          />
        </div>
      )}
      <Pager
        page={pageInfo.page}
        pageSize={pageInfo.pageSize}
        total={pageInfo.total}
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
