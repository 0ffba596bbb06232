'use client';
// The admin's buttons: each calls one audited API procedure, then re-renders the page from the server.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/trpc-browser';

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { run, error };
}

const ErrorText = ({ error }: { error: string | null }) =>
  error ? (
    <span className="form-error" role="alert">
      {error}
    </span>
  ) : null;

export function NewDraftForm({ labels }: { labels: { label: string; create: string } }) {
  const { run, error } = useAction();
  const [label, setLabel] = useState('');
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => browserApi.datasets.createDraft.mutate({ label, from: 'current' }));
      }}
    >
      <label>
        {labels.label}
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          minLength={3}
          maxLength={100}
        />
      </label>
      <button type="submit" className="ree-button ree-button--primary">
        {labels.create}
      </button>
      <ErrorText error={error} />
    </form>
  );
}

export function PublishForm({
  versionId,
  labels,
}: {
  versionId: string;
  labels: { note: string; publish: string };
}) {
  const { run, error } = useAction();
  const [note, setNote] = useState('');
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => browserApi.datasets.publish.mutate({ versionId, note }));
      }}
    >
      <label>
        {labels.note}
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required
          minLength={3}
          maxLength={2000}
        />
      </label>
      <button type="submit" className="ree-button ree-button--secondary">
        {labels.publish}
      </button>
      <ErrorText error={error} />
    </form>
  );
}

export function RollbackButton({ versionId, label }: { versionId: string; label: string }) {
  const { run, error } = useAction();
  return (
    <>
      <button
        type="button"
        className="ree-button ree-button--secondary"
        onClick={() => run(() => browserApi.datasets.rollback.mutate({ versionId }))}
      >
        {label}
      </button>
      <ErrorText error={error} />
    </>
  );
}

export function UserButtons({
  id,
  role,
  disabled,
  labels,
}: {
  id: string;
  role: 'user' | 'admin';
  disabled: boolean;
  labels: Record<'makeAdmin' | 'makeUser' | 'disable' | 'enable', string>;
}) {
  const { run, error } = useAction();
  return (
    <span className="controls">
      <button
        type="button"
        className="ree-button ree-button--secondary"
        onClick={() =>
          run(() => browserApi.users.setRole.mutate({ id, role: role === 'admin' ? 'user' : 'admin' }))
        }
      >
        {role === 'admin' ? labels.makeUser : labels.makeAdmin}
      </button>
      <button
        type="button"
        className="ree-button ree-button--secondary"
        onClick={() => run(() => browserApi.users.setDisabled.mutate({ id, disabled: !disabled }))}
      >
        {disabled ? labels.enable : labels.disable}
      </button>
      <ErrorText error={error} />
    </span>
  );
}
