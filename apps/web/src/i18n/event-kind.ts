import { type Translate, translateValue } from './translate';

const KIND_PREFIX = {
  policy: 'policyKind',
  partnership: 'partnerRole',
  investment: 'investmentType',
} as const;

/**
 * A timeline event's type and kind in the page's language ("policy · export-control" → "政策 · 輸出管理").
 * @example eventKind(t, 'policy', 'embargo')
 */
export function eventKind(t: Translate, type: string, kind: string): string {
  const prefix = Object.hasOwn(KIND_PREFIX, type) ? KIND_PREFIX[type as keyof typeof KIND_PREFIX] : null;
  const kindText = prefix ? translateValue(t, prefix, kind) : kind;
  return `${translateValue(t, 'eventType', type)} · ${kindText}`;
}

/** Only the kind, for tables that show the type elsewhere. */
export function eventKindOnly(t: Translate, type: keyof typeof KIND_PREFIX, kind: string): string {
  return translateValue(t, KIND_PREFIX[type], kind);
}
