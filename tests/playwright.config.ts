// End-to-end journeys against the built portal: the API (on its own PGlite directory, or DATABASE_URL) and
// the web app's server (apps/web/server.ts), on ports of their own so a running dev portal is left alone. Chromium comes from Debian.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_API_PORT / E2E_WEB_PORT let two checkouts run their journeys side by side on one machine.
const API_PORT = Number(process.env.E2E_API_PORT ?? 4100);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const origin = `http://localhost:${WEB_PORT}`;
const dataDir = path.resolve(import.meta.dirname, '../.data/e2e');
const usePostgres = Boolean(process.env.DATABASE_URL);

// The admin the admin journey signs in as, made with the documented `admin:create` before the API starts. Set
// once in the runner's process; the worker processes inherit it (and this file, loaded again there, keeps it).
process.env.E2E_ADMIN_EMAIL ??= `admin-${randomBytes(6).toString('hex')}@test.ree.local`;
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString('base64url');
const createAdmin = `pnpm --filter @ree/api admin:create --email "${process.env.E2E_ADMIN_EMAIL}"`;

const apiEnv = {
  API_PORT: String(API_PORT),
  PUBLIC_ORIGIN: origin,
  REE_DATA_DIR: dataDir,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  // Production mode on PostgreSQL requires a real secret: a fresh one per run.
  BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
};

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    baseURL: origin,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      // Signed in as the analyst the setup project created; a spec that needs to start signed out says so.
      use: { ...devices['Desktop Chrome'], storageState: '.auth/alice.json' },
      dependencies: ['setup'],
    },
  ],
  webServer: [
    {
      // A fresh embedded database each run; on PostgreSQL, migrate first (the documented production step).
      command: usePostgres
        ? `pnpm --filter @ree/api db:migrate && ${createAdmin} && pnpm --filter @ree/api start`
        : `rm -rf "${dataDir}" && ${createAdmin} && pnpm --filter @ree/api start`,
      url: `http://127.0.0.1:${API_PORT}/healthz`,
      env: { ...apiEnv, ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      command: 'pnpm --filter @ree/web start',
      url: `${origin}/sign-in`,
      env: {
        API_URL: `http://127.0.0.1:${API_PORT}`,
        PUBLIC_ORIGIN: origin,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        PORT: String(WEB_PORT),
        // Where the API keeps the proxy secret that makes it believe our X-Forwarded-For.
        REE_DATA_DIR: dataDir,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
