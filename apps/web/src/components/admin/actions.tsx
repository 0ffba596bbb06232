'use client';
// The admin's buttons: each calls one audited API procedure through TanStack Query, asks first when the step cannot
// be undone (publish, make current, delete, disable), then says what happened and re-renders the page.
import { ConfirmButton, ConfirmDialog, useHydrated } from '@ree/ui/confirm-dialog';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc-react';
import { useAdminMutation } from './admin-mutation';

/** What a confirmation dialog says, already in the page's language. */
export interface ConfirmText {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
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
  labels: {
    label: string;
    create: string;
    from: string;
    fromCurrent: string;
    fromEmpty: string;
    /** The status once created, with {label}. */
    created: string;
  };
}) {
  const trpc = useTRPC();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState<'current' | 'empty'>('current');
  // Until hydrated the form would submit as a plain GET and lose what was typed.
  const hydrated = useHydrated();
  const create = useAdminMutation(
    trpc.datasets.createDraft.mutationOptions(),
    (draft) => labels.created.replace('{label}', draft.label),
    () => setLabel(''),
  );
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ label, from });
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
      <button
        type="submit"
        className="ree-button ree-button--primary"
        disabled={create.isPending || !hydrated}
      >
        {labels.create}
      </button>
    </form>
  );
}

/** Publish with a note: the form checks the note, the dialog asks, then the draft becomes the current version. */
export function PublishForm({
  versionId,
  labels,
}: {
  versionId: string;
  labels: { note: string; publish: string; published: string; confirm: ConfirmText };
}) {
  const trpc = useTRPC();
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState(false);
  const hydrated = useHydrated();
  const publish = useAdminMutation(trpc.datasets.publish.mutationOptions(), labels.published);
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        setAsking(true);
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
      <button
        type="submit"
        className="ree-button ree-button--secondary"
        disabled={publish.isPending || !hydrated}
      >
        {labels.publish}
      </button>
      <ConfirmDialog
        open={asking}
        {...askWith(labels.confirm)}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          publish.mutate({ versionId, note });
        }}
      />
    </form>
  );
}

/** The dialog's props for ConfirmButton, from the page's text. */
export const askWith = (confirm: ConfirmText) => ({
  title: confirm.title,
  message: confirm.message,
  confirmLabel: confirm.confirm,
  cancelLabel: confirm.cancel,
});

export function RollbackButton({
  versionId,
  labels,
}: {
  versionId: string;
  labels: { button: string; done: string; confirm: ConfirmText };
}) {
  const trpc = useTRPC();
  const rollback = useAdminMutation(trpc.datasets.rollback.mutationOptions(), labels.done);
  return (
    <ConfirmButton
      label={labels.button}
      disabled={rollback.isPending}
      {...askWith(labels.confirm)}
      onConfirm={() => rollback.mutate({ versionId })}
    />
  );
}

export function DeleteDraftButton({
  versionId,
  rows,
  labels,
}: {
  versionId: string;
  /** The row count the confirmation quotes: the server deletes nothing if the draft has changed since. */
  rows: number;
  labels: { button: string; done: string; confirm: ConfirmText };
}) {
  const trpc = useTRPC();
  const remove = useAdminMutation(trpc.datasets.deleteDraft.mutationOptions(), labels.done);
  return (
    <ConfirmButton
      label={labels.button}
      disabled={remove.isPending}
      {...askWith(labels.confirm)}
      onConfirm={() => remove.mutate({ versionId, expectedRows: rows })}
    />
  );
}
