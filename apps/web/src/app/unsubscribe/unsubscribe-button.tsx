'use client';
import { useHydrated } from '@ree/ui/confirm-dialog';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc-react';

export function UnsubscribeButton({
  token,
  labels,
}: {
  token: string;
  labels: { confirm: string; done: string };
}) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const unsubscribe = useMutation(trpc.watches.unsubscribe.mutationOptions());
  return (
    <>
      <button
        type="button"
        className="ree-button ree-button--primary"
        disabled={!hydrated || unsubscribe.isPending || unsubscribe.isSuccess}
        onClick={() => unsubscribe.mutate({ token })}
      >
        {labels.confirm}
      </button>
      <p role="status">{unsubscribe.isSuccess ? labels.done : null}</p>
      <p role="alert" className="form-error">
        {unsubscribe.error?.message}
      </p>
    </>
  );
}
