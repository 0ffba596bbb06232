// The loop that runs import jobs inside an API process: claim one (queue.ts), run it while a timer renews its
// lease, record how it ended, repeat; when the queue is empty, wait a poll interval or until woken (an upload on
// this instance wakes it at once). One job at a time per process: validation holds the event loop in bursts, and
// on PGlite the database itself runs in this process.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  type ClaimedJob,
  type ClaimScope,
  claimJob,
  finishJob,
  type Outcome,
  type Progress,
  RENEW_EVERY_MS,
  recoverExpiredJobs,
  releaseJob,
  reportProgress,
} from './queue.ts';

/** What a job's code gets: its row, and a way to report progress that says when to stop. */
export interface JobContext {
  job: ClaimedJob;
  workerId: string;
  /** Records progress and renews the lease; throws JobStoppedError once the job is cancelled or lost. */
  progress(p: Progress): Promise<void>;
}

export type JobHandler = (db: Db, context: JobContext) => Promise<Omit<Outcome, 'state'>>;

/**
 * Why a job stopped before its end: cancelled by an admin, taken back after its lease lapsed, or its process is
 * stopping (the job goes back to the queue, to be run afresh by another instance or the next start).
 */
export class JobStoppedError extends Error {
  constructor(readonly reason: 'cancelled' | 'lost' | 'stopping') {
    super(
      reason === 'cancelled'
        ? 'Cancelled.'
        : reason === 'lost'
          ? 'This worker no longer holds the job.'
          : 'The server is stopping.',
    );
    this.name = 'JobStoppedError';
  }
}

export interface WorkerOptions {
  /** How long an idle worker waits before looking at the queue again. */
  pollMs?: number;
  /** Called with what a job threw that is not an admin's problem, for the log. */
  onError?: (error: unknown, job: ClaimedJob) => void;
  /** Turns what a handler threw into the message the admin reads. */
  messageOf?: (error: unknown) => string;
  /** Only jobs of this draft or kind (tests); default any. */
  scope?: ClaimScope;
}

export class ImportWorker {
  readonly id = `${process.pid}-${randomUUID()}`;
  private running = false;
  /** Set by stop(): the job in hand gives up at its next progress write. */
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly handler: JobHandler,
    private readonly options: WorkerOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Looks at the queue now rather than at the end of the poll interval. */
  notify(): void {
    this.wake?.();
  }

  /**
   * Stops claiming; the job in hand stops at its next progress write (undoing what it staged) and goes back to the
   * queue. An apply already inside its transaction finishes it.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.notify();
    await this.loop;
  }

  /** Claims and runs one job; false when there was none. Exposed for tests that step the worker. */
  async runOnce(): Promise<boolean> {
    await recoverExpiredJobs(this.db);
    const job = await claimJob(this.db, this.id, this.options.scope);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOnce();
      } catch {
        // The database was unreachable for a moment: the next poll tries again.
      }
      if (worked || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const renew = setInterval(() => {
      reportProgress(this.db, job.id, this.id).catch(() => {});
    }, RENEW_EVERY_MS);
    renew.unref();
    const context: JobContext = {
      job,
      workerId: this.id,
      progress: async (p) => {
        if (this.stopping) throw new JobStoppedError('stopping');
        const lease = await reportProgress(this.db, job.id, this.id, p);
        if (!lease.held) throw new JobStoppedError('lost');
        if (lease.cancelRequested) throw new JobStoppedError('cancelled');
      },
    };
    let outcome: Outcome;
    try {
      outcome = { state: 'succeeded', ...(await this.handler(this.db, context)) };
    } catch (error) {
      if (error instanceof JobStoppedError && error.reason === 'lost') return;
      if (error instanceof JobStoppedError && error.reason === 'stopping') {
        await releaseJob(this.db, job.id, this.id).catch(() => {});
        return;
      }
      if (error instanceof JobStoppedError) outcome = { state: 'cancelled', batchId: null };
      else {
        this.options.onError?.(error, job);
        const message = this.options.messageOf?.(error) ?? 'The import failed.';
        outcome = { state: 'failed', error: message };
      }
    } finally {
      clearInterval(renew);
    }
    await finishJob(this.db, job.id, this.id, outcome).catch((error: unknown) =>
      this.options.onError?.(error, job),
    );
  }
}
