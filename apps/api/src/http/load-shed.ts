// Load shedding: past a number of requests in flight, or while the event loop lags, the API answers at once with
// 503 and Retry-After instead of queueing work it cannot finish in time; one client holding too many requests in
// flight gets 429. A refusal costs no database work, so an overloaded API keeps answering quickly.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadShedOptions {
  /** Requests in flight at once, across all clients; the next one gets 503. */
  maxInflight: number;
  /** Requests in flight at once for one client (its session, or its address when signed out); the next gets 429. */
  maxInflightPerClient: number;
  /** Mean event-loop delay (ms) over the last sample window above which new requests get 503. */
  maxEventLoopDelayMs: number;
  /** How often the event-loop delay is sampled (ms). */
  sampleEveryMs?: number;
}

/** Seconds a refused client is told to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; status: 503 | 429; message: string };

export interface LoadShedder {
  admit(clientKey: string): Admission;
  /** What the shedder sees now, for logs and tests. */
  state(): { inflight: number; eventLoopDelayMs: number; lagging: boolean };
  close(): void;
}

export function createLoadShedder(options: LoadShedOptions): LoadShedder {
  const perClient = new Map<string, number>();
  let inflight = 0;
  let eventLoopDelayMs = 0;

  // The histogram records how late a timer fired; its mean over each window is the lag new requests would meet.
  // Reset each window so one slow moment does not shed for the rest of the process's life.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const sampler = setInterval(() => {
    eventLoopDelayMs = histogram.count > 0 ? histogram.mean / 1e6 : 0;
    histogram.reset();
  }, options.sampleEveryMs ?? 500);
  sampler.unref();

  const lagging = () => eventLoopDelayMs > options.maxEventLoopDelayMs;

  return {
    admit(clientKey) {
      if (inflight >= options.maxInflight || lagging()) {
        return {
          admitted: false,
          status: 503,
          message: 'The portal is busy right now; please try again in a moment.',
        };
      }
      const mine = perClient.get(clientKey) ?? 0;
      if (mine >= options.maxInflightPerClient) {
        return {
          admitted: false,
          status: 429,
          message: `Too many requests at once from you (limit ${options.maxInflightPerClient}); wait for some to finish.`,
        };
      }
      inflight++;
      perClient.set(clientKey, mine + 1);
      let released = false;
      return {
        admitted: true,
        release() {
          if (released) return;
          released = true;
          inflight--;
          const left = (perClient.get(clientKey) ?? 1) - 1;
          if (left > 0) perClient.set(clientKey, left);
          else perClient.delete(clientKey);
        },
      };
    },
    state: () => ({ inflight, eventLoopDelayMs, lagging: lagging() }),
    close() {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?[\w.-]*session_token=([^;]+)/;

/**
 * Who a request counts against: its session (the session cookie; cheap, no database look-up, and the same for
 * every request of one signed-in user's session), else the client's address.
 */
export function clientKey(req: IncomingMessage, ip: string): string {
  const session = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  return session ? `session:${session}` : `ip:${ip}`;
}

/**
 * Admits the request or answers it at once (503/429, JSON {error}, Retry-After). Returns true when it answered.
 * An admitted request gives its place back when its response ends or its client goes away.
 */
export function shedIfOverloaded(
  shedder: LoadShedder,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string,
): boolean {
  const admission = shedder.admit(clientKey(req, ip));
  if (admission.admitted) {
    res.once('close', admission.release);
    return false;
  }
  refuseForNow(res, admission.status, admission.message);
  return true;
}

/** A "not now" answer: the status, a JSON {error} and how long to wait. */
export function refuseForNow(res: ServerResponse, status: 429 | 503, message: string): void {
  res.statusCode = status;
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: message }));
}
