// Runs the alert check after a version becomes current: after the publish (or roll-back) transaction has
// committed, in the background, so the admin's publish never waits on it or fails because of it. The check owed
// is a row that transaction wrote (pending-checks.ts): it goes when the check has run, so a check that failed,
// or whose process died first, is run by the next catch-up (at start and every minute, on any instance). The
// check is idempotent per (watch, version): running it again for a version only adds what is missing.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { VersionRef } from '../queries/versions.ts';
import { composeDigest, pendingDigests } from './digest.ts';
import { raiseAlerts } from './evaluate.ts';
import type { Mailer } from './mailer.ts';
import { alertCheckDone, releaseAlertCheck, takeAlertCheck } from './pending-checks.ts';
import { unsubscribeTokens } from './unsubscribe-token.ts';

export interface AlertServiceOptions {
  db: Db;
  log: Logger;
  /** null: no SMTP configured, alerts stay in the portal. */
  mailer: Mailer | null;
  /** The secret unsubscribe links are signed with (the auth secret). */
  secret: string;
  /** The portal's origin, for the links in e-mails. */
  publicOrigin: string;
}

export interface AlertRun {
  raised: number;
  emailed: number;
}

export class AlertService {
  readonly emailEnabled: boolean;
  private readonly tokens;
  private readonly running = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AlertServiceOptions) {
    this.emailEnabled = options.mailer !== null;
    this.tokens = unsubscribeTokens(options.secret);
  }

  /** Schedules the check `current` owes since it became current; returns at once and never throws. */
  versionChanged(current: VersionRef): void {
    this.schedule(() => this.runOwed(current.id));
  }

  /** Runs every owed check nobody holds (left by a failure or a process that died); resolves with how many ran. */
  async catchUp(): Promise<number> {
    const ran = await this.schedule(async () => {
      let n = 0;
      while (await this.runOwed()) n += 1;
      return n;
    });
    return ran ?? 0;
  }

  /** Catches up now and then every `intervalMs`, until close(). */
  startCatchUp(intervalMs = 60_000): void {
    void this.catchUp();
    this.timer = setInterval(() => void this.catchUp(), intervalMs);
    this.timer.unref();
  }

  /** Takes an owed check (that version's, or the oldest free one), runs it and marks it done; false when none. */
  private async runOwed(versionId?: string): Promise<boolean> {
    const taken = await takeAlertCheck(this.options.db, versionId);
    if (!taken) return false;
    try {
      await this.run(taken.current, taken.previous);
    } catch (error) {
      await releaseAlertCheck(this.options.db, taken.current.id);
      throw error;
    }
    await alertCheckDone(this.options.db, taken.current.id);
    return true;
  }

  /** Runs `work` in the background, logged on failure and awaited by idle(). */
  private schedule<T>(work: () => Promise<T>): Promise<T | undefined> {
    const run = work().catch((error: unknown) => {
      this.options.log.error({ err: error }, 'alert check failed');
      return undefined;
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Resolves when every scheduled check has finished (tests, and shutdown before the database closes). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  /** Checks the watches and sends the digests; throws on a failure to check (a failed e-mail is only logged). */
  async run(current: VersionRef, previous: VersionRef | null): Promise<AlertRun> {
    const { db, log } = this.options;
    const { raised, users, invalid } = await raiseAlerts(db, current, previous);
    if (invalid.length)
      log.error({ versionId: current.id, watches: invalid }, 'watches with invalid parameters');
    const emailed = users.length ? await this.sendDigests(current, users) : 0;
    if (raised) log.info({ versionId: current.id, raised, emailed }, 'alerts raised');
    return { raised, emailed };
  }

  unsubscribeLink(userId: string): string {
    const url = new URL('/unsubscribe', this.options.publicOrigin);
    url.searchParams.set('token', this.tokens.sign(userId));
    return url.toString();
  }

  /** The user an unsubscribe token stands for, or null. */
  unsubscribeUser(token: string): string | null {
    return this.tokens.verify(token);
  }

  close(): void {
    clearInterval(this.timer);
    this.options.mailer?.close();
  }

  private async sendDigests(version: VersionRef, userIds: string[]): Promise<number> {
    const { db, log, mailer, publicOrigin } = this.options;
    if (!mailer) return 0;
    let sent = 0;
    for (const digest of await pendingDigests(db, version.id, userIds)) {
      const mail = composeDigest(digest.email, version, digest.messages, {
        watches: new URL('/watches', publicOrigin).toString(),
        unsubscribe: this.unsubscribeLink(digest.userId),
      });
      if (!mail) continue;
      try {
        await mailer.send(mail);
      } catch (error) {
        // One user's bounced digest must not stop the others'; the alert is still in the portal.
        log.error({ err: error, userId: digest.userId, versionId: version.id }, 'alert e-mail failed');
        continue;
      }
      await db.watchNotification.updateMany({
        where: { id: { in: digest.ids }, emailedAt: null },
        data: { emailedAt: new Date() },
      });
      sent += 1;
    }
    return sent;
  }
}

const defaults = new WeakMap<Db, AlertService>();

/**
 * In-app alerts only, with a secret of its own, one per database: for servers and test callers built without a
 * configured service. One per database, so checks scheduled by different requests are awaited together.
 */
export function defaultAlertService(db: Db, log: Logger): AlertService {
  let service = defaults.get(db);
  if (!service) {
    service = new AlertService({
      db,
      log,
      mailer: null,
      secret: randomBytes(32).toString('base64'),
      publicOrigin: 'http://localhost:3000',
    });
    defaults.set(db, service);
  }
  return service;
}
