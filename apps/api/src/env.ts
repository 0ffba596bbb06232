// The API's configuration, validated once at start-up. Nothing else in apps/api reads process.env.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { resolveAuthSecret } from './auth/secret.ts';
import { DEFAULT_TOKEN_RATE_LIMIT } from './auth/token-rate-limit.ts';
import { checkedProxySecret } from './http/proxy-secret.ts';
import { SIMULATION_DEFAULTS } from './simulation/pool.ts';
import { DEFAULT_MAX_IMPORT_BYTES } from './trpc/context.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** PostgreSQL connection string. Unset → embedded PGlite in PGLITE_DIR. */
    DATABASE_URL: z.string().url().optional(),
    /** Where local data lives: PGlite's cluster, the stored secrets, the demo-account file and the upload spool. */
    REE_DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
    PGLITE_DIR: z.string().optional(),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    /** The origin browsers use: the web app, which proxies /api/auth and /trpc here. */
    PUBLIC_ORIGIN: z.string().url().default('http://localhost:3000'),
    /** Extra origins allowed to send mutations (comma-separated), e.g. a second hostname for the portal. */
    TRUSTED_ORIGINS: z.string().default(''),
    /**
     * Signs session cookies. Unset → a random one kept in REE_DATA_DIR/auth-secret (required with PostgreSQL). In
     * production it must pass the strength check (secret-strength.ts): `openssl rand -base64 48`.
     */
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /**
     * Shared with the web server, which sends it with X-Forwarded-For so the API believes that header. Unset → a
     * random one kept in REE_DATA_DIR/proxy-secret (mode 0600), which a web server on this machine reads. In
     * production it must pass the same strength check as BETTER_AUTH_SECRET.
     */
    PROXY_SECRET: z.string().min(32).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    MAX_BATCH_SIZE: z.coerce.number().int().positive().default(20),
    /** Largest dataset upload an admin may import, in bytes (default 200 MB); checked before parsing. */
    IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_IMPORT_BYTES),
    /** Worker threads for scenario simulations (default: one fewer than the cores, at least one). */
    SIMULATION_THREADS: z.coerce.number().int().min(1).max(64).default(SIMULATION_DEFAULTS.threads),
    /**
     * Simulations that may wait for a thread, across all users; beyond it the API answers 429. Default: as many as
     * still finish within the time-out (simulation/pool.ts, `queueThatFinishes`).
     */
    SIMULATION_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
    /** Simulations one user may have queued or running at once; the next one gets 429. */
    SIMULATION_PER_USER: z.coerce.number().int().min(1).max(100).default(SIMULATION_DEFAULTS.perUser),
    /** A simulation still unfinished after this long (waiting included) is stopped. */
    SIMULATION_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(600_000)
      .default(SIMULATION_DEFAULTS.timeoutMs),
    /** Load shedding (http/load-shed.ts): requests in flight at once before new ones get 503 (sized for 2 cores). */
    API_MAX_INFLIGHT: z.coerce.number().int().positive().default(32),
    /** Requests in flight at once for one session (or, signed out, one address) before its next gets 429. */
    API_MAX_INFLIGHT_PER_CLIENT: z.coerce.number().int().positive().default(16),
    /** Mean event-loop delay (ms) above which new requests get 503 until it falls again. */
    API_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().positive().default(200),
    /** PostgreSQL: a statement running longer is cancelled and the request answered 503 "database busy". */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(10_000),
    /** PostgreSQL: longest wait for a free pooled connection before 503 "database busy". */
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
    /** Requests one personal API token may make per minute, across every API instance; the next get 429. */
    API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_TOKEN_RATE_LIMIT),
    /**
     * Alert e-mail digests go out through this SMTP server, e.g. smtps://user:pass@mail.example.org:465 (user and
     * password percent-encoded). Unset → no e-mail: alerts only in the portal, as the watches page says.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL')
      .optional(),
    /** The From of alert e-mails, e.g. "REE Resilience <alerts@example.org>"; required with SMTP_URL. */
    MAIL_FROM: z.string().min(3).max(200).optional(),
    /** Seed the reference dataset and (on PGlite only) demo accounts on start. */
    SEED_ON_START: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, {
    message: 'set MAIL_FROM (the From of alert e-mails) with SMTP_URL',
    path: ['MAIL_FROM'],
  });

export type Env = z.infer<typeof EnvSchema> & {
  pgliteDir: string;
  trustedOrigins: string[];
  authSecret: string;
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid API configuration:\n${problems}`);
  }
  const env = parsed.data;
  const extra = env.TRUSTED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    ...env,
    pgliteDir: env.PGLITE_DIR ?? path.join(env.REE_DATA_DIR, 'pglite'),
    trustedOrigins: [new URL(env.PUBLIC_ORIGIN).origin, ...extra.map((o) => new URL(o).origin)],
    PROXY_SECRET: checkedProxySecret(env.PROXY_SECRET, env.NODE_ENV === 'production'),
    authSecret: resolveAuthSecret({
      configured: env.BETTER_AUTH_SECRET,
      dataDir: env.REE_DATA_DIR,
      production: env.NODE_ENV === 'production',
      postgres: Boolean(env.DATABASE_URL),
    }),
  };
}
