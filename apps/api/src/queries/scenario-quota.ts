import type { Db } from '../db/client.ts';
import { ConflictError } from '../errors.ts';

/**
 * The most scenarios one account may keep. Each is at most a few hundred KB (SCENARIO_LIMITS bounds the input and
 * so the result), so one account holds at most tens of MB; the list shows this many, so none is ever hidden.
 */
export const MAX_SCENARIOS_PER_USER = 200;

/**
 * Refuses (CONFLICT) to save another scenario for a user who has the most already. Checked before the simulation
 * runs, so a full account costs no work; concurrent saves can pass it together, but only as many as the user's
 * simulation quota lets run at once.
 */
export async function assertRoomForScenario(db: Db, ownerId: string): Promise<void> {
  const saved = await db.scenario.count({ where: { ownerId } });
  if (saved >= MAX_SCENARIOS_PER_USER)
    throw new ConflictError(
      `You have ${MAX_SCENARIOS_PER_USER} saved scenarios, the most one account may keep: delete some first.`,
    );
}
