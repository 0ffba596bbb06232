'use client';
// An import job as it runs: polls its progress (rows read and validated, bytes, rate, time left) every half second
// while it is queued or running, offers Cancel, and opens the validation report once it is done.
import { formatNumber } from '@ree/ui';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { RouterOutputs } from '@/lib/api-types';
import { useTRPC } from '@/lib/trpc-react';
import { useAdminMutation } from './admin-mutation';

type Job = RouterOutputs['imports']['job'];

export interface JobLabels {
  state: Record<Job['state'], string>;
  rowsRead: string;
  rowsApplied: string;
  rowsValidated: string;
  bytes: string;
  rate: string;
  timeLeft: string;
  cancel: string;
  cancelling: string;
  cancelled: string;
  report: string;
}

const active = (job: Job | undefined) => job?.state === 'queued' || job?.state === 'running';

/** Rows a second and seconds left, from what was read since the job started (time left by bytes, not rows). */
function pace(job: Job, now: number) {
  const started = job.startedAt ? new Date(job.startedAt).getTime() : null;
  const seconds = started === null ? 0 : Math.max((now - started) / 1000, 0.001);
  const rate = seconds ? job.rowsRead / seconds : 0;
  const bytesPerSecond = seconds ? job.bytesRead / seconds : 0;
  const left = bytesPerSecond > 0 ? (job.totalBytes - job.bytesRead) / bytesPerSecond : null;
  return { rate, left };
}

export function ImportJobProgress({
  initial,
  labels,
  locale,
}: {
  initial: Job;
  labels: JobLabels;
  locale: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useQuery({
    ...trpc.imports.job.queryOptions(
      { jobId: initial.id },
      { refetchInterval: (query) => (active(query.state.data) ? 500 : false) },
    ),
    initialData: initial,
  });
  const job = data ?? initial;
  const cancel = useAdminMutation(trpc.imports.cancel.mutationOptions(), labels.cancelling);
  const reportHref = job.batchId
    ? `/admin/imports/${job.batchId}${job.duplicate ? '?duplicate=1' : ''}`
    : null;
  useEffect(() => {
    if (job.state === 'succeeded' && reportHref) router.replace(reportHref);
  }, [job.state, reportHref, router]);

  const n = (x: number) => formatNumber(Math.round(x), locale);
  const { rate, left } = pace(job, Date.now());
  return (
    <section aria-live="polite">
      <p role="status" data-testid="job-state">
        {labels.state[job.state]}
      </p>
      {job.totalBytes > 0 ? (
        <progress value={job.bytesRead} max={job.totalBytes} aria-label={labels.bytes} />
      ) : null}
      <dl className="ree-summary">
        {job.kind === 'apply' ? (
          <>
            <dt>{labels.rowsApplied}</dt>
            <dd data-testid="rows-applied">{n(job.rowsApplied)}</dd>
          </>
        ) : null}
        {job.kind === 'validate' ? (
          <>
            <dt>{labels.rowsRead}</dt>
            <dd data-testid="rows-read">{n(job.rowsRead)}</dd>
            <dt>{labels.rowsValidated}</dt>
            <dd data-testid="rows-validated">{n(job.rowsValidated)}</dd>
            <dt>{labels.bytes}</dt>
            <dd>
              {n(job.bytesRead)} / {n(job.totalBytes)}
            </dd>
          </>
        ) : null}
        {active(job) && job.kind === 'validate' ? (
          <>
            <dt>{labels.rate}</dt>
            <dd data-testid="rate">{n(rate)}</dd>
            <dt>{labels.timeLeft}</dt>
            <dd data-testid="time-left">{left === null ? '–' : `${n(Math.ceil(left))} s`}</dd>
          </>
        ) : null}
      </dl>
      {job.error ? <p role="alert">{job.error}</p> : null}
      {job.state === 'cancelled' ? <p>{labels.cancelled}</p> : null}
      {active(job) ? (
        <button
          type="button"
          className="ree-button"
          disabled={cancel.isPending || job.cancelRequested}
          onClick={() => cancel.mutate({ jobId: job.id })}
        >
          {job.cancelRequested ? labels.cancelling : labels.cancel}
        </button>
      ) : null}
      {job.state === 'succeeded' && reportHref ? <a href={reportHref}>{labels.report}</a> : null}
    </section>
  );
}
