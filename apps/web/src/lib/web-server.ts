// The plain node:http server in front of Next's request handler (server.ts wires it up). Three jobs before Next
// sees a request:
// 1. Load shedding: past `maxConcurrent` requests in flight, or while the event loop lags more than
//    `maxEventLoopLagMs` (event-loop-lag.ts), answer 503 with Retry-After at once. Queueing would only make every
//    visitor wait; a quick "busy, try again" lets the browser (or a balancer) decide.
// 2. Say who the client is: X-Forwarded-For from the socket (forwarded-for.ts), with the proxy secret that makes
//    the API believe it. A secret header the browser sent is always replaced or removed.
// 3. A page that failed because the API could not answer goes out as 503/504 with Retry-After, not 500.
// 4. After a burst of load, once nothing is in flight for a while, a full GC gives the memory back (idle-gc.ts).
// 5. A client that goes away mid-upload errors its request stream; that ends the request, never the server.
// 6. Whatever the request target (`GET http://x:99999/`, `GET //[`), shedding it never throws: this runs outside
//    Next, where an exception would end the process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { forwardedFor } from './forwarded-for';
import type { IdleCollector } from './idle-gc';
import { PROXY_SECRET_HEADER } from './proxy-secret';
import { type RequestFailures, withRequestFailures } from './request-failures';
import { unavailableAnswer } from './unavailable';

export interface WebServerOptions {
  /** Next's request handler (or, in tests, any handler). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  trustedProxies: readonly string[];
  /** The secret shared with the API, or undefined while there is none (the API then uses the socket address). */
  proxySecret: () => string | undefined;
  maxConcurrent: number;
  /**
   * The event loop's current lag in ms, and the lag past which new requests are shed (omitted: not watched) —
   * only with at least `minInFlight` (default 4) in flight: with fewer, a late loop means a slow machine, not too
   * much work, and refusing a lone visitor would not make the page faster.
   */
  eventLoopLag?: { ms: () => number; maxMs: number; minInFlight?: number };
  /** Told when requests start and end, to collect garbage once the server falls quiet after load. */
  idle?: IdleCollector;
  /** Reported when a request fails outside Next's own handling. */
  onError?: (error: unknown) => void;
}

/** How long a shed client should wait before trying again, in seconds. */
const RETRY_AFTER_SECONDS = 1;

export function createWebServer(options: WebServerOptions): Server {
  let inFlight = 0;
  return createServer((req, res) => {
    req.on('error', () => {
      // The client went away (ECONNRESET "aborted"); whoever reads the body sees the error in its stream.
    });
    const lag = options.eventLoopLag;
    const lagging = lag !== undefined && inFlight >= (lag.minInFlight ?? 4) && lag.ms() > lag.maxMs;
    if (inFlight >= options.maxConcurrent || lagging) return shed(req, res);
    if (hasBrokenEscape(req.url)) return refuseBrokenTarget(req, res);
    inFlight++;
    options.idle?.started();
    res.once('close', () => {
      inFlight--;
      options.idle?.ended(inFlight);
    });
    req.headers['x-forwarded-for'] = forwardedFor(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      options.trustedProxies,
    );
    const secret = options.proxySecret();
    if (secret) req.headers[PROXY_SECRET_HEADER] = secret;
    else delete req.headers[PROXY_SECRET_HEADER];
    withRequestFailures((failures) => {
      statusFromApiFailures(res, failures);
      return options.handle(req, res);
    }).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal error');
      } else res.destroy();
    });
  });
}

/** A 500 that a failed call to the API caused goes out as that failure's 503/504, with its Retry-After. */
function statusFromApiFailures(res: ServerResponse, failures: RequestFailures): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const failure = status === 500 ? failures.api : undefined;
    if (failure?.retryAfter) this.setHeader('retry-after', String(failure.retryAfter));
    return Reflect.apply(writeHead, this, [failure?.status ?? status, ...rest]);
  } as typeof writeHead;
}

function shed(req: IncomingMessage, res: ServerResponse): void {
  const url = requestTarget(req.url);
  const { headers, body } = unavailableAnswer(
    {
      status: 503,
      message: 'The portal is busy right now. Try again in a moment.',
      retryAfter: RETRY_AFTER_SECONDS,
    },
    url.pathname,
    url.search,
    req.headers.accept ?? null,
  );
  // A request with a body (an upload) is not read: close its connection rather than leave it to drain. Others keep
  // theirs: closing every shed connection under load makes clients reconnect faster than a busy loop accepts, the
  // listen queue overflows and their SYNs wait for TCP's retransmits (measured: 503s taking 15.3 s).
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  res.writeHead(503, hasBody ? { ...headers, connection: 'close' } : headers);
  res.end(body);
}

/**
 * A path whose percent-escapes do not decode (`/countries/%FF`, an escaped lone surrogate): Next decodes route
 * params before any of the portal's code runs and answers those with a bare text 500, which reads as the server
 * failing rather than the link being damaged.
 */
function hasBrokenEscape(target: string | undefined): boolean {
  try {
    decodeURI((target ?? '/').split('?')[0] ?? '/');
    return false;
  } catch {
    return true;
  }
}

function refuseBrokenTarget(req: IncomingMessage, res: ServerResponse): void {
  const message = 'This address is damaged: it has a percent-escape that is not valid UTF-8. Check the link.';
  const html = req.headers.accept?.includes('text/html') && !req.url?.startsWith('/trpc/');
  res.writeHead(400, {
    'cache-control': 'no-store',
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
  });
  res.end(
    html
      ? `<!doctype html><html lang="en"><meta charset="utf-8"><title>Damaged address</title><h1>Damaged address</h1><p>${message}</p><p><a href="/">REE Resilience</a></p></html>`
      : JSON.stringify({ error: message, message }),
  );
}

/** The path and query a shed answer is shaped by; a target no URL can be made of is answered as `/`. */
function requestTarget(target: string | undefined): { pathname: string; search: string } {
  try {
    return new URL(target ?? '/', 'http://web.invalid');
  } catch {
    return { pathname: '/', search: '' };
  }
}
