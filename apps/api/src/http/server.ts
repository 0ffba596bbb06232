// The API's HTTP server: /healthz, better-auth under /api/auth, tRPC under /trpc, admin file transfers under /files,
// the REST API under /api/v1.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import { toNodeHandler } from 'better-auth/node';
import type { Logger } from 'pino';
import { type Auth, CLIENT_IP_HEADER } from '../auth/auth.ts';
import { withRateLimitCode } from '../auth/rate-limit-answer.ts';
import { requestUser, sessionUser } from '../auth/request-user.ts';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { ApiTokenError } from '../errors.ts';
import type { SimulationPool } from '../simulation/pool.ts';
import { createContextInner } from '../trpc/context.ts';
import { appRouter } from '../trpc/router.ts';
import { createImportSlot, handleFileRoute } from './files.ts';
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
  const authHandler = toNodeHandler(withRateLimitCode(auth.handler));
  const importSlot = createImportSlot();
  const tokenOptions = options.tokenRateLimit ? { tokenRateLimit: options.tokenRateLimit } : {};

  return createServer(async (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    res.setHeader('X-Request-Id', requestId);
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
        return await authHandler(req, res);
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
          return createContextInner({
            db,
            user: await requestUser(auth, db, req, tokenOptions).catch(contextFailure),
            log: log.child({ requestId }),
            requestId,
            ip: clientIp(req, options.proxySecret),
            maxImportBytes: options.maxImportBytes,
            ...(options.simulations ? { simulations: options.simulations } : {}),
          });
        },
        // A refusal for now (busy, or this client has too much in flight) tells the client when to come back.
        responseMeta: ({ errors }) => {
          const wait = retryAfter(errors);
          return wait ? { headers: { 'Retry-After': wait } } : {};
        },
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            log.error({ requestId, path, err: error }, 'procedure failed');
        },
      });
    } catch (error) {
      if (isDatabaseBusy(error) && !res.headersSent) return refuseForNow(res, 503, DATABASE_BUSY_MESSAGE);
      log.error({ requestId, err: error }, 'unhandled error');
      if (!res.headersSent) sendJson(res, 500, { error: `internal error (request id ${requestId})` });
      else res.end();
    }
  });
}
