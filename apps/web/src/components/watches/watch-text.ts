// A watch and an alert in words, from the page's dictionary (passed down as `labels`), with numbers formatted
// for the locale: scores to one decimal, HHI whole.
import type { RouterOutputs } from '@/lib/api-types';

export type WatchLabels = Record<string, string>;
export type WatchRow = RouterOutputs['watches']['list'][number];
export type AlertRow = RouterOutputs['watches']['notifications'][number];

export const label = (labels: WatchLabels, key: string) => labels[key] ?? key;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

function formatter(locale: string, kind: 'score_below' | 'hhi_above') {
  const digits = kind === 'score_below' ? 1 : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The stage as the dictionary names it (`stages`), else as stored. */
const stageName = (stages: Record<string, string>, stage: string) => stages[stage] ?? stage;

export function describeWatch(
  labels: WatchLabels,
  locale: string,
  stages: Record<string, string>,
  params: WatchRow['params'],
): string {
  const template = label(labels, `watches.describe.${params.kind}`);
  if (params.kind === 'new_export_control') return fill(template, { element: params.element });
  return fill(template, {
    ...params,
    stage: stageName(stages, params.stage),
    threshold: formatter(locale, params.kind).format(params.threshold),
  });
}

export function describeAlert(
  labels: WatchLabels,
  locale: string,
  stages: Record<string, string>,
  message: AlertRow['message'],
): string {
  const template = label(labels, `watches.alert.${message.kind}`);
  if (message.kind === 'new_export_control') {
    const controls = message.controls.map((c) => `${c.title} (${c.country}, ${c.effectiveOn})`).join('; ');
    return fill(template, { element: message.element, controls });
  }
  const f = formatter(locale, message.kind);
  const text = fill(template, {
    consumer: message.kind === 'score_below' ? message.consumer : '',
    material: message.material,
    stage: stageName(stages, message.stage),
    year: message.year,
    threshold: f.format(message.threshold),
    after: f.format(message.after),
  });
  return message.before === null
    ? text
    : `${text} ${fill(label(labels, 'watches.was'), { before: f.format(message.before) })}`;
}
