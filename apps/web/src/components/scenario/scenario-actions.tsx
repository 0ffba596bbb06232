// Saving and the owner's other actions. Saving sends the checked input with the version its baseline was read
// from, so a scenario built "as of" an older version is stamped with that version; the server runs it again.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/lib/trpc-react';
import type { Say } from './labels';
import type { DraftInput } from './use-scenario-draft';

export function ScenarioActions({
  id,
  name,
  notes,
  checked,
  baselineVersion,
  shared: initiallyShared,
  say,
}: {
  /** The saved scenario's id; null for a new one (saving creates it). */
  id: string | null;
  name: string;
  notes: string;
  checked: DraftInput | null;
  /** The id of the dataset version the baseline was read from. */
  baselineVersion: string;
  shared: boolean;
  say: Say;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [shared, setShared] = useState(initiallyShared);
  const [status, setStatus] = useState<string | null>(null);
  const onError = (error: { message: string }) => setStatus(error.message);
  const create = useMutation(
    trpc.scenarios.create.mutationOptions({
      onSuccess: (created) => router.push(`/scenarios/${created.id}`),
      onError,
    }),
  );
  const update = useMutation(trpc.scenarios.update.mutationOptions({ onError }));
  const rename = useMutation(trpc.scenarios.rename.mutationOptions({ onError }));
  const share = useMutation(trpc.scenarios.share.mutationOptions({ onError }));
  const duplicate = useMutation(
    trpc.scenarios.duplicate.mutationOptions({
      onSuccess: (copy) => router.push(`/scenarios/${copy.id}`),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.scenarios.delete.mutationOptions({ onSuccess: () => router.push('/scenarios'), onError }),
  );

  async function save() {
    if (!checked) return;
    setStatus(null);
    if (!id) {
      create.mutate({ name, notes, input: checked, asOf: baselineVersion });
      return;
    }
    try {
      await update.mutateAsync({ id, input: checked, asOf: baselineVersion });
      await rename.mutateAsync({ id, name, notes });
      setStatus(say('scenario.saved'));
      router.refresh();
    } catch {
      // onError has said what went wrong.
    }
  }

  return (
    <div className="controls">
      <button
        type="button"
        className="ree-button ree-button--primary"
        onClick={save}
        disabled={!checked || name.trim() === ''}
      >
        {say('scenario.save')}
      </button>
      {id ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={shared}
              onChange={(e) => {
                setShared(e.target.checked);
                share.mutate({ id, shared: e.target.checked });
              }}
            />
            {say('scenario.share')}
          </label>
          <button
            type="button"
            className="ree-button ree-button--secondary"
            onClick={() => duplicate.mutate({ id })}
          >
            {say('scenario.duplicate')}
          </button>
          <button
            type="button"
            className="ree-button ree-button--secondary"
            onClick={() => remove.mutate({ id })}
          >
            {say('scenario.delete')}
          </button>
        </>
      ) : null}
      {status ? <span role="status">{status}</span> : null}
    </div>
  );
}
