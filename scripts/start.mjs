// `pnpm start`: runs the API and the web server (already built by turbo) as one portal, under scripts/supervisor.mjs:
// each is started directly with node (no package manager in between to outlive it), a crashed one is restarted
// with back-off, and "running" is printed only when both answer. Ctrl-C stops both.
// With no DATABASE_URL the API uses the embedded PGlite database in .data/, migrated and seeded on first start.
import path from 'node:path';
import { portProblem } from './ports.mjs';
import { answers, supervise } from './supervisor.mjs';

const root = path.resolve(import.meta.dirname, '..');
const webPort = Number(process.env.WEB_PORT ?? 3000);
const apiPort = Number(process.env.API_PORT ?? 4000);
const apiHost = process.env.API_HOST ?? '127.0.0.1';
const publicOrigin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${webPort}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PUBLIC_ORIGIN: publicOrigin,
  API_PORT: String(apiPort),
  API_HOST: apiHost,
  API_URL: process.env.API_URL ?? `http://${apiHost}:${apiPort}`,
  PORT: String(webPort),
};

const problems = await Promise.all([
  portProblem({ port: apiPort, host: apiHost, service: 'API', variable: 'API_PORT' }),
  portProblem({ port: webPort, service: 'web server', variable: 'WEB_PORT' }),
]);
if (problems.some(Boolean)) {
  for (const problem of problems) if (problem) console.error(problem);
  process.exit(1);
}

/** The web server's V8 old space, in MB: about four times what it keeps live under a sustained load (see below). */
const WEB_OLD_SPACE_MB = 512;

// tsx runs the TypeScript entry points; exit-with-parent stops them should this process be killed outright.
let stopping = false;
const node = (entry, v8Flags = []) => [
  ...v8Flags,
  '--import',
  'tsx',
  '--import',
  path.join(root, 'scripts/exit-with-parent.mjs'),
  entry,
];
const portal = supervise(
  [
    {
      name: 'API',
      command: process.execPath,
      args: node('src/server.ts'),
      cwd: path.join(root, 'apps/api'),
      env,
      ready: answers(`http://${apiHost}:${apiPort}/healthz`),
    },
    {
      name: 'web server',
      command: process.execPath,
      // V8 sizes its old space from how fast the program allocates: after each full GC the next limit is the live
      // heap times a factor of up to 4 (on a machine with 2 GB or more). Under a sustained load (bench:load --soak
      // 300 --connections 20) the web server kept 116 MB live at 90 s and 132 MB at 272 s (heap snapshots), yet
      // heapTotal climbed to 717 MB (300 MB at 30 s) and RSS with it, to 900 MB; rss - heapTotal stayed ~180 MB.
      // With a 512 MB old space V8 grows it by a smaller factor: over the same soak heapTotal stayed at 180-220 MB
      // and RSS at 275-345 MB (that run served 10.7 pages/s against 22.7 on main's: the machine was busier).
      args: node('server.ts', [`--max-old-space-size=${WEB_OLD_SPACE_MB}`]),
      cwd: path.join(root, 'apps/web'),
      // glibc raises its mmap threshold as large buffers are freed, and then keeps them in the main heap, where
      // freed memory is not given back (measured under bench:load: 665 MB held, ~290 MB after malloc_trim). A
      // fixed threshold keeps a page render's large buffers in mappings of their own, returned when freed.
      env: { MALLOC_MMAP_THRESHOLD_: '65536', ...env },
      ready: answers(`http://127.0.0.1:${webPort}/sign-in`),
    },
  ],
  {
    onEvent(event) {
      if (event.type === 'exited' && !stopping) {
        console.error(
          `The ${event.name} stopped (${event.signal ? `killed by ${event.signal}` : `exit code ${event.code}`}).`,
        );
      } else if (event.type === 'restarting') {
        console.error(`Restarting the ${event.name} in ${event.inMs / 1000} s (restart ${event.restart}).`);
      } else if (event.type === 'ready' && event.attempt > 1) {
        console.error(`The ${event.name} is back (pid ${event.pid}).`);
      } else if (event.type === 'giving-up') {
        stopping = true;
        console.error(`The ${event.name} ${event.reason}; stopping the portal.`);
      }
    },
  },
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    void portal.stop(0);
  });
}

portal.ready.then(
  () => console.log(`\nREE Resilience is running: ${publicOrigin}  (API on http://${apiHost}:${apiPort})\n`),
  () => {},
);
process.exit(await portal.done);
