import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ImportJobProgress, type JobLabels } from '@/components/admin/import-job-progress';
import { getT } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const metadata: Metadata = { title: 'Import progress' };

// English only for now: the translation files are being reworked elsewhere; these move there when that lands.
const LABELS: JobLabels = {
  state: {
    queued: 'Waiting for a worker…',
    running: 'Reading and validating…',
    succeeded: 'Validated: opening the report…',
    failed: 'The import failed; nothing was changed.',
    cancelled: 'Cancelled.',
  },
  rowsRead: 'Rows read',
  rowsApplied: 'Rows applied',
  rowsValidated: 'Rows valid',
  bytes: 'Bytes read',
  rate: 'Rows per second',
  timeLeft: 'Time left',
  cancel: 'Cancel import',
  cancelling: 'Cancelling…',
  cancelled: 'Nothing of this file was staged or applied; the draft is unchanged.',
  report: 'Open the validation report',
};

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/imports/jobs/${id}`);
  const { t, locale } = await getT();
  const result = await attempt((await serverApi()).imports.job.query({ jobId: id }));
  if (!result.ok) notFound();
  const job = result.data;
  const labels: JobLabels =
    job.kind === 'apply'
      ? {
          ...LABELS,
          state: {
            ...LABELS.state,
            running: 'Applying the rows to the draft (one transaction)…',
            succeeded: 'Applied: opening the report…',
          },
          cancelled: 'Cancelled before it started: the draft is unchanged.',
        }
      : LABELS;
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${job.versionId}`}>← {t('admin.backToVersion')}</a>
      </p>
      <h1>{job.kind === 'apply' ? `Applying ${job.fileName}` : `Importing ${job.fileName}`}</h1>
      <ImportJobProgress initial={job} labels={labels} locale={locale} />
    </main>
  );
}
