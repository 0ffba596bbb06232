'use client';
// The admin's choice after reading a validation report: apply every valid row (one transaction) or none.
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
  return (
    <div className="controls">
      {canApply ? (
        <button
          type="button"
          className="ree-button ree-button--primary"
          disabled={busy}
          onClick={() => run(() => browserApi.imports.applyRows.mutate({ batchId }))}
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
