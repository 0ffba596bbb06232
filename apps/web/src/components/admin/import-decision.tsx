'use client';
// The admin's choice after reading a validation report: apply every valid row (one transaction) or none.
import { useRouter } from 'next/navigation';
import { browserApi } from '@/lib/trpc-browser';
import { ErrorText, useAction } from './actions';

export function ImportDecision({
  batchId,
  canApply,
  labels,
}: {
  batchId: string;
  canApply: boolean;
  labels: { apply: string; discard: string; working: string };
}) {
  const { run, error, busy } = useAction();
  const router = useRouter();
  // A refused apply (the draft changed meanwhile, someone else applied it) re-reads the page, so its status shows.
  const apply = () =>
    browserApi.imports.applyRows.mutate({ batchId }).catch((e: unknown) => {
      router.refresh();
      throw e;
    });
  return (
    <div className="controls">
      {canApply ? (
        <button
          type="button"
          className="ree-button ree-button--primary"
          disabled={busy}
          onClick={() => run(apply)}
        >
          {busy ? labels.working : labels.apply}
        </button>
      ) : null}
      <button
        type="button"
        className="ree-button ree-button--secondary"
        disabled={busy}
        onClick={() => run(() => browserApi.imports.discard.mutate({ batchId }))}
      >
        {labels.discard}
      </button>
      <ErrorText error={error} />
    </div>
  );
}
