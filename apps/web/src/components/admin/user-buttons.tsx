'use client';
// One user's row of buttons: role, disable/enable, forced password reset. Each that takes power away or ends
// sessions asks first (enabling does not); each says what it did in the page's status line.
import { Button } from '@ree/ui';
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useTRPC } from '@/lib/trpc-react';
import { askWith, type ConfirmText } from './actions';
import { useAdminMutation } from './admin-mutation';

export function UserButtons({
  id,
  role,
  disabled,
  labels,
}: {
  id: string;
  role: 'user' | 'admin';
  disabled: boolean;
  labels: Record<
    | 'makeAdmin'
    | 'makeUser'
    | 'disable'
    | 'enable'
    | 'forceReset'
    | 'madeAdmin'
    | 'madeUser'
    | 'disabled'
    | 'enabled'
    | 'resetForced',
    string
  > & { confirmDisable: ConfirmText; confirmRole: ConfirmText; confirmForceReset: ConfirmText };
}) {
  const trpc = useTRPC();
  const setRole = useAdminMutation(trpc.users.setRole.mutationOptions(), (u) =>
    u.role === 'admin' ? labels.madeAdmin : labels.madeUser,
  );
  const setDisabled = useAdminMutation(trpc.users.setDisabled.mutationOptions(), (u) =>
    u.disabled ? labels.disabled : labels.enabled,
  );
  const forceReset = useAdminMutation(trpc.users.forcePasswordReset.mutationOptions(), labels.resetForced);
  const busy = setRole.isPending || setDisabled.isPending || forceReset.isPending;
  return (
    <span className="controls">
      <ConfirmButton
        label={role === 'admin' ? labels.makeUser : labels.makeAdmin}
        disabled={busy}
        {...askWith(labels.confirmRole)}
        onConfirm={() => setRole.mutate({ id, role: role === 'admin' ? 'user' : 'admin' })}
      />
      {disabled ? (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => setDisabled.mutate({ id, disabled: false })}
        >
          {labels.enable}
        </Button>
      ) : (
        <ConfirmButton
          label={labels.disable}
          disabled={busy}
          {...askWith(labels.confirmDisable)}
          onConfirm={() => setDisabled.mutate({ id, disabled: true })}
        />
      )}
      <ConfirmButton
        label={labels.forceReset}
        disabled={busy}
        {...askWith(labels.confirmForceReset)}
        onConfirm={() => forceReset.mutate({ id })}
      />
    </span>
  );
}
