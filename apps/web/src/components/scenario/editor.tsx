'use client';
// The scenario editor: a draft (react-hook-form, checked by the domain's schema) whose every edit re-runs the
// domain's month-by-month simulation in the browser (timed); Monte Carlo runs in a Web Worker; saving sends the
// same input to the API, which re-runs it with the same code. The parts are one job each, in files beside this.
import '@/lib/zod-without-eval';
import { ScenarioInput } from '@ree/domain';
import type { FigureProps } from '@ree/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ApiQueryProvider, useTRPC } from '@/lib/trpc-react';
import { BaselineFields } from './baseline-fields';
import { DraftFile } from './draft-file';
import { type Labels, sayWith } from './labels';
import { MonteCarloPanel } from './monte-carlo-panel';
import { newDataChanges, onFreshBaseline } from './new-data-changes';
import type { ScenarioProvenance } from './provenance';
import { ResultsPanel } from './results-panel';
import { ScenarioActions } from './scenario-actions';
import type { FacilityChoice } from './shock-adders';
import { ShockList } from './shock-list';
import { useMonteCarlo } from './use-monte-carlo';
import { type DraftInput, useScenarioDraft } from './use-scenario-draft';

export type { FacilityChoice } from './shock-adders';

export interface EditorProps {
  id: string | null;
  name: string;
  notes: string;
  input: DraftInput;
  readOnly: boolean;
  shared: boolean;
  /** The dataset version, base year and sources the baseline was read from. */
  provenance: ScenarioProvenance;
  newerVersion: { id: string; label: string } | null;
  indexUnits: boolean;
  facilities: FacilityChoice[];
  labels: Labels;
  figureLabels: FigureProps['labels'];
  locale: string;
}

export default function ScenarioEditor(props: EditorProps) {
  return (
    <ApiQueryProvider>
      <Editor {...props} />
    </ApiQueryProvider>
  );
}

function Editor(props: EditorProps) {
  const say = sayWith(props.labels);
  const { locale } = props;
  const draft = useScenarioDraft({ name: props.name, notes: props.notes, input: props.input });
  const { form, values, checked, result, ms, fieldError } = draft;
  const monteCarlo = useMonteCarlo(checked);
  const [provenance, setProvenance] = useState(props.provenance);
  const [status, setStatus] = useState<string | null>(null);

  // Re-running on a newer dataset: a fresh baseline from the current data, the analyst's shocks kept, and a list
  // of what changed — nothing is saved until they choose to.
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<string[] | null>(null);
  async function rerunOnNewData() {
    const current = ScenarioInput.safeParse(values.input);
    if (!current.success) return setStatus(say('scenario.fix'));
    const { consumer, material, stage } = current.data;
    // A company mix's scenario has the mix's id as its consumer: its fresh baseline is the mix's again.
    const whose = z.uuid().safeParse(consumer).success ? { company: consumer } : { consumer };
    const fresh = await queryClient.fetchQuery(
      trpc.scenarios.baseline.queryOptions({ ...whose, material, stage }),
    );
    const next = onFreshBaseline(current.data, fresh.input);
    setChanges(newDataChanges(current.data, next, say, locale));
    form.reset({ ...form.getValues(), input: next });
    setProvenance({ datasetVersion: fresh.datasetVersion, year: fresh.year, sources: fresh.sources });
  }

  return (
    <div className="scenario">
      {props.readOnly ? <p role="status">{say('scenario.readOnly')}</p> : null}
      {props.newerVersion && !props.readOnly ? (
        <p role="status">
          {say('scenario.newer', { label: props.newerVersion.label })}{' '}
          <button type="button" className="ree-button ree-button--secondary" onClick={rerunOnNewData}>
            {say('scenario.rerun')}
          </button>
        </p>
      ) : null}
      {changes ? (
        <div role="status">
          {changes.length === 0 ? (
            <p>{say('scenario.unchanged')}</p>
          ) : (
            <>
              <p>{say('scenario.changed')}</p>
              <ul>
                {changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {props.indexUnits ? <p className="hint">{say('scenario.unitIndex')}</p> : null}
      <fieldset disabled={props.readOnly}>
        <div className="controls">
          <label>
            {say('scenario.name')}
            <input maxLength={200} {...form.register('name')} />
          </label>
          <label>
            {say('scenario.notes')}
            <input maxLength={5000} {...form.register('notes')} />
          </label>
        </div>
        <BaselineFields form={form} values={values} fieldError={fieldError} say={say} />
        <ShockList
          form={form}
          values={values}
          facilities={props.facilities}
          fieldError={fieldError}
          say={say}
        />
      </fieldset>

      <ResultsPanel
        name={values.name}
        checked={checked}
        result={result}
        ms={ms}
        provenance={provenance}
        indexUnits={props.indexUnits}
        figureLabels={props.figureLabels}
        extraActions={
          <DraftFile form={form} values={values} canImport={!props.readOnly} onStatus={setStatus} say={say} />
        }
        say={say}
        locale={locale}
      />
      <MonteCarloPanel
        samples={values.input.monteCarlo?.samples}
        seed={values.input.monteCarlo?.seed}
        risk={monteCarlo.risk}
        running={monteCarlo.running}
        say={say}
        locale={locale}
      />
      {!props.readOnly ? (
        <ScenarioActions
          id={props.id}
          name={values.name}
          notes={values.notes}
          checked={checked}
          baselineVersion={provenance.datasetVersion.id}
          shared={props.shared}
          say={say}
        />
      ) : null}
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}
