// Unit tests of the repository's own scripts (scripts/*.mjs). Playwright's journeys in e2e/ are not vitest's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['scripts/**/*.test.ts'], testTimeout: 30_000 },
});
