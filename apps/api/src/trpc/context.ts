// What every procedure gets: the database, the signed-in user (or null), a request id, a logger and the
// simulation pool.
import type { Logger } from 'pino';
import { type AlertService, defaultAlertService } from '../alerts/service.ts';
import type { Db } from '../db/client.ts';
import { defaultSimulationPool, type SimulationPool } from '../simulation/pool.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  /** An admin forced a password reset: until the user chooses a new password, only `me` answers. */
  mustChangePassword?: boolean;
  /**
   * How the request proved who it is: a browser session, or a personal API token. A token is read-only and never
   * carries admin power (trpc/init.ts).
   */
  via: 'session' | 'token';
  /** The API token's id, when `via` is 'token'. */
  tokenId?: string;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  requestId: string;
  log: Logger;
  /** The client's address as the API sees it, for the audit log. */
  ip: string | null;
  /** Largest upload /files/import takes (bytes), so pages can say so. */
  maxImportBytes: number;
  /** Worker threads that run scenario simulations off the request thread. */
  simulations: SimulationPool;
  /** Checks watches after a publish (in the background) and signs unsubscribe links. */
  alerts: AlertService;
}

/** The API's default for IMPORT_MAX_BYTES (see env.ts). */
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Builds a context without HTTP: used by the server for each request and by tests through createCaller. */
export function createContextInner(opts: {
  db: Db;
  user: SessionUser | null;
  log: Logger;
  requestId?: string;
  ip?: string | null;
  maxImportBytes?: number;
  simulations?: SimulationPool;
  alerts?: AlertService;
}): Context {
  return {
    db: opts.db,
    user: opts.user,
    log: opts.log,
    requestId: opts.requestId ?? crypto.randomUUID(),
    ip: opts.ip ?? null,
    maxImportBytes: opts.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
    simulations: opts.simulations ?? defaultSimulationPool(),
    alerts: opts.alerts ?? defaultAlertService(opts.db, opts.log),
  };
}
