// Unit tests of the repository's own scripts (scripts/*.mjs), and integration tests that start the built servers
// as processes (integration/: two API and two web instances on one PostgreSQL). Playwright's journeys in e2e/ are
// not vitest's. One file at a time: the integration test's six processes would otherwise starve the supervisor
// test's timing checks (seen: a child not stopped within its 10 s on a loaded machine).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'integration/**/*.test.ts'],
    testTimeout: 30_000,
    fileParallelism: false,
  },
});
