// Starting the API: open the database, migrate, seed, and build the server. Used by server.ts and tests.
import pino, { type Logger } from 'pino';
import { smtpMailer } from './alerts/mailer.ts';
import { AlertService } from './alerts/service.ts';
import { createDemoAccounts } from './auth/accounts.ts';
import { type Auth, createAuth } from './auth/auth.ts';
import { readReferenceDataset } from './data/reference-dataset.ts';
import { type ChangeFeed, openChangeFeed } from './db/change-feed.ts';
import { type Database, openDatabase } from './db/client.ts';
import { deployMigrations, pendingMigrations } from './db/migrator.ts';
import { seedReferenceDataset } from './db/seed.ts';
import type { Env } from './env.ts';
import { createLoadShedder } from './http/load-shed.ts';
import { loadProxySecret } from './http/proxy-secret.ts';
import { createApiServer } from './http/server.ts';
import { clearStaleSpool, spoolDirectory } from './http/spool.ts';
import { importJobHandler, jobErrorMessage } from './imports/jobs/job-status.ts';
import { ImportWorker } from './imports/jobs/worker.ts';
import { sweepDeadStaging } from './imports/staging-heartbeat.ts';
import { SimulationPool } from './simulation/pool.ts';

export interface App {
  database: Database;
  auth: Auth;
  log: Logger;
  server: ReturnType<typeof createApiServer>;
  /** Worker threads for scenario simulations; close it after the server on shutdown. */
  simulations: SimulationPool;
  /** Publishes and revocations heard from every instance; close it before the database. */
  changeFeed: ChangeFeed;
  /** Alert checks after publishes; wait for `idle()` before closing the database. */
  alerts: AlertService;
  /** Runs queued import jobs (started here); `stop()` it before closing the database. */
  importWorker: ImportWorker;
}

export function createLogger(env: Env): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'ree-api' },
    // Never log credentials, even if a future log line includes headers or bodies (ASVS 16.2.5).
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-ree-proxy-secret"]',
      '*.password',
      '*.token',
      'headers.cookie',
    ],
  });
}

export async function createApp(env: Env, log = createLogger(env)): Promise<App> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.pgliteDir,
    limits: {
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
      poolSize: env.DB_POOL_SIZE,
    },
  });
  if (database.kind === 'pglite') {
    const applied = await deployMigrations(database.adapterFactory);
    if (applied.length) log.info({ applied }, 'migrations applied');
  } else {
    const pending = await pendingMigrations(database.db);
    if (pending.length) {
      await database.close();
      throw new Error(
        `The PostgreSQL database is missing migrations (${pending.join(', ')}): run 'pnpm --filter @ree/api db:migrate'.`,
      );
    }
  }
  // A batch left "staging" by a process that died is failed now, if its heartbeat is old enough to be sure.
  const failed = await sweepDeadStaging(database.db);
  if (failed.length) log.warn({ batches: failed }, 'imports whose staging stopped were marked failed');
  // Uploads a killed process was receiving stay in its spool folder until a start clears them.
  const spoolDir = spoolDirectory(env.REE_DATA_DIR);
  const cleared = await clearStaleSpool(spoolDir);
  if (cleared.length)
    log.warn({ files: cleared.length }, 'upload files left by a stopped process were removed');
  const auth = createAuth({
    db: database.db,
    baseURL: env.PUBLIC_ORIGIN,
    secret: env.authSecret,
    trustedOrigins: env.trustedOrigins,
    onSignIn: (event) =>
      log.info(
        { event: 'sign-in', ok: event.ok, throttled: event.throttled, email: event.email, ip: event.ip },
        'sign-in',
      ),
  });
  if (env.SEED_ON_START) {
    const result = await seedReferenceDataset(database.db, await readReferenceDataset());
    log.info({ seed: result.status }, 'reference dataset');
    if (database.kind === 'pglite') {
      const file = await createDemoAccounts(auth, database.db, env.REE_DATA_DIR);
      if (file) {
        // Only where they are: standard output ends up in logs, and the file is readable only by its owner.
        console.log(
          `\nDemo accounts created: their e-mails and passwords are in ${file} (readable only by you).`,
        );
      }
    }
  }
  const simulations = new SimulationPool({
    threads: env.SIMULATION_THREADS,
    ...(env.SIMULATION_QUEUE === undefined ? {} : { maxQueue: env.SIMULATION_QUEUE }),
    perUser: env.SIMULATION_PER_USER,
    timeoutMs: env.SIMULATION_TIMEOUT_MS,
  });
  const changeFeed = await openChangeFeed(database, log);
  const alerts = new AlertService({
    db: database.db,
    log,
    mailer: env.SMTP_URL && env.MAIL_FROM ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null,
    secret: env.authSecret,
    publicOrigin: env.PUBLIC_ORIGIN,
  });
  if (!alerts.emailEnabled) log.info('SMTP_URL is not set: alerts stay in the portal, no e-mail');
  // Checks a publish or roll-back still owes (this or another instance died before running them).
  alerts.startCatchUp();
  const importWorker = new ImportWorker(database.db, importJobHandler(env.IMPORT_MAX_BYTES), {
    messageOf: jobErrorMessage,
    onError: (error, job) => log.error({ err: error, jobId: job.id }, 'import job failed'),
  });
  const server = createApiServer({
    alerts,
    importWorker,
    db: database.db,
    auth,
    log,
    trustedOrigins: env.trustedOrigins,
    production: env.NODE_ENV === 'production',
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxBatchSize: env.MAX_BATCH_SIZE,
    maxImportBytes: env.IMPORT_MAX_BYTES,
    spoolDir,
    simulations,
    tokenRateLimit: env.API_TOKEN_RATE_LIMIT,
    changeFeed,
    proxySecret: loadProxySecret(env.PROXY_SECRET, env.REE_DATA_DIR),
    loadShedder: createLoadShedder({
      maxInflight: env.API_MAX_INFLIGHT,
      maxInflightPerClient: env.API_MAX_INFLIGHT_PER_CLIENT,
      maxEventLoopDelayMs: env.API_MAX_EVENT_LOOP_DELAY_MS,
    }),
  });
  importWorker.start();
  return { database, auth, log, server, simulations, changeFeed, alerts, importWorker };
}
