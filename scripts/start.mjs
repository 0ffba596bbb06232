// `pnpm start`: runs the API and the web app together (already built by turbo) and stops both on Ctrl-C.
// With no DATABASE_URL the API uses the embedded PGlite database in .data/, migrated and seeded on first start.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const webPort = process.env.WEB_PORT ?? '3000';
const apiPort = process.env.API_PORT ?? '4000';
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: webPort };
const children = [];

function run(name, args) {
  const child = spawn('pnpm', args, { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the portal.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('API', ['--filter', '@ree/api', 'start']);
// The web app proxies to the API, so wait until the API answers (first start migrates and seeds: a few seconds).
for (let i = 0; i < 120; i++) {
  const ok = await fetch(`http://127.0.0.1:${apiPort}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await sleep(500);
}
run('web', ['--filter', '@ree/web', 'start']);
await sleep(1500);
console.log(
  `\nREE Resilience is running: http://localhost:${webPort}  (API on http://127.0.0.1:${apiPort})\n`,
);
