'use client';
// One row of a draft's table, editable in place. The save names the rowVersion this page was rendered with:
// if another admin saved the row since, the API answers with a conflict, which is shown, never overwritten.
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { TRPCClientError } from '@trpc/client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { browserApi } from '@/lib/trpc-browser';
import { askWith, type ConfirmText, ErrorText } from './actions';
import { useFeedback } from './feedback';

type Value = string | number | boolean | string[] | null;
interface Column {
  header: string;
  key: string;
  type: string;
}

function display(value: Value): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** Form text back to the values the entity's schema expects (empty optional fields left out). */
function toValues(columns: Column[], text: Record<string, string>, flags: Record<string, boolean>) {
  const values: Record<string, unknown> = {};
  for (const col of columns) {
    if (col.type === 'boolean') {
      values[col.key] = flags[col.key] ?? false;
      continue;
    }
    const raw = (text[col.key] ?? '').trim();
    if (col.type === 'list')
      values[col.key] = raw
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (raw === '') continue;
    else values[col.key] = col.type === 'int' || col.type === 'number' ? Number(raw) : raw;
  }
  return values;
}

function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const fields = (error.data as { fieldErrors?: { path: string; message: string }[] | null } | undefined)
      ?.fieldErrors;
    if (fields?.length)
      return fields.map((f) => `${f.path.replace(/^values\./, '')}: ${f.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export function RecordRow({
  versionId,
  entity,
  columns,
  rowKey,
  rowVersion,
  values,
  editable,
  labels,
}: {
  versionId: string;
  entity: string;
  columns: Column[];
  rowKey: Record<string, string | number | boolean>;
  rowVersion: number;
  values: Record<string, Value>;
  editable: boolean;
  labels: {
    edit: string;
    save: string;
    cancel: string;
    delete: string;
    saved: string;
    deleted: string;
    /** Asked before a delete, with {key} for the row's key. */
    confirmDelete: ConfirmText;
  };
}) {
  const router = useRouter();
  const feedback = useFeedback();
  const keyText = Object.values(rowKey).join(' | ');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState<Record<string, string>>({});
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);

  function start() {
    setText(Object.fromEntries(columns.map((c) => [c.key, display(values[c.key] ?? null)])));
    setFlags(Object.fromEntries(columns.map((c) => [c.key, values[c.key] === true])));
    setError(null);
    setEditing(true);
  }

  async function call(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      setEditing(false);
      feedback.done(done);
      router.refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const save = () =>
    call(
      () =>
        browserApi.datasets.updateRecord.mutate({
          versionId,
          entity,
          key: rowKey,
          rowVersion,
          values: toValues(columns, text, flags),
        } as Parameters<typeof browserApi.datasets.updateRecord.mutate>[0]),
      labels.saved,
    );
  const remove = () =>
    call(
      () =>
        browserApi.datasets.deleteRecord.mutate({
          versionId,
          entity: entity as Parameters<typeof browserApi.datasets.deleteRecord.mutate>[0]['entity'],
          key: rowKey,
          rowVersion,
        }),
      labels.deleted.replace('{key}', keyText),
    );

  return (
    <tr data-key={keyText}>
      {columns.map((col) => (
        <td key={col.key}>
          {editing ? (
            col.type === 'boolean' ? (
              <input
                type="checkbox"
                aria-label={col.header}
                checked={flags[col.key] ?? false}
                onChange={(e) => setFlags({ ...flags, [col.key]: e.target.checked })}
              />
            ) : (
              <input
                aria-label={col.header}
                type={col.type === 'int' || col.type === 'number' ? 'number' : 'text'}
                step="any"
                value={text[col.key] ?? ''}
                onChange={(e) => setText({ ...text, [col.key]: e.target.value })}
              />
            )
          ) : (
            display(values[col.key] ?? null)
          )}
        </td>
      ))}
      {editable ? (
        <td>
          <span className="controls">
            {editing ? (
              <>
                <button type="button" className="ree-button ree-button--primary" onClick={() => void save()}>
                  {labels.save}
                </button>
                <button
                  type="button"
                  className="ree-button ree-button--secondary"
                  onClick={() => setEditing(false)}
                >
                  {labels.cancel}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="ree-button ree-button--secondary" onClick={start}>
                  {labels.edit}
                </button>
                <ConfirmButton
                  label={labels.delete}
                  {...askWith({
                    ...labels.confirmDelete,
                    title: labels.confirmDelete.title.replace('{key}', keyText),
                  })}
                  onConfirm={() => void remove()}
                />
              </>
            )}
            <ErrorText error={error} />
          </span>
        </td>
      ) : null}
    </tr>
  );
}
