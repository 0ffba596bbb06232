'use client';
// The scenario editor: every edit re-runs the domain's month-by-month simulation in the browser (timed), Monte
// Carlo runs in a Web Worker, and saving sends the same input to the API, which re-runs it with the same code.
import '@/lib/zod-without-eval';
import {
  type DisruptionResult,
  type RiskResult,
  SCENARIO_LIMITS,
  ScenarioInput,
  SHOCK_PRESETS,
  type Shock,
  simulateDisruption,
} from '@ree/domain';
import { DownloadCsvButton, DownloadPngButton } from '@ree/ui/downloads';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import SeriesChart from '@/components/charts/series-chart';
import { browserApi } from '@/lib/trpc-browser';

type Input = ScenarioInput & { shocks: Shock[] };
export interface FacilityChoice {
  id: string;
  name: string;
  country: string;
  capacityPerYear: number | null;
}

export interface EditorProps {
  id: string | null;
  name: string;
  notes: string;
  input: Input;
  readOnly: boolean;
  shared: boolean;
  datasetVersion: string;
  newerVersion: { id: string; label: string } | null;
  indexUnits: boolean;
  facilities: FacilityChoice[];
  labels: Record<string, string>;
  locale: string;
}

function fmt(value: number | null | undefined, locale: string, digits = 1) {
  return value === null || value === undefined
    ? '–'
    : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export default function ScenarioEditor(props: EditorProps) {
  const L = (key: string, params: Record<string, string | number> = {}) =>
    (props.labels[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  const router = useRouter();
  const [name, setName] = useState(props.name);
  const [notes, setNotes] = useState(props.notes);
  const [input, setInput] = useState<Input>(props.input);
  const [shared, setShared] = useState(props.shared);
  const [status, setStatus] = useState<string | null>(null);
  const disabled = props.readOnly;

  // Validation with the domain's own schema; messages are shown next to the fields they name.
  const parsed = useMemo(() => ScenarioInput.safeParse(input), [input]);
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= issue.message;
    return out;
  }, [parsed]);

  const { result, ms } = useMemo((): { result: DisruptionResult | null; ms: number | null } => {
    if (!parsed.success) return { result: null, ms: null };
    const started = performance.now();
    const r = simulateDisruption({
      ...parsed.data.baseline,
      shocks: parsed.data.shocks,
      scoreInput: parsed.data.scoreInput,
    });
    return { result: r, ms: performance.now() - started };
  }, [parsed]);

  // Monte Carlo in a worker, debounced so typing stays smooth.
  const worker = useRef<Worker | null>(null);
  const [risk, setRisk] = useState<{ result: RiskResult; ms: number } | null>(null);
  const [riskRunning, setRiskRunning] = useState(false);
  useEffect(() => {
    worker.current = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (event: MessageEvent<{ result?: RiskResult; ms?: number }>) => {
      setRiskRunning(false);
      if (event.data.result && event.data.ms !== undefined)
        setRisk({ result: event.data.result, ms: event.data.ms });
    };
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (!parsed.success) return;
    const timer = setTimeout(() => {
      setRiskRunning(true);
      worker.current?.postMessage({
        id: Date.now(),
        input: {
          baseline: parsed.data.baseline,
          shocks: parsed.data.shocks,
          wgi: parsed.data.wgi,
          samples: parsed.data.monteCarlo.samples,
          seed: parsed.data.monteCarlo.seed,
        },
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [parsed]);

  const set = (change: (draft: Input) => void) =>
    setInput((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
  const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  const fieldError = (path: string) =>
    errors[path] ? (
      <span className="form-error" role="alert">
        {errors[path]}
      </span>
    ) : null;

  async function save() {
    if (!parsed.success) return;
    setStatus(null);
    try {
      if (props.id) {
        await browserApi.scenarios.update.mutate({ id: props.id, input });
        await browserApi.scenarios.rename.mutate({ id: props.id, name, notes });
        setStatus(L('scenario.saved'));
        router.refresh();
      } else {
        const created = await browserApi.scenarios.create.mutate({ name, notes, input });
        router.push(`/scenarios/${created.id}`);
      }
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  }

  // Re-running on a newer dataset: a fresh baseline from the current data, the analyst's shocks kept, and a list
  // of what changed — nothing is saved until they choose to.
  const [changes, setChanges] = useState<string[] | null>(null);
  async function rerunOnNewData() {
    const fresh = await browserApi.scenarios.baseline.query({
      consumer: input.consumer as string,
      material: input.material,
      stage: input.stage,
    });
    const next: Input = {
      ...input,
      baseline: {
        ...fresh.input.baseline,
        partnersFirst: input.baseline.partnersFirst,
        months: input.baseline.months,
      },
      wgi: fresh.input.wgi,
      scoreInput: fresh.input.scoreInput,
    };
    const lines: string[] = [];
    const before = new Map(input.baseline.suppliers.map((x) => [x.id, x.supplyPerYear]));
    const after = new Map(next.baseline.suppliers.map((x) => [x.id, x.supplyPerYear]));
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(id) !== after.get(id))
        lines.push(`${id}: ${fmt(before.get(id), props.locale)} → ${fmt(after.get(id), props.locale)}`);
    }
    if (input.baseline.demandPerYear !== next.baseline.demandPerYear)
      lines.push(
        `${L('scenario.demand')}: ${fmt(input.baseline.demandPerYear, props.locale)} → ${fmt(next.baseline.demandPerYear, props.locale)}`,
      );
    if ((input.baseline.stockpileDays ?? 0) !== (next.baseline.stockpileDays ?? 0))
      lines.push(
        `${L('scenario.stockpile')}: ${input.baseline.stockpileDays ?? 0} → ${next.baseline.stockpileDays ?? 0}`,
      );
    const checked = ScenarioInput.safeParse(next);
    if (result && checked.success) {
      const rerun = simulateDisruption({
        ...checked.data.baseline,
        shocks: checked.data.shocks,
        scoreInput: checked.data.scoreInput,
      });
      lines.push(
        `${L('scenario.shortfall')}: ${fmt(result.totals.shortfall, props.locale)} → ${fmt(rerun.totals.shortfall, props.locale)}`,
      );
      lines.push(
        `${L('scenario.scoreAfter')}: ${fmt(result.scoreAfter?.score, props.locale, 0)} → ${fmt(rerun.scoreAfter?.score, props.locale, 0)}`,
      );
    }
    setInput(next);
    setChanges(lines);
  }

  /** Reads a file written by "Export JSON": the same schema checks it, so what loads is exactly what was saved. */
  async function importJson(file: File | undefined) {
    if (!file) return;
    try {
      const data = JSON.parse(await file.text()) as { name?: unknown; notes?: unknown; input?: unknown };
      const checked = ScenarioInput.parse(data.input);
      setInput({ ...(data.input as Input), shocks: checked.shocks });
      if (typeof data.name === 'string') setName(data.name);
      if (typeof data.notes === 'string') setNotes(data.notes);
      setStatus(null);
    } catch (error) {
      setStatus(
        L('scenario.importError', {
          message: error instanceof Error ? error.message.slice(0, 300) : String(error),
        }),
      );
    }
  }

  const suppliers = input.baseline.suppliers;
  // The schema refuses more shocks than the limit: stop offering to add one there.
  const shocksFull = input.shocks.length >= SCENARIO_LIMITS.shocks;
  const exportJson = () => {
    const blob = new Blob([JSON.stringify({ name, notes, input }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name || 'scenario'}.json`;
    a.click();
  };

  return (
    <div className="scenario">
      {props.readOnly ? <p role="status">{L('scenario.readOnly')}</p> : null}
      {props.newerVersion && !props.readOnly ? (
        <p role="status">
          {L('scenario.newer', { label: props.newerVersion.label })}{' '}
          <button type="button" className="ree-button ree-button--secondary" onClick={rerunOnNewData}>
            {L('scenario.rerun')}
          </button>
        </p>
      ) : null}
      {changes ? (
        <div role="status">
          {changes.length === 0 ? (
            <p>{L('scenario.unchanged')}</p>
          ) : (
            <>
              <p>{L('scenario.changed')}</p>
              <ul>
                {changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {props.indexUnits ? <p className="hint">{L('scenario.unitIndex')}</p> : null}
      <fieldset disabled={disabled}>
        <div className="controls">
          <label>
            {L('scenario.name')}
            <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {L('scenario.notes')}
            <input value={notes} maxLength={5000} onChange={(e) => setNotes(e.target.value)} />
          </label>
        </div>
        <h2>{L('scenario.baseline')}</h2>
        <div className="controls">
          <label>
            {L('scenario.demand')}
            <input
              type="number"
              min={0}
              step="any"
              value={Number.isNaN(input.baseline.demandPerYear) ? '' : input.baseline.demandPerYear}
              onChange={(e) =>
                set((d) => {
                  d.baseline.demandPerYear = num(e.target.value);
                })
              }
            />
            {fieldError('baseline.demandPerYear')}
          </label>
          <label>
            {L('scenario.stockpile')}
            <input
              type="number"
              min={0}
              step="any"
              value={input.baseline.stockpileDays ?? 0}
              onChange={(e) =>
                set((d) => {
                  d.baseline.stockpileDays = num(e.target.value);
                })
              }
            />
            {fieldError('baseline.stockpileDays')}
          </label>
          <label>
            {L('scenario.months')}
            <input
              type="number"
              min={1}
              max={SCENARIO_LIMITS.months}
              value={input.baseline.months ?? 12}
              onChange={(e) =>
                set((d) => {
                  d.baseline.months = num(e.target.value);
                })
              }
            />
            {fieldError('baseline.months')}
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={input.baseline.partnersFirst ?? false}
              onChange={(e) =>
                set((d) => {
                  d.baseline.partnersFirst = e.target.checked;
                })
              }
            />
            {L('scenario.partnersFirst')}
          </label>
          <label>
            {L('scenario.samples')}
            <input
              type="number"
              min={SCENARIO_LIMITS.minSamples}
              max={SCENARIO_LIMITS.maxSamples}
              value={input.monteCarlo?.samples ?? 10000}
              onChange={(e) =>
                set((d) => {
                  d.monteCarlo = { samples: num(e.target.value), seed: d.monteCarlo?.seed ?? 1 };
                })
              }
            />
            {fieldError('monteCarlo.samples')}
          </label>
          <label>
            {L('scenario.seed')}
            <input
              type="number"
              min={0}
              value={input.monteCarlo?.seed ?? 1}
              onChange={(e) =>
                set((d) => {
                  d.monteCarlo = { samples: d.monteCarlo?.samples ?? 10000, seed: num(e.target.value) };
                })
              }
            />
            {fieldError('monteCarlo.seed')}
          </label>
        </div>
        <div className="ree-table-wrap">
          <table className="ree-table">
            <caption>{L('scenario.baseline')}</caption>
            <thead>
              <tr>
                <th scope="col">{L('scenario.supplier')}</th>
                <th scope="col">{L('scenario.supply')}</th>
                <th scope="col">{L('scenario.spare')}</th>
                <th scope="col">{L('scenario.partner')}</th>
              </tr>
            </thead>
            <tbody>
              {suppliers.map((s, i) => (
                <tr key={s.id}>
                  <th scope="row">{s.id}</th>
                  <td>
                    <input
                      aria-label={`${s.id} ${L('scenario.supply')}`}
                      type="number"
                      min={0}
                      step="any"
                      value={s.supplyPerYear}
                      onChange={(e) =>
                        set((d) => {
                          const x = d.baseline.suppliers[i];
                          if (x) x.supplyPerYear = num(e.target.value);
                        })
                      }
                    />
                    {fieldError(`baseline.suppliers.${i}.supplyPerYear`)}
                  </td>
                  <td>
                    <input
                      aria-label={`${s.id} ${L('scenario.spare')}`}
                      type="number"
                      min={0}
                      step="any"
                      value={s.spareCapacityPerYear ?? 0}
                      onChange={(e) =>
                        set((d) => {
                          const x = d.baseline.suppliers[i];
                          if (x) x.spareCapacityPerYear = num(e.target.value);
                        })
                      }
                    />
                    {fieldError(`baseline.suppliers.${i}.spareCapacityPerYear`)}
                  </td>
                  <td>
                    <input
                      aria-label={`${s.id} ${L('scenario.partner')}`}
                      type="checkbox"
                      checked={s.partner ?? false}
                      onChange={(e) =>
                        set((d) => {
                          const x = d.baseline.suppliers[i];
                          if (x) x.partner = e.target.checked;
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{L('scenario.shocks')}</h2>
        <div className="controls">
          <button
            type="button"
            className="ree-button ree-button--secondary"
            disabled={shocksFull}
            onClick={() =>
              set((d) => {
                d.shocks.push(SHOCK_PRESETS.embargo2010());
              })
            }
          >
            {L('scenario.preset2010')}
          </button>
          <button
            type="button"
            className="ree-button ree-button--secondary"
            disabled={shocksFull}
            onClick={() =>
              set((d) => {
                d.shocks.push(SHOCK_PRESETS.licensing2025());
              })
            }
          >
            {L('scenario.preset2025')}
          </button>
          <button
            type="button"
            className="ree-button ree-button--secondary"
            disabled={shocksFull}
            onClick={() =>
              set((d) => {
                d.shocks.push({
                  kind: 'exportCut',
                  supplier: suppliers[0]?.id ?? 'CHN',
                  fraction: 1,
                  startMonth: 0,
                  months: 3,
                });
              })
            }
          >
            {L('scenario.addCut')}
          </button>
          <button
            type="button"
            className="ree-button ree-button--secondary"
            disabled={shocksFull}
            onClick={() =>
              set((d) => {
                d.shocks.push({ kind: 'demandSurge', fraction: 0.2, startMonth: 0, months: 6 });
              })
            }
          >
            {L('scenario.addSurge')}
          </button>
          {props.facilities.length > 0 ? (
            <label>
              {L('scenario.addOutage')}
              <select
                value=""
                disabled={shocksFull}
                onChange={(e) => {
                  const f = props.facilities.find((x) => x.id === e.target.value);
                  if (f)
                    set((d) => {
                      d.shocks.push({
                        kind: 'facilityOutage',
                        facility: f.id,
                        supplier: f.country,
                        lostPerYear: f.capacityPerYear ?? 0,
                        startMonth: 0,
                        months: 3,
                      });
                    });
                }}
              >
                <option value="">{L('scenario.facility')}…</option>
                {props.facilities.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.country})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {fieldError('shocks')}
        <ol className="shock-list">
          {input.shocks.map((shock, i) => (
            <li key={i} className="controls">
              <strong>
                {shock.kind === 'exportCut'
                  ? L('scenario.addCut').replace(/^\S+\s/, '')
                  : shock.kind === 'facilityOutage'
                    ? shock.facility
                    : L('scenario.addSurge').replace(/^\S+\s/, '')}
              </strong>
              {shock.kind !== 'demandSurge' ? (
                <label>
                  {L('scenario.supplier')}
                  <select
                    value={shock.supplier}
                    onChange={(e) =>
                      set((d) => {
                        const s = d.shocks[i];
                        if (s && s.kind !== 'demandSurge') s.supplier = e.target.value;
                      })
                    }
                  >
                    {[...new Set([...suppliers.map((s) => s.id), shock.supplier])].map((id) => (
                      <option key={id}>{id}</option>
                    ))}
                  </select>
                  {fieldError(`shocks.${i}.supplier`)}
                </label>
              ) : null}
              {shock.kind === 'facilityOutage' ? (
                <label>
                  {L('scenario.lost')}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={shock.lostPerYear}
                    onChange={(e) =>
                      set((d) => {
                        const s = d.shocks[i];
                        if (s?.kind === 'facilityOutage') s.lostPerYear = num(e.target.value);
                      })
                    }
                  />
                  {fieldError(`shocks.${i}.lostPerYear`)}
                </label>
              ) : (
                <label>
                  {shock.kind === 'exportCut' ? L('scenario.cut') : L('scenario.surge')}
                  <input
                    type="number"
                    step="any"
                    value={Math.round(shock.fraction * 10000) / 100}
                    onChange={(e) =>
                      set((d) => {
                        const s = d.shocks[i];
                        if (s && s.kind !== 'facilityOutage') s.fraction = num(e.target.value) / 100;
                      })
                    }
                  />
                  {fieldError(`shocks.${i}.fraction`)}
                </label>
              )}
              <label>
                {L('scenario.start')}
                <input
                  type="number"
                  min={0}
                  max={SCENARIO_LIMITS.months - 1}
                  value={shock.startMonth}
                  onChange={(e) =>
                    set((d) => {
                      const s = d.shocks[i];
                      if (s) s.startMonth = num(e.target.value);
                    })
                  }
                />
                {fieldError(`shocks.${i}.startMonth`)}
              </label>
              <label>
                {L('scenario.duration')}
                <input
                  type="number"
                  min={1}
                  max={SCENARIO_LIMITS.months}
                  value={shock.months}
                  onChange={(e) =>
                    set((d) => {
                      const s = d.shocks[i];
                      if (s) s.months = num(e.target.value);
                    })
                  }
                />
                {fieldError(`shocks.${i}.months`)}
              </label>
              <button
                type="button"
                className="ree-button ree-button--secondary"
                onClick={() =>
                  set((d) => {
                    d.shocks.splice(i, 1);
                  })
                }
              >
                {L('scenario.remove')}
              </button>
            </li>
          ))}
        </ol>
      </fieldset>

      <h2>{L('scenario.results')}</h2>
      {!result ? (
        <p role="alert">{L('scenario.fix')}</p>
      ) : (
        <section aria-live="polite">
          <p
            className="hint"
            data-testid="compute-ms"
            data-ms={ms ?? ''}
            data-result={JSON.stringify(result)}
          >
            {L('scenario.computed', { ms: fmt(ms, props.locale, 2) })}
          </p>
          <div className="grid">
            <div className="score-card">
              <div>{L('scenario.shortfall')}</div>
              <div className="score-card__value" data-testid="total-shortfall">
                {fmt(result.totals.shortfall, props.locale)}
              </div>
            </div>
            <div className="score-card">
              <div>{L('scenario.fromStockpile')}</div>
              <div className="score-card__value">{fmt(result.totals.fromStockpile, props.locale)}</div>
            </div>
            <div className="score-card">
              <div>{L('scenario.cover')}</div>
              <div className="score-card__value" data-testid="months-of-cover">
                {result.monthsOfCover === null
                  ? L('scenario.noGap')
                  : fmt(result.monthsOfCover, props.locale, 2)}
              </div>
            </div>
            <div className="score-card">
              <div>
                {L('scenario.scoreBefore')} → {L('scenario.scoreAfter')}
              </div>
              <div className="score-card__value">
                {fmt(result.scoreBefore?.score, props.locale, 0)} →{' '}
                {fmt(result.scoreAfter?.score, props.locale, 0)}
              </div>
            </div>
          </div>
          <div
            id="scenario-series-chart"
            role="img"
            aria-label={`${L('scenario.supplied')}, ${L('scenario.fromStockpile')}, ${L('scenario.shortfall')}: ${result.series.map((m) => `${m.month + 1}: ${fmt(m.shortfall, props.locale)}`).join('; ')}`}
          >
            <SeriesChart
              series={result.series}
              labels={{
                supplied: L('scenario.supplied'),
                fromStockpile: L('scenario.fromStockpile'),
                shortfall: L('scenario.shortfall'),
              }}
              locale={props.locale}
            />
          </div>
          <div className="ree-figure__actions">
            <DownloadCsvButton
              label="CSV"
              filename={`${name || 'scenario'}-series.csv`}
              doc={{
                title: name || 'scenario',
                sources: [],
                datasetVersion: props.datasetVersion,
                headers: ['month', 'demand', 'supplied', 'from_stockpile', 'shortfall', 'stockpile_left'],
                rows: result.series.map((m) => [
                  m.month + 1,
                  m.demand,
                  m.supplied,
                  m.fromStockpile,
                  m.shortfall,
                  m.stockpileLeft,
                ]),
              }}
            />
            <DownloadPngButton
              label="PNG"
              targetId="scenario-series-chart"
              filename={`${name || 'scenario'}.png`}
              provenance={{
                title: `${name || 'scenario'}: ${input.consumer} · ${input.material} · ${input.stage}`,
                caption: L('scenario.pngCaption', { version: props.datasetVersion }),
              }}
            />
            <button type="button" className="ree-button ree-button--secondary" onClick={exportJson}>
              {L('scenario.exportJson')}
            </button>
            {!disabled ? (
              <label className="ree-button ree-button--secondary">
                {L('scenario.importJson')}
                <input
                  type="file"
                  accept="application/json,.json"
                  className="visually-hidden"
                  onChange={(e) => importJson(e.target.files?.[0])}
                />
              </label>
            ) : null}
          </div>
        </section>
      )}

      <h2>
        {L('scenario.monteCarlo', {
          samples: input.monteCarlo?.samples ?? 10000,
          seed: input.monteCarlo?.seed ?? 1,
        })}
      </h2>
      {riskRunning && !risk ? <p role="status">{L('scenario.mcRunning')}</p> : null}
      {risk ? (
        <div aria-live="polite">
          <p
            className="hint"
            data-testid="mc-rate"
            data-rate={risk.result.samples / (risk.ms / 1000)}
            data-result={JSON.stringify(risk.result)}
            data-seed={risk.result.seed}
          >
            {L('scenario.mcSpeed', { rate: fmt(risk.result.samples / (risk.ms / 1000), props.locale, 0) })}
          </p>
          <p className="hint" data-testid="mc-sampling">
            {L(
              risk.result.sampling.shocks > 0 ? 'scenario.mcSamplesShocks' : 'scenario.mcSamplesBackground',
              {
                shocks: risk.result.sampling.shocks,
                depthLow: fmt(risk.result.sampling.depth[0] * 100, props.locale, 0),
                depthHigh: fmt(risk.result.sampling.depth[1] * 100, props.locale, 0),
                durationLow: fmt(risk.result.sampling.duration[0] * 100, props.locale, 0),
                durationHigh: fmt(risk.result.sampling.duration[1] * 100, props.locale, 0),
                minCut: fmt(risk.result.sampling.background.minCut * 100, props.locale, 0),
                maxMonths: risk.result.sampling.background.maxMonths,
              },
            )}
          </p>
          <ul>
            <li>
              {L('scenario.p50')}: {fmt(risk.result.p50, props.locale)}
            </li>
            <li>
              {L('scenario.p95')}: {fmt(risk.result.p95, props.locale)}
            </li>
            <li>
              {L('scenario.es')}: {fmt(risk.result.expectedShortfall, props.locale)}
            </li>
            <li>
              {L('scenario.probability')}: {fmt(risk.result.probabilityOfShortfall * 100, props.locale)} %
            </li>
            <li>
              {L('scenario.drivers')}:{' '}
              {risk.result.drivers
                .map((d) => `${d.supplier} ${fmt(d.share * 100, props.locale, 0)} %`)
                .join(', ')}
            </li>
          </ul>
        </div>
      ) : null}

      {!props.readOnly ? (
        <div className="controls">
          <button
            type="button"
            className="ree-button ree-button--primary"
            onClick={save}
            disabled={!parsed.success || name.trim() === ''}
          >
            {L('scenario.save')}
          </button>
          {props.id ? (
            <>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={shared}
                  onChange={async (e) => {
                    setShared(e.target.checked);
                    if (props.id)
                      await browserApi.scenarios.share.mutate({ id: props.id, shared: e.target.checked });
                  }}
                />
                {L('scenario.share')}
              </label>
              <button
                type="button"
                className="ree-button ree-button--secondary"
                onClick={async () => {
                  if (props.id)
                    router.push(
                      `/scenarios/${(await browserApi.scenarios.duplicate.mutate({ id: props.id })).id}`,
                    );
                }}
              >
                {L('scenario.duplicate')}
              </button>
              <button
                type="button"
                className="ree-button ree-button--secondary"
                onClick={async () => {
                  if (props.id) {
                    await browserApi.scenarios.delete.mutate({ id: props.id });
                    router.push('/scenarios');
                  }
                }}
              >
                {L('scenario.delete')}
              </button>
            </>
          ) : null}
          {status ? <span role="status">{status}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
