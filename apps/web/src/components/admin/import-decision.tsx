'use client';
// The admin's choice after reading a validation report: apply every valid row (one transaction) or none. Both ask
// first: applying replaces draft rows, and discarding cannot be undone (the file must be uploaded again). A refused apply (the draft changed
// meanwhile, someone else applied it) re-reads the page, so its status shows beside the alert. The apply runs as a
// background job: the page of that job follows it, then comes back here once it is done.
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/lib/trpc-react';
import { askWith, type ConfirmText } from './actions';
import { useAdminMutation } from './admin-mutation';

export function ImportDecision({
  batchId,
  canApply,
  labels,
}: {
  batchId: string;
  canApply: boolean;
  labels: {
    apply: string;
    discard: string;
    working: string;
    applied: string;
    discarded: string;
    confirmDiscard: ConfirmText;
    confirmApply: ConfirmText;
  };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const apply = useAdminMutation(trpc.imports.queueApply.mutationOptions(), labels.working, ({ jobId }) =>
    router.push(`/admin/imports/jobs/${jobId}`),
  );
  const discard = useAdminMutation(trpc.imports.discard.mutationOptions(), labels.discarded);
  const busy = apply.isPending || discard.isPending;
  return (
    <div className="controls">
      {canApply ? (
        <ConfirmButton
          label={apply.isPending ? labels.working : labels.apply}
          variant="primary"
          disabled={busy}
          {...askWith(labels.confirmApply)}
          onConfirm={() => apply.mutate({ batchId })}
        />
      ) : null}
      <ConfirmButton
        label={labels.discard}
        disabled={busy}
        {...askWith(labels.confirmDiscard)}
        onConfirm={() => discard.mutate({ batchId })}
      />
    </div>
  );
}
