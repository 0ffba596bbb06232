// The API's HTTP server: /healthz, better-auth under /api/auth, tRPC under /trpc, admin file transfers under /files,
// the REST API under /api/v1.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import type { Logger } from 'pino';
import type { AlertService } from '../alerts/service.ts';
import { type Auth, CLIENT_IP_HEADER } from '../auth/auth.ts';
import { withRateLimitCode } from '../auth/rate-limit-answer.ts';
import { requestUser, sessionUser } from '../auth/request-user.ts';
import { SessionCache, sessionTokenOf } from '../auth/session-cache.ts';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '../db/busy.ts';
import { type ChangeFeed, changedHere, notifyChange } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { ApiTokenError } from '../errors.ts';
import { attachCurrentVersionCache } from '../queries/current-version.ts';
import type { SimulationPool } from '../simulation/pool.ts';
import { createContextInner, type SessionUser } from '../trpc/context.ts';
import { appRouter } from '../trpc/router.ts';
import { createImportSlot, handleFileRoute } from './files.ts';
import { HotReads } from './hot-reads.ts';
import {
  admitRequest,
  type LoadShedder,
  RETRY_AFTER_SECONDS,
  refusalAsTrpcError,
  refuseForNow,
} from './load-shed.ts';
import { handleRestRoute } from './rest/handler.ts';
import { checkDeclaredBodySize, checkMutationRequest, clientIp, setSecurityHeaders } from './security.ts';

export interface ApiServerOptions {
  db: Db;
  auth: Auth;
  log: Logger;
  trustedOrigins: string[];
  production: boolean;
  maxBodyBytes: number;
  maxBatchSize: number;
  /** Largest upload /files/import accepts (bytes), checked before parsing. */
  maxImportBytes: number;
  /** Where /files/import receives uploads: the data directory's spool/ (see spool.ts). */
  spoolDir: string;
  /** Runs scenario simulations off the request thread; default: one shared pool with default settings. */
  simulations?: SimulationPool;
  /** Shared with the web server, whose X-Forwarded-For is believed only with it (unset: never believed). */
  proxySecret?: string;
  /** Refuses work past the in-flight and event-loop limits (503) or a client's own limit (429). */
  loadShedder?: LoadShedder;
  /** Requests per personal API token per minute, counted in the database (API_TOKEN_RATE_LIMIT). */
  tokenRateLimit?: number;
  /**
   * Hears publishes and revocations from every instance. With it, sessions, the current version and hot read
   * answers are cached (session-cache.ts, hot-reads.ts); without it, every request asks the database.
   */
  changeFeed?: ChangeFeed;
  /** Runs queued import jobs on this instance; uploads wake it. Without one, jobs wait for another instance's. */
  importWorker?: { notify(): void };
  /** Checks watches after each publish and signs unsubscribe links; default: in-app alerts only. */
  alerts?: AlertService;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** Why the request's user could not be known, as tRPC hears it: a refused API token, or a busy database. */
function contextFailure(error: unknown): never {
  if (error instanceof ApiTokenError) {
    const code = error.status === 429 ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED';
    throw new TRPCError({ code, message: error.message, cause: error });
  }
  if (isDatabaseBusy(error))
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_BUSY_MESSAGE });
  throw error;
}

/** Retry-After for a refusal for now: an API token's own wait, or the load shedder's second. */
function retryAfter(errors: readonly TRPCError[]): string | null {
  const token = errors.find((e) => e.cause instanceof ApiTokenError && e.cause.retryAfterSeconds);
  if (token?.cause instanceof ApiTokenError) return String(token.cause.retryAfterSeconds);
  return errors.some((e) => e.code === 'SERVICE_UNAVAILABLE' || e.code === 'TOO_MANY_REQUESTS')
    ? String(RETRY_AFTER_SECONDS)
    : null;
}

export function createApiServer(options: ApiServerOptions): Server {
  const { db, auth, log, trustedOrigins } = options;
  const authFetch = withRateLimitCode(auth.handler);
  const authHandler = toNodeHandler(authFetch);
  // For a request that may end sessions: once better-auth has answered (the sessions are gone from the database)
  // and before the answer is written, this instance forgets the user's cached sessions — the client's next request
  // may come at once, before a NOTIFY sent afterwards could come back.
  const endingHandler = (userId: string) =>
    toNodeHandler(async (request: Request) => {
      const response = await authFetch(request);
      changedHere(db, { kind: 'user', id: userId });
      return response;
    });
  const importSlot = createImportSlot();
  const tokenOptions = options.tokenRateLimit ? { tokenRateLimit: options.tokenRateLimit } : {};
  const feed = options.changeFeed;
  const sessions = feed ? new SessionCache(feed) : null;
  // A request with an Authorization header (an API token) is never cached: its rate limit counts every request.
  const userOf = (req: IncomingMessage) =>
    req.headers.authorization
      ? requestUser(auth, db, req, tokenOptions)
      : sessions
        ? sessions.userFor(req, () => sessionUser(auth, req))
        : sessionUser(auth, req);
  const contextFor = (req: IncomingMessage, user: SessionUser | null, requestId: string) =>
    createContextInner({
      db,
      user,
      log: log.child({ requestId }),
      requestId,
      ip: clientIp(req, options.proxySecret),
      maxImportBytes: options.maxImportBytes,
      ...(options.simulations ? { simulations: options.simulations } : {}),
      ...(options.alerts ? { alerts: options.alerts } : {}),
    });
  // A refusal for now (busy, a token past its limit, too much in flight) tells the client when to come back.
  const responseMeta = ({ errors }: { errors: TRPCError[] }) => {
    const wait = retryAfter(errors);
    return wait ? { headers: { 'Retry-After': wait } } : {};
  };
  const onErrorOf =
    (requestId: string) =>
    ({ error, path }: { error: TRPCError; path?: string | undefined }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        log.error({ requestId, path, err: error }, 'procedure failed');
    };
  const requestIds = new WeakMap<IncomingMessage, string>();
  const hot = feed
    ? new HotReads({
        db,
        feed,
        // The miss path: tRPC itself, through its Fetch adapter, so the kept bytes are exactly what it sends.
        answer: (req, url, user) =>
          fetchRequestHandler({
            endpoint: '/trpc',
            req: new Request(url, { headers: fromNodeHeaders(req.headers) }),
            router: appRouter,
            createContext: () => contextFor(req, user, requestIds.get(req) ?? randomUUID()),
            responseMeta,
            onError: onErrorOf(requestIds.get(req) ?? ''),
          }),
      })
    : null;
  const detachVersionCache = feed ? attachCurrentVersionCache(db, feed) : () => {};

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    res.setHeader('X-Request-Id', requestId);
    requestIds.set(req, requestId);
    setSecurityHeaders(res, options.production);
    res.on('finish', () => {
      log.info(
        {
          requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });

    try {
      if (url.pathname === '/healthz') {
        try {
          await db.$queryRaw`SELECT 1`;
          return sendJson(res, 200, { status: 'ok' });
        } catch (error) {
          log.error({ requestId, err: error }, 'health check failed');
          return sendJson(res, 503, { status: 'unavailable', reason: 'database unreachable' });
        }
      }

      const refusal =
        options.loadShedder &&
        admitRequest(options.loadShedder, req, res, clientIp(req, options.proxySecret));
      if (refusal && !url.pathname.startsWith('/trpc/'))
        return refuseForNow(res, refusal.status, refusal.message);

      const files = await handleFileRoute(req, res, url, {
        db,
        auth,
        trustedOrigins,
        maxImportBytes: options.maxImportBytes,
        spoolDir: options.spoolDir,
        proxySecret: options.proxySecret,
        sessionUser: (r) => sessionUser(auth, r),
        importSlot,
        onJobQueued: () => options.importWorker?.notify(),
      });
      if (files) return;

      const rest = await handleRestRoute(req, res, url, {
        db,
        auth,
        log: log.child({ requestId }),
        requestId,
        ip: clientIp(req, options.proxySecret),
        ...(options.simulations ? { simulations: options.simulations } : {}),
        ...tokenOptions,
      });
      if (rest) return;

      const isAuth = url.pathname.startsWith('/api/auth/');
      const isTrpc = url.pathname.startsWith('/trpc/');
      if (!isAuth && !isTrpc) return sendJson(res, 404, { error: 'Not found' });

      // User-specific answers must not be kept by browsers or proxies (ASVS 14.3.2).
      res.setHeader('Cache-Control', 'no-store');
      const refused =
        checkDeclaredBodySize(req, options.maxBodyBytes) ?? checkMutationRequest(req, trustedOrigins);
      if (refused) return sendJson(res, refused.status, { error: refused.message });

      if (isAuth) {
        req.headers[CLIENT_IP_HEADER] = clientIp(req, options.proxySecret);
        // Sign-out, a password change or ending other sessions: every instance forgets this user's cached sessions.
        const ending =
          feed && req.method === 'POST' && sessionTokenOf(req) ? await sessionUser(auth, req) : null;
        await (ending ? endingHandler(ending.id) : authHandler)(req, res);
        if (ending) await notifyChange(db, { kind: 'user', id: ending.id });
        return;
      }

      if (hot && !refusal && hot.eligible(req, url)) {
        const user = await userOf(req).catch(() => null);
        if (await hot.serve(req, res, url, user)) return;
      }

      return await nodeHTTPRequestHandler({
        req,
        res,
        router: appRouter,
        path: url.pathname.slice('/trpc/'.length),
        maxBodySize: options.maxBodyBytes,
        maxBatchSize: options.maxBatchSize,
        createContext: async () => {
          if (refusal) throw refusalAsTrpcError(refusal);
          return contextFor(req, await userOf(req).catch(contextFailure), requestId);
        },
        responseMeta,
        onError: onErrorOf(requestId),
      });
    } catch (error) {
      if (isDatabaseBusy(error) && !res.headersSent) return refuseForNow(res, 503, DATABASE_BUSY_MESSAGE);
      log.error({ requestId, err: error }, 'unhandled error');
      if (!res.headersSent) sendJson(res, 500, { error: `internal error (request id ${requestId})` });
      else res.end();
    }
  });
  server.on('close', () => {
    sessions?.close();
    hot?.close();
    detachVersionCache();
  });
  return server;
}
