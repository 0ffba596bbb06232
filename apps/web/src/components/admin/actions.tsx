'use client';
// The admin's buttons: each calls one audited API procedure, then re-renders the page from the server.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/trpc-browser';

export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await call();
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy };
}

export const ErrorText = ({ error }: { error: string | null }) =>
  error ? (
    <span className="form-error" role="alert">
      {error}
    </span>
  ) : null;

export function NewDraftForm({
  labels,
}: {
  labels: { label: string; create: string; from: string; fromCurrent: string; fromEmpty: string };
}) {
  const { run, error } = useAction();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState<'current' | 'empty'>('current');
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => browserApi.datasets.createDraft.mutate({ label, from }));
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
      <label>
        {labels.from}
        <select value={from} onChange={(e) => setFrom(e.target.value === 'empty' ? 'empty' : 'current')}>
          <option value="current">{labels.fromCurrent}</option>
          <option value="empty">{labels.fromEmpty}</option>
        </select>
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
  labels: Record<'makeAdmin' | 'makeUser' | 'disable' | 'enable' | 'forceReset', string>;
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
      <button
        type="button"
        className="ree-button ree-button--secondary"
        onClick={() => run(() => browserApi.users.forcePasswordReset.mutate({ id }))}
      >
        {labels.forceReset}
      </button>
      <ErrorText error={error} />
    </span>
  );
}
