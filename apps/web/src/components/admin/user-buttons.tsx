'use client';
// One user's row of buttons: role, disable/enable (disabling asks first: it ends their sessions at once), forced
// password reset. Each says what it did in the page's status line.
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
  > & { confirmDisable: ConfirmText };
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
      <Button
        variant="secondary"
        disabled={busy}
        onClick={() => setRole.mutate({ id, role: role === 'admin' ? 'user' : 'admin' })}
      >
        {role === 'admin' ? labels.makeUser : labels.makeAdmin}
      </Button>
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
      <Button variant="secondary" disabled={busy} onClick={() => forceReset.mutate({ id })}>
        {labels.forceReset}
      </Button>
    </span>
  );
}
