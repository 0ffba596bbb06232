'use client';
// The form for a new watch: what to watch for, then only the fields that kind needs. The option lists come from
// the server (the domain's materials, stages, elements; the dataset's countries), so this bundle stays small.
import { useHydrated } from '@ree/ui/confirm-dialog';
import { useState } from 'react';
import type { RouterInputs } from '@/lib/api-types';
import { label, type WatchLabels } from './watch-text';

export type NewWatch = RouterInputs['watches']['create'];
type Kind = NewWatch['kind'];
type Material = Extract<NewWatch, { kind: 'hhi_above' }>['material'];
type Stage = Extract<NewWatch, { kind: 'hhi_above' }>['stage'];
type ElementSymbol = Extract<NewWatch, { kind: 'new_export_control' }>['element'];

export interface WatchOptions {
  materials: readonly Material[];
  stages: readonly { value: Stage; name: string }[];
  elements: readonly ElementSymbol[];
  countries: readonly { iso3: string; name: string }[];
}

const KINDS: readonly Kind[] = ['score_below', 'hhi_above', 'new_export_control'];

export function WatchForm({
  labels,
  options,
  busy,
  onCreate,
}: {
  labels: WatchLabels;
  options: WatchOptions;
  busy: boolean;
  onCreate: (watch: NewWatch) => void;
}) {
  const [kind, setKind] = useState<Kind>('score_below');
  const [consumer, setConsumer] = useState('JPN');
  const [material, setMaterial] = useState<Material>('NdPr');
  const [stage, setStage] = useState<Stage>('separation');
  const [element, setElement] = useState<ElementSymbol>('Dy');
  const [threshold, setThreshold] = useState('50');
  // Until hydrated the form would submit as a plain GET and lose what was chosen.
  const hydrated = useHydrated();
  const pickKind = (next: Kind) => {
    setKind(next);
    if (next === 'hhi_above') setThreshold('2500');
    if (next === 'score_below') setThreshold('50');
  };
  const submit = () => {
    const value = Number(threshold);
    if (kind === 'new_export_control') onCreate({ kind, element });
    else if (kind === 'hhi_above') onCreate({ kind, material, stage, threshold: value });
    else onCreate({ kind, consumer, material, stage, threshold: value });
  };
  return (
    <form
      className="controls"
      aria-label={label(labels, 'watches.new')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        {label(labels, 'watches.kind')}
        <select value={kind} onChange={(e) => pickKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {label(labels, `watches.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'score_below' ? (
        <label>
          {label(labels, 'watches.consumer')}
          <select value={consumer} onChange={(e) => setConsumer(e.target.value)}>
            {options.countries.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind === 'new_export_control' ? (
        <label>
          {label(labels, 'watches.element')}
          <select value={element} onChange={(e) => setElement(e.target.value as ElementSymbol)}>
            {options.elements.map((el) => (
              <option key={el}>{el}</option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            {label(labels, 'watches.material')}
            <select value={material} onChange={(e) => setMaterial(e.target.value as Material)}>
              {options.materials.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label>
            {label(labels, 'watches.stage')}
            <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              {options.stages.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {label(labels, 'watches.threshold')}
            <input
              type="number"
              inputMode="decimal"
              required
              min={0}
              max={kind === 'hhi_above' ? 10_000 : 100}
              step="any"
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              aria-describedby="watch-threshold-hint"
            />
            <small id="watch-threshold-hint">{label(labels, `watches.thresholdHint.${kind}`)}</small>
          </label>
        </>
      )}
      <button type="submit" className="ree-button ree-button--primary" disabled={busy || !hydrated}>
        {label(labels, 'watches.create')}
      </button>
    </form>
  );
}
