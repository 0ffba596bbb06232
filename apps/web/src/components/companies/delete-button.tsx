'use client';
// Deleting a company mix asks first (its rows go with it), then goes back to the list, read again from the server.
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/lib/trpc-react';

export interface DeleteLabels {
  delete: string;
  title: string;
  message: string;
  cancel: string;
}

/** Needs an ApiQueryProvider above it (the page has one). */
export function DeleteCompanyButton({ id, labels }: { id: string; labels: DeleteLabels }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(
    trpc.companies.delete.mutationOptions({
      onSuccess: () => {
        router.push('/companies');
        router.refresh();
      },
    }),
  );
  return (
    <>
      <ConfirmButton
        label={labels.delete}
        disabled={remove.isPending}
        title={labels.title}
        message={labels.message}
        confirmLabel={labels.delete}
        cancelLabel={labels.cancel}
        onConfirm={() => remove.mutate({ id })}
      />
      {remove.error ? (
        <span className="form-error" role="alert">
          {remove.error.message}
        </span>
      ) : null}
    </>
  );
}
