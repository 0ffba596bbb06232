// Before the portal starts: is each port free? If not, say which process holds it (found through /proc on Linux)
// and what to do, instead of printing "running" and then failing on the busy port.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Resolves true when `port` can be bound on `host` (undefined = every interface, as the web server binds).
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export function portIsFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Inodes of the sockets listening on `port`, from /proc/net/tcp and tcp6 (state 0A = LISTEN).
 * @param {number} port
 */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== '0A') continue;
      if (Number.parseInt(local.split(':')[1] ?? '', 16) === port && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/**
 * The process listening on `port`, when it can be found (Linux, and a process we may inspect); else null.
 * @param {number} port
 * @returns {{ pid: number, command: string } | null}
 */
export function processOnPort(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds = [];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        return { pid: Number(entry), command };
      }
    }
  }
  return null;
}

/**
 * Null when the port is free; otherwise a message naming the port, its holder if found, and what to do.
 * @param {{ port: number, host?: string, service: string, variable: string }} what
 */
export async function portProblem({ port, host, service, variable }) {
  if (await portIsFree(port, host)) return null;
  const holder = processOnPort(port);
  const who = holder
    ? `process ${holder.pid} (${holder.command.slice(0, 120)})`
    : 'another process (not one this user can inspect)';
  const stopIt = holder
    ? `stop it (kill ${holder.pid})`
    : `stop it (e.g. find it with: ss -ltnp 'sport = :${port}')`;
  return (
    `Port ${port}, wanted by the ${service}, is already in use by ${who}. ` +
    `Either ${stopIt} — it may be a portal left over from an earlier start — ` +
    `or use another port: ${variable}=${port + 1} pnpm start`
  );
}
