import { defineConfig } from 'prisma/config';

// No datasource URL: the app picks PostgreSQL (DATABASE_URL) or PGlite at run time through a driver adapter,
// and migrations run through the WASM schema engine (src/db/migrator.ts).
export default defineConfig({ schema: 'prisma/schema.prisma', migrations: { path: 'prisma/migrations' } });
