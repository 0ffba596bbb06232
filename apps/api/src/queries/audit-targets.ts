// What an audit event's target is called: a dataset version by its label, a user by their e-mail. The log keeps
// ids (they never change); the names are looked up when the log is read, so a renamed or deleted thing still shows.
import type { Db } from '../db/client.ts';

export interface TargetName {
  kind: 'version' | 'user';
  label: string;
}

type Event = { action: string; target: string | null; before: unknown };

/** A deleted draft is no longer in the database: its label is in the event's own "before". */
function labelKeptInEvent(event: Event): string | null {
  if (event.action !== 'dataset.delete-draft') return null;
  const before = event.before as { label?: unknown } | null;
  return typeof before?.label === 'string' ? before.label : null;
}

/** The name of each event's target, by target id (targets that are neither a version nor a user are left out). */
export async function targetNames(db: Db, events: Event[]): Promise<Map<string, TargetName>> {
  const ids = [...new Set(events.map((e) => e.target).filter((t): t is string => t !== null))];
  if (!ids.length) return new Map();
  const [versions, users] = await Promise.all([
    db.datasetVersion.findMany({ where: { id: { in: ids } }, select: { id: true, label: true } }),
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }),
  ]);
  const names = new Map<string, TargetName>();
  for (const event of events) {
    const label = event.target ? labelKeptInEvent(event) : null;
    if (event.target && label) names.set(event.target, { kind: 'version', label });
  }
  for (const v of versions) names.set(v.id, { kind: 'version', label: v.label });
  for (const u of users) names.set(u.id, { kind: 'user', label: u.email });
  return names;
}
