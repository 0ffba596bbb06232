// The draft as a JSON file and back: "Import JSON" reads a file written by "Export JSON" through the same
// schema, so what loads is exactly what was saved.
import { ScenarioInput } from '@ree/domain';
import { z } from 'zod';
import type { Say } from './labels';
import type { DraftForm, DraftValues } from './use-scenario-draft';

/** The file's envelope: name and notes are kept when they are text; the input must pass the domain's schema. */
const DraftFileContents = z.object({
  name: z.string().optional().catch(undefined),
  notes: z.string().optional().catch(undefined),
  input: ScenarioInput,
});

export function DraftFile({
  form,
  values,
  canImport,
  onStatus,
  say,
}: {
  form: DraftForm;
  values: DraftValues;
  canImport: boolean;
  onStatus: (message: string | null) => void;
  say: Say;
}) {
  const exportJson = () => {
    const { name, notes, input } = values;
    const blob = new Blob([JSON.stringify({ name, notes, input }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name || 'scenario'}.json`;
    a.click();
  };
  async function importJson(file: File | undefined) {
    if (!file) return;
    try {
      const data = DraftFileContents.parse(JSON.parse(await file.text()));
      const current = form.getValues();
      form.reset({ name: data.name ?? current.name, notes: data.notes ?? current.notes, input: data.input });
      onStatus(null);
    } catch (error) {
      onStatus(
        say('scenario.importError', {
          message: error instanceof Error ? error.message.slice(0, 300) : String(error),
        }),
      );
    }
  }
  return (
    <>
      <button type="button" className="ree-button ree-button--secondary" onClick={exportJson}>
        {say('scenario.exportJson')}
      </button>
      {canImport ? (
        <label className="ree-button ree-button--secondary">
          {say('scenario.importJson')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => importJson(e.target.files?.[0])}
          />
        </label>
      ) : null}
    </>
  );
}
