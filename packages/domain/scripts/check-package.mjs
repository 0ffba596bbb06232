// `pnpm --filter @ree/domain check:package [tarball]`: lints the package as npm would ship it — publint and
// "are the types wrong?" on the packed tarball, then the size budget in .size-limit.json on dist.
// Packs with pnpm (which replaces `catalog:` and `workspace:` ranges) unless given a tarball. Needs a built dist
// (`pnpm --filter @ree/domain build`) and no network: every tool reads only local files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (command, args) => execFileSync(command, args, { cwd: packageDir, stdio: 'inherit' });

let tarball = process.argv[2];
const scratch = tarball ? undefined : mkdtempSync(path.join(tmpdir(), 'ree-domain-check-'));
try {
  if (scratch) {
    const packed = execFileSync('pnpm', ['pack', '--pack-destination', scratch, '--json'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    tarball = JSON.parse(packed).filename;
  }
  run('pnpm', ['exec', 'publint', 'run', tarball, '--strict']);
  // esm-only: the package is `"type": "module"` with an `import`-only exports map, on purpose (it targets Node ≥ 20
  // and bundlers; Node 20.19+ can also `require()` it). So CommonJS and node10 resolution are not checked.
  // --no-definitely-typed: the package ships its own types; without it attw may look up @types on the registry.
  run('pnpm', [
    'exec',
    'attw',
    tarball,
    '--profile',
    'esm-only',
    '--no-definitely-typed',
    '--no-emoji',
    '--no-color',
  ]);
  run('pnpm', ['exec', 'size-limit']);
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
