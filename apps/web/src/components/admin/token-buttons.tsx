'use client';
// An admin revokes someone's API token: it asks first (scripts using it stop at once), then says what it did.
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useTRPC } from '@/lib/trpc-react';
import { askWith, type ConfirmText } from './actions';
import { useAdminMutation } from './admin-mutation';

export function RevokeTokenButton({
  id,
  labels,
}: {
  id: string;
  labels: { revoke: string; revoked: string; confirm: ConfirmText };
}) {
  const trpc = useTRPC();
  const revoke = useAdminMutation(trpc.tokens.revokeAny.mutationOptions(), labels.revoked);
  return (
    <ConfirmButton
      label={labels.revoke}
      disabled={revoke.isPending}
      {...askWith(labels.confirm)}
      onConfirm={() => revoke.mutate({ id })}
    />
  );
}
