// The current published version id, kept per database client once a change feed is attached: a hot read then
// needs no query to know which version it is about. Publish and roll-back send a 'version' event in their
// transaction (dataset-versions.ts makeCurrent), which drops it on every instance; while the feed is down the
// lookup always queries.
import type { ChangeFeed } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import type { VersionRef } from './versions.ts';

interface Slot {
  feed: ChangeFeed;
  value: Promise<VersionRef> | null;
  /** Bumped on every drop, so a lookup that started before an event never stores its (older) answer. */
  generation: number;
}

const slots = new WeakMap<Db, Slot>();

/** Keeps `db`'s current version id until `feed` says it changed. Returns the detach function. */
export function attachCurrentVersionCache(db: Db, feed: ChangeFeed): () => void {
  const slot: Slot = { feed, value: null, generation: 0 };
  const drop = () => {
    slot.value = null;
    slot.generation++;
  };
  slots.set(db, slot);
  const unsubscribe = feed.subscribe({ event: (e) => e.kind === 'version' && drop(), reset: drop });
  return () => {
    unsubscribe();
    if (slots.get(db) === slot) slots.delete(db);
  };
}

/** The cached current version when a healthy feed is attached, else whatever `load` says (then kept if safe). */
export function currentVersionVia(db: Db, load: () => Promise<VersionRef>): Promise<VersionRef> {
  const slot = slots.get(db);
  if (!slot?.feed.healthy) return load();
  if (slot.value) return slot.value;
  const generation = slot.generation;
  const value = load();
  slot.value = value;
  value.then(
    () => {
      if (slot.generation !== generation && slot.value === value) slot.value = null;
    },
    () => {
      if (slot.value === value) slot.value = null;
    },
  );
  return value;
}
