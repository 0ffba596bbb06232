// 1. Initialisation — superjson so Dates survive the wire; one error formatter for every procedure.
import { DomainError } from '@ree/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { DATABASE_BUSY_MESSAGE, isDatabaseBusy } from '../db/busy.ts';
import {
  ApiTokenError,
  BusyError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  SimulationTimeoutError,
} from '../errors.ts';
import { textProblemAt, textProblemMessage } from '../text-hygiene.ts';
import type { Context } from './context.ts';

const isDevelopment = process.env.NODE_ENV === 'development';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: isDevelopment,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      // Outside development an internal error says only that, with the request id to find it in the log.
      message:
        internal && !isDevelopment
          ? `internal error (request id ${ctx?.requestId ?? 'unknown'})`
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        ...(isDevelopment && shape.data.stack ? { stack: shape.data.stack } : {}),
        fieldErrors: zodError
          ? zodError.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
          : null,
      },
    };
  },
});

// 2. Error mapping — our named errors become tRPC codes; anything else stays an internal error.
function codeFor(cause: unknown): TRPCError['code'] | null {
  if (cause instanceof NotFoundError) return 'NOT_FOUND';
  if (cause instanceof ConflictError) return 'CONFLICT';
  if (cause instanceof InvalidInputError || cause instanceof DomainError) return 'BAD_REQUEST';
  if (cause instanceof BusyError) return 'TOO_MANY_REQUESTS'; // HTTP 429
  if (cause instanceof SimulationTimeoutError) return 'TIMEOUT';
  if (cause instanceof ApiTokenError) return cause.status === 429 ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED';
  return null;
}

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isDatabaseBusy(cause)) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_BUSY_MESSAGE, cause });
    }
    const code = codeFor(cause);
    if (code && cause) throw new TRPCError({ code, message: cause.message, cause });
  }
  return result;
});

// A NUL or a lone surrogate cannot be stored: refused as bad input before any procedure sees it, not a 500 later.
const refuseBadText = t.middleware(async ({ getRawInput, next }) => {
  const at = textProblemAt(await getRawInput());
  if (at) throw new TRPCError({ code: 'BAD_REQUEST', message: textProblemMessage(at) });
  return next();
});

/** What a personal API token is refused: anything but reading. */
export const TOKEN_READ_ONLY_MESSAGE =
  'An API token can only read: sign in to the portal to change anything.';
export const TOKEN_NOT_ADMIN_MESSAGE =
  'An API token never carries admin rights: sign in to the portal as an admin.';
export const TOKEN_MANAGEMENT_MESSAGE = 'API tokens are managed in the portal, signed in with your password.';

// A personal API token is read-only (ASVS 8.2.1): a mutation called with one is refused whatever the procedure,
// so a procedure added later cannot forget it. Reading is decided by the levels below.
const refuseTokenWrites = t.middleware(({ ctx, type, next }) => {
  if (ctx.user?.via === 'token' && type !== 'query') {
    throw new TRPCError({ code: 'FORBIDDEN', message: TOKEN_READ_ONLY_MESSAGE });
  }
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedure levels.
/** Anyone, signed in or not. Keep to health and sign-in helpers. */
export const publicProcedure = t.procedure.use(mapErrors).use(refuseTokenWrites).use(refuseBadText);

/** Any signed-in, enabled user, even one who must first choose a new password. Keep to `me`. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Any signed-in, enabled user whose password is not due to be changed. `ctx.user` is non-null inside. */
export const protectedProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.mustChangePassword) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'An administrator asked you to choose a new password before going on.',
    });
  }
  return next({ ctx });
});

/**
 * Like protectedProcedure, but only with a browser session, never an API token: for managing the tokens themselves,
 * so a leaked token cannot mint more or see the others.
 */
export const sessionProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.via !== 'session')
    throw new TRPCError({ code: 'FORBIDDEN', message: TOKEN_MANAGEMENT_MESSAGE });
  return next({ ctx });
});

/**
 * Signed-in users with the admin role, in a browser session (an API token never carries admin power, even its
 * owner's). Checked on every call, so a role change applies on the next request.
 */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.via !== 'session')
    throw new TRPCError({ code: 'FORBIDDEN', message: TOKEN_NOT_ADMIN_MESSAGE });
  if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Administrators only.' });
  return next({ ctx });
});
