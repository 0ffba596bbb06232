// `pnpm start`'s supervisor (scripts/supervisor.mjs) on real child processes: a service killed with SIGKILL is
// restarted and takes its group with it, one that keeps dying stops the set, a busy port is named with its holder,
// and a service outlives no supervisor killed outright (scripts/exit-with-parent.mjs).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portProblem } from '../../scripts/ports.mjs';
import { answers, type SupervisorEvent, supervise } from '../../scripts/supervisor.mjs';
import { freePort } from '../support/free-port';

const scripts = path.resolve(import.meta.dirname, '../../scripts');
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Alive and not a zombie (a re-parented process may wait a while to be reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

// A stand-in service: answers HTTP on PORT; with CRASH_AFTER_MS it exits 1 that long after it is up; with
// GRANDCHILD_FILE it starts a long-running child of its own and writes that child's pid there.
const DUMMY = `
const http = require('node:http');
const { spawn } = require('node:child_process');
if (process.env.GRANDCHILD_FILE) {
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  require('node:fs').writeFileSync(process.env.GRANDCHILD_FILE, String(sleeper.pid));
}
http.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1', () => {
  if (process.env.CRASH_AFTER_MS) setTimeout(() => process.exit(1), Number(process.env.CRASH_AFTER_MS));
});
process.on('SIGTERM', () => process.exit(0));
`;

async function dummy(name: string, env: Record<string, string> = {}) {
  const port = await freePort();
  return {
    name,
    command: process.execPath,
    args: ['-e', DUMMY],
    env: { ...process.env, PORT: String(port), ...env },
    ready: answers(`http://127.0.0.1:${port}/`),
  };
}

function recorder() {
  const events: SupervisorEvent[] = [];
  return { events, onEvent: (event: SupervisorEvent) => events.push(event) };
}

describe('supervisor', () => {
  it('restarts a service killed with SIGKILL (its whole process group goes) and leaves the other running', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ree-supervisor-'));
    scratch.push(dir);
    const grandchildFile = path.join(dir, 'grandchild.pid');
    const { events, onEvent } = recorder();
    const portal = supervise([await dummy('api', { GRANDCHILD_FILE: grandchildFile }), await dummy('web')], {
      backoffMs: [200],
      stdio: 'ignore',
      onEvent,
    });
    await portal.ready;
    const before = portal.pids();
    const grandchild = Number(await readFile(grandchildFile, 'utf8'));
    expect(alive(grandchild)).toBe(true);

    process.kill(before.api ?? 0, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'ready' && e.name === 'api' && e.attempt === 2));

    expect(events).toContainEqual({ type: 'restarting', name: 'api', inMs: 200, restart: 1 });
    const after = portal.pids();
    expect(after.api).not.toBe(before.api);
    expect(after.web).toBe(before.web);
    // The killed service's own child did not outlive it (the orphan that kept a port busy).
    await until(() => !alive(grandchild), 3000);

    expect(await portal.stop()).toBe(0);
    expect(alive(after.api ?? 0) || alive(after.web ?? 0)).toBe(false);
  });

  it('a service that keeps dying: after the allowed restarts the other is stopped and the exit code is 1', async () => {
    const { events, onEvent } = recorder();
    const portal = supervise([await dummy('api', { CRASH_AFTER_MS: '300' }), await dummy('web')], {
      backoffMs: [50],
      maxRestarts: 2,
      windowMs: 60_000,
      stdio: 'ignore',
      onEvent,
    });
    await portal.ready;
    const web = portal.pids().web ?? 0;
    expect(await portal.done).toBe(1);
    expect(events.filter((e) => e.type === 'restarting')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'exited', name: 'web' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'giving-up', name: 'api', reason: expect.stringContaining('3 times') }),
    );
    expect(alive(web)).toBe(false);
  });

  it('a service that dies before it is up is not restarted: the set stops at once', async () => {
    const { events, onEvent } = recorder();
    const broken = { ...(await dummy('api')), args: ['-e', 'process.exit(3)'] };
    const portal = supervise([broken, await dummy('web')], { stdio: 'ignore', onEvent });
    await expect(portal.ready).rejects.toThrow();
    expect(await portal.done).toBe(1);
    expect(events).toContainEqual({
      type: 'giving-up',
      name: 'api',
      reason: 'stopped before it was up (exit code 3)',
    });
    expect(events.some((e) => e.type === 'restarting')).toBe(false);
  });

  it('a service whose supervisor is killed outright stops within a few seconds', async () => {
    const preload = path.join(scripts, 'exit-with-parent.mjs');
    const parentScript = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--import', ${JSON.stringify(preload)}, '-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'ignore'] });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    await sleep(300);
    expect(alive(childPid)).toBe(true);
    parent.kill('SIGKILL');
    await until(() => !alive(childPid), 5000);
  });
});

describe('port check before start', () => {
  it('a busy port is named with the process that holds it and what to do; a free one passes', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const message = await portProblem({ port, host: '127.0.0.1', service: 'API', variable: 'API_PORT' });
      expect(message).toContain(
        `Port ${port}, wanted by the API, is already in use by process ${process.pid}`,
      );
      expect(message).toContain(`kill ${process.pid}`);
      expect(message).toContain(`API_PORT=${port + 1} pnpm start`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    expect(await portProblem({ port, host: '127.0.0.1', service: 'API', variable: 'API_PORT' })).toBeNull();
  });
});
