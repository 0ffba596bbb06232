import { notFound } from 'next/navigation';
import { ImportJobProgress, type JobLabels } from '@/components/admin/import-job-progress';
import { getT, titled } from '@/i18n/server';
import { requireAdmin, serverApi } from '@/lib/api-server';
import { attempt } from '@/lib/attempt';

export const generateMetadata = titled('job.pageTitle');

export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/imports/jobs/${id}`);
  const { t, locale } = await getT();
  const result = await attempt((await serverApi()).imports.job.query({ jobId: id }));
  if (!result.ok) notFound();
  const job = result.data;
  const apply = job.kind === 'apply';
  const labels: JobLabels = {
    state: {
      queued: t('job.state.queued'),
      running: t(apply ? 'job.apply.running' : 'job.state.running'),
      succeeded: t(apply ? 'job.apply.succeeded' : 'job.state.succeeded'),
      failed: t('job.state.failed'),
      cancelled: t('job.state.cancelled'),
    },
    rowsRead: t('job.rowsRead'),
    rowsApplied: t('job.rowsApplied'),
    rowsValidated: t('job.rowsValidated'),
    bytes: t('job.bytes'),
    rate: t('job.rate'),
    timeLeft: t('job.timeLeft'),
    cancel: t('job.cancel'),
    cancelling: t('job.cancelling'),
    cancelled: t(apply ? 'job.apply.cancelled' : 'job.cancelled'),
    report: t('job.report'),
  };
  return (
    <main id="main">
      <p>
        <a href={`/admin/versions/${job.versionId}`}>← {t('admin.backToVersion')}</a>
      </p>
      <h1>{t(apply ? 'job.title.apply' : 'job.title.validate', { file: job.fileName })}</h1>
      <ImportJobProgress initial={job} labels={labels} locale={locale} />
    </main>
  );
}
