// The package as npm would ship it: `pnpm pack`, the package checks on that tarball, then an install into a
// throw-away project that has nothing but zod, where the example must print the numbers the workspace prints.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.join(packageDir, '../..');
const referenceData = path.join(repoDir, 'apps/api/data/reference');
const example = path.join(packageDir, 'examples/score-japan.mjs');
const today = '2026-12-01'; // fixed, so both runs read export controls as of the same day

/** The zod version every workspace package uses, from the pnpm catalog. */
function catalogZod(): string {
  const version = readFileSync(path.join(repoDir, 'pnpm-workspace.yaml'), 'utf8').match(
    /^ {2}zod: (\S+)$/m,
  )?.[1];
  if (!version) throw new Error('no zod in the pnpm catalog');
  return version;
}

/** The environment without the npm_* settings pnpm passes to scripts, so npm in the project uses its own. */
function plainEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

let scratch: string;
let packed: Packed;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'ree-domain-pack-'));
  const json = execFileSync('pnpm', ['pack', '--pack-destination', scratch, '--json'], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  packed = JSON.parse(json);
}, 30_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// turbo runs `build` before this package's tests; run `pnpm --filter @ree/domain build` first by hand.
describe('packed package', () => {
  it('holds the build, the sources its maps point to and the docs — no tests', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('src/index.ts');
    for (const file of files) {
      expect(file).toMatch(/^(dist\/|src\/|package\.json$|README\.md$|METHOD\.md$|CHANGELOG\.md$)/);
      expect(file).not.toMatch(/\.test\./);
    }
  });

  it('declares zod as a peer with a plain range and no workspace-only protocols', () => {
    const manifest = execFileSync('tar', ['-xzOf', packed.filename, 'package/package.json'], {
      encoding: 'utf8',
    });
    const pkg = JSON.parse(manifest);
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toEqual({ zod: expect.stringMatching(/^\^4\.\d+\.\d+$/) });
    expect(manifest).not.toMatch(/"(catalog|workspace):/);
  });

  it('passes publint, attw (esm-only) and its size budget', () => {
    // Throws with the tools' output when one of them fails.
    execFileSync(process.execPath, ['scripts/check-package.mjs', packed.filename], {
      cwd: packageDir,
      stdio: 'pipe',
    });
  }, 60_000);

  it('installs into a project that has only zod and runs the example there', () => {
    const project = path.join(scratch, 'project');
    mkdirSync(path.join(project, 'data'), { recursive: true });
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'throw-away', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        packed.filename,
        `zod@${catalogZod()}`,
      ],
      { cwd: project, env: plainEnv(), stdio: 'pipe' },
    );
    expect(readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual([
      '@ree',
      'zod',
    ]);

    // The example as a user would copy it, with the dataset's CSV files beside it.
    copyFileSync(example, path.join(project, 'score-japan.mjs'));
    for (const file of readdirSync(referenceData).filter((f) => f.endsWith('.csv')))
      copyFileSync(path.join(referenceData, file), path.join(project, 'data', file));
    const runExample = (cwd: string, args: string[]) =>
      execFileSync(process.execPath, [...args, `--today=${today}`], { cwd, encoding: 'utf8' });

    const text = runExample(project, ['score-japan.mjs', 'data']);
    for (const material of ['NdPr', 'Dy', 'Tb'])
      for (const year of [2010, 2025])
        expect(text).toMatch(new RegExp(`Japan · ${material} · separation · ${year}: \\d+\\.\\d / 100`));

    // Same numbers as the workspace's build, to the last digit.
    const installed = JSON.parse(runExample(project, ['score-japan.mjs', 'data', '--json']));
    const workspace = JSON.parse(runExample(packageDir, [example, referenceData, '--json']));
    expect(installed).toHaveLength(6);
    expect(installed).toEqual(workspace);
  }, 60_000);
});
