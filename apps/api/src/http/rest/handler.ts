// /api/v1/*: the REST API over published data. Reads only (GET/HEAD), JSON with ETags, problem documents for
// errors, nothing for an anonymous caller but the OpenAPI document.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import type { Auth } from '../../auth/auth.ts';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '../../db/busy.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../errors.ts';
import type { SimulationPool } from '../../simulation/pool.ts';
import { createContextInner } from '../../trpc/context.ts';
import { sendPublishedVersionZip } from '../bulk-download.ts';
import { RETRY_AFTER_SECONDS } from '../load-shed.ts';
import { etagOf, notModified } from './etag.ts';
import { openApiDocument } from './openapi.ts';
import { fieldErrors, problem, sendProblem } from './problem.ts';
import { readQuery } from './query-string.ts';
import { restUser } from './rest-user.ts';
import { createCaller, ParamError } from './route-kit.ts';
import { API_PREFIX, BULK_ZIP_PATTERN, OPENAPI_PATH, REST_ROUTES } from './routes.ts';

export interface RestDeps {
  db: Db;
  auth: Auth;
  log: Logger;
  requestId: string;
  ip: string | null;
  simulations?: SimulationPool;
  /** Requests a token may make a minute (API_TOKEN_RATE_LIMIT); default: request-user.ts's. */
  tokenRateLimit?: number;
}

const routes = new Map(REST_ROUTES.map((r) => [r.path, r]));

/** Answers a request under /api/v1; false for any other path. */
export async function handleRestRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: RestDeps,
): Promise<boolean> {
  if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) return false;
  // Answers depend on who asks: caches may keep them only for that caller, and must revalidate (ETag).
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Authorization, Cookie');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendProblem(res, problem(405, 'This API only reads: use GET.'), { Allow: 'GET, HEAD' });
    return true;
  }
  if (url.pathname === OPENAPI_PATH) {
    sendJson(req, res, openApiDocument());
    return true;
  }
  const bulk = BULK_ZIP_PATTERN.exec(url.pathname);
  const route = routes.get(url.pathname);
  if (!route && !bulk) {
    sendProblem(res, problem(404, `No endpoint ${url.pathname}; the list is in ${OPENAPI_PATH}.`));
    return true;
  }
  const who = await restUser(deps, req);
  if (!who.ok) {
    sendProblem(res, problem(who.status, who.message), {
      ...(who.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="ree-api", error="invalid_token"' } : {}),
      ...(who.retryAfterSeconds ? { 'Retry-After': String(who.retryAfterSeconds) } : {}),
    });
    return true;
  }
  const { user } = who;
  if (!user) {
    sendProblem(res, problem(401, 'Send a personal API token as `Authorization: Bearer <token>`.'), {
      'WWW-Authenticate': 'Bearer realm="ree-api"',
    });
    return true;
  }
  if (bulk?.[1]) {
    // Not through a procedure: the ZIP streams. NotFoundError before the first byte → a 404 problem.
    try {
      await sendPublishedVersionZip(deps.db, bulk[1], res);
    } catch (error) {
      answerError(res, error, deps);
    }
    return true;
  }
  if (!route) return true;
  const caller = createCaller(
    createContextInner({
      db: deps.db,
      user,
      log: deps.log,
      requestId: deps.requestId,
      ip: deps.ip,
      ...(deps.simulations ? { simulations: deps.simulations } : {}),
    }),
  );
  try {
    const body = await route.answer(caller, readQuery(route.query.shape, url.searchParams));
    sendJson(req, res, body);
  } catch (error) {
    answerError(res, error, deps);
  }
  return true;
}

function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  const etag = etagOf(bytes);
  res.setHeader('ETag', etag);
  if (notModified(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

function answerError(res: ServerResponse, error: unknown, deps: RestDeps): void {
  if (error instanceof NotFoundError) {
    sendProblem(res, problem(404, error.message));
    return;
  }
  if (error instanceof ParamError) {
    sendProblem(res, problem(400, 'Some parameters are not valid.', fieldErrors(error.zodError)));
    return;
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
    const status = getHTTPStatusCodeFromError(error);
    // The procedure's own schema (e.g. a rule across fields) found what the route's check let through.
    if (error.cause instanceof ZodError) {
      sendProblem(res, problem(400, 'Some parameters are not valid.', fieldErrors(error.cause)));
      return;
    }
    const retry =
      status === 429 || status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : undefined;
    sendProblem(res, problem(status, error.message), retry);
    return;
  }
  const cause = error instanceof TRPCError ? error.cause : error;
  if (isDatabaseBusy(cause)) {
    sendProblem(res, problem(503, DATABASE_BUSY_MESSAGE), {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
    return;
  }
  deps.log.error({ requestId: deps.requestId, err: error }, 'REST request failed');
  sendProblem(res, problem(500, `Internal error (request id ${deps.requestId}).`));
}
