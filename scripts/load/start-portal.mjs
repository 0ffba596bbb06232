// Starting the built portal for a bench, on ports of its own with a fresh embedded database (bench:load and
// bench:pages share it).
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { portProblem } from '../ports.mjs';

/**
 * Starts the built portal (scripts/start.mjs) on API_PORT/WEB_PORT (or the defaults) with a fresh embedded
 * database; resolves once it runs, with the demo analyst's credentials and a stop().
 * @param {{ name: string, apiDefault: number, webDefault: number }} options  name: for the temp dir and log file
 */
export async function startPortal({ name, apiDefault, webDefault }) {
  const apiPort = Number(process.env.API_PORT ?? apiDefault);
  const webPort = Number(process.env.WEB_PORT ?? webDefault);
  for (const problem of await Promise.all([
    portProblem({ port: apiPort, host: '127.0.0.1', service: 'API', variable: 'API_PORT' }),
    portProblem({ port: webPort, service: 'web server', variable: 'WEB_PORT' }),
  ])) {
    if (problem) throw new Error(problem);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), `ree-${name}-`));
  const scripts = path.resolve(import.meta.dirname, '..');
  // The portal's own messages (errors it logs under load, its idle GCs) go to a file, not between the figures;
  // one per port, so two benches on different ports do not write over each other's.
  const logFile = path.join(tmpdir(), `ree-${name}-portal-${webPort}.log`);
  // Appended to by both the portal's stderr and (below) its stdout, where the web server logs its idle GCs.
  await writeFile(logFile, '');
  const log = await open(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['--import', path.join(scripts, 'exit-with-parent.mjs'), path.join(scripts, 'start.mjs')],
    {
      env: {
        ...process.env,
        API_PORT: String(apiPort),
        WEB_PORT: String(webPort),
        REE_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // The bench's connections stand for many people: the web server takes their X-Forwarded-For from
        // loopback, so rate limits and per-client limits see many clients, as they would in use.
        TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1',
      },
      stdio: ['ignore', 'pipe', log.fd],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      appendFileSync(logFile, chunk);
      out += chunk;
      if (out.includes('is running')) resolve(undefined);
    });
    exited.then(() => reject(new Error(`the portal stopped while starting (see ${logFile}):\n${out}`)));
    setTimeout(() => reject(new Error('the portal did not start within 180 s')), 180_000).unref();
  });
  return {
    origin: new URL(`http://localhost:${webPort}`),
    apiPort,
    credentials: analystIn(await readFile(path.join(dataDir, 'demo-accounts.txt'), 'utf8')),
    logFile,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await log.close();
      await rm(dataDir, { recursive: true, force: true });
      console.log(`The portal's own log: ${logFile}`);
    },
  };
}

/** The demo analyst's email and password from a demo-accounts file (role, email, password per line). */
export function analystIn(text) {
  const line = text.split('\n').find((l) => l.startsWith('user\t')) ?? '';
  const [, email = '', password = ''] = line.split('\t');
  return { email, password };
}
