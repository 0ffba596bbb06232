// Load shedding: past a number of requests in flight, or while the event loop lags, the API answers at once with
// 503 and Retry-After instead of queueing work it cannot finish in time; one client holding too many requests in
// flight gets 429. A refusal costs no database work, so an overloaded API keeps answering quickly.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { TRPCError } from '@trpc/server';

export interface LoadShedOptions {
  /** Requests in flight at once, across all clients; the next one gets 503. */
  maxInflight: number;
  /** Requests in flight at once for one client (its session, or its address when signed out); the next gets 429. */
  maxInflightPerClient: number;
  /** Mean event-loop delay (ms) above which new requests get 503: over the window so far, or the last whole one. */
  maxEventLoopDelayMs: number;
  /** How often the event-loop delay is sampled (ms). */
  sampleEveryMs?: number;
  /**
   * Lag sheds only with at least this many requests in flight (default 12: one dashboard render alone makes about
   * ten calls at once). With fewer, a late loop means a slow machine (CI, a noisy neighbour), not too much work:
   * refusing a lone visitor's page would not make it faster.
   */
  minInflightToShedOnLag?: number;
}

/** Seconds a refused client is told to wait (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

export type Admission =
  | { admitted: true; release: () => void }
  | { admitted: false; status: 503 | 429; message: string };

export interface LoadShedder {
  /** `clientKey` null: a request of no known client, held only to the overall limits. */
  admit(clientKey: string | null): Admission;
  /** What the shedder sees now, for logs and tests. */
  state(): { inflight: number; eventLoopDelayMs: number; lagging: boolean };
  close(): void;
}

export function createLoadShedder(options: LoadShedOptions): LoadShedder {
  const perClient = new Map<string, number>();
  let inflight = 0;

  // The histogram records the time between ticks of a 10 ms timer; its mean is the lag new requests would meet.
  // It is reset each window so one slow moment does not count for the rest of the process's life, and the last
  // whole window's mean is kept: a stall is acted on at once and for at least one window after.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const windowMean = () => (histogram.count > 0 ? histogram.mean / 1e6 : 0);
  let lastWindowMs = 0;
  const sampler = setInterval(() => {
    lastWindowMs = windowMean();
    histogram.reset();
  }, options.sampleEveryMs ?? 500);
  sampler.unref();

  const eventLoopDelayMs = () => Math.max(lastWindowMs, windowMean());
  const lagging = () => eventLoopDelayMs() > options.maxEventLoopDelayMs;

  return {
    admit(clientKey) {
      const lagShed = inflight >= (options.minInflightToShedOnLag ?? 12) && lagging();
      if (inflight >= options.maxInflight || lagShed) {
        return {
          admitted: false,
          status: 503,
          message: 'The portal is busy right now; please try again in a moment.',
        };
      }
      const mine = clientKey === null ? 0 : (perClient.get(clientKey) ?? 0);
      if (mine >= options.maxInflightPerClient) {
        return {
          admitted: false,
          status: 429,
          message: `Too many requests at once from you (limit ${options.maxInflightPerClient}); wait for some to finish.`,
        };
      }
      inflight++;
      if (clientKey !== null) perClient.set(clientKey, mine + 1);
      let released = false;
      return {
        admitted: true,
        release() {
          if (released) return;
          released = true;
          inflight--;
          if (clientKey === null) return;
          const left = (perClient.get(clientKey) ?? 1) - 1;
          if (left > 0) perClient.set(clientKey, left);
          else perClient.delete(clientKey);
        },
      };
    },
    state: () => ({ inflight, eventLoopDelayMs: eventLoopDelayMs(), lagging: lagging() }),
    close() {
      clearInterval(sampler);
      histogram.disable();
    },
  };
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?[\w.-]*session_token=([^;]+)/;

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Who a request counts against: its session (the session cookie; cheap, no database look-up, and the same for
 * every request of one signed-in user's session), else the client's address. A signed-out request from loopback
 * that names no client (the web server rendering a page for a visitor it does not forward) is no one in
 * particular: null, so all such visitors do not share one client's limit.
 */
export function clientKey(req: IncomingMessage, ip: string): string | null {
  const session = SESSION_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  if (session) return `session:${session}`;
  return LOOPBACK.test(ip) ? null : `ip:${ip}`;
}

export type Refusal = { status: 503 | 429; message: string };

/**
 * Admits the request (null), or says why not. An admitted request gives its place back when its response ends
 * or its client goes away. The caller answers a refusal: `refuseForNow` for plain JSON, or `refusalAsTrpcError`
 * on /trpc, so the portal's tRPC client reads it as an error it knows rather than an unreadable answer.
 */
export function admitRequest(
  shedder: LoadShedder,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string,
): Refusal | null {
  const admission = shedder.admit(clientKey(req, ip));
  if (!admission.admitted) return admission;
  res.once('close', admission.release);
  return null;
}

export function refusalAsTrpcError(refusal: Refusal): TRPCError {
  const code = refusal.status === 503 ? 'SERVICE_UNAVAILABLE' : 'TOO_MANY_REQUESTS';
  return new TRPCError({ code, message: refusal.message });
}

/** A "not now" answer: the status, a JSON {error} and how long to wait. */
export function refuseForNow(res: ServerResponse, status: 429 | 503, message: string): void {
  res.statusCode = status;
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: message }));
}
