// consent-sim as a user outside the repository gets it (issue 14): the packages built and packed
// with `pnpm pack`, installed into an empty project with plain npm (registry dependencies from the
// registry), then used with plain node and tsc — no pnpm, no tsx, no workspace links.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DSO_TEST, TSCONFIG, USES_MSW_TYPES } from './consumer-project.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** What the CLI and @consent-sim/msw need from the workspace, packed as a user would get them. */
const PACKED = [
  'packages/messages',
  'packages/core',
  'packages/qr',
  'packages/sim',
  'packages/conformance',
  'packages/msw',
  'apps/sim',
];
/** Registry versions the consumer brings itself (the workspace's own pins). */
const CONSUMER_REGISTRY_DEPS = { msw: '2.15.0', '@types/node': '20.19.43' };
const HAPPY_PATH = ['scenario', 'cm-req-off/happy-path', '--format', 'json'];

let project = '';
let bin = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'consent-sim-consumer-'));
  // A fresh build (turbo restores it from its cache when no source changed).
  run(join(REPO, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], REPO);
  const tarballs = join(project, 'tarballs');
  for (const dir of PACKED) {
    run('pnpm', ['pack', '--pack-destination', tarballs], join(REPO, dir));
  }
  const dependencies: Record<string, string> = { ...CONSUMER_REGISTRY_DEPS };
  const overrides: Record<string, string> = {};
  for (const file of readdirSync(tarballs)) {
    // consent-sim-core-0.1.0.tgz → @consent-sim/core (the CLI is @consent-sim/cli)
    const name = `@consent-sim/${file.replace(/^consent-sim-/, '').replace(/-\d+\.\d+\.\d+\.tgz$/, '')}`;
    dependencies[name] = `file:tarballs/${file}`;
    // Their dependencies on each other resolve to these tarballs, never to the registry.
    overrides[name] = `$${name}`;
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, overrides }),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    project,
  );
  bin = join(project, 'node_modules/.bin/consent-sim');
}, 300_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the installed consent-sim command (plain node)', () => {
  it('writes the happy-path trace byte for byte as the workspace does', () => {
    const installed = spawnSync('node', [bin, ...HAPPY_PATH], { cwd: project, encoding: 'utf8' });
    expect(installed.stderr).not.toMatch(/ELIFECYCLE|pnpm|Error/);
    expect(installed.status).toBe(0);
    const workspace = run(
      'node',
      ['--import', 'tsx', join(REPO, 'apps/sim/src/main.ts'), ...HAPPY_PATH],
      REPO,
    );
    expect(installed.stdout.length).toBeGreaterThan(1000);
    expect(installed.stdout === workspace).toBe(true);
  });

  it('names itself consent-sim in its help', () => {
    const help = run('node', [bin, '--help'], project);
    expect(help).toContain('Usage: consent-sim <command>');
    expect(help).not.toContain('pnpm sim');
  });

  it('ends quietly when its output pipe closes early (`| head -c 100`, EPIPE)', () => {
    const piped = spawnSync(
      'bash',
      ['-c', `set -o pipefail; node "${bin}" ${HAPPY_PATH.join(' ')} | head -c 100 >/dev/null`],
      { cwd: project, encoding: 'utf8' },
    );
    expect(piped.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect([0, 141]).toContain(piped.status);
  });

  it('stops `serve` on kill (SIGTERM): the process exits and its port is free', async () => {
    const server = spawn('node', [bin, 'serve', '--role', 'vnb', '--port', '0'], { cwd: project });
    let stderr = '';
    server.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const url = await new Promise<URL>((resolve, reject) => {
      let stdout = '';
      server.stdout.on('data', (chunk) => {
        stdout += String(chunk);
        const match = /at (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(new URL(match[1]));
      });
      server.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const started = Date.now();
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stderr).toBe('stopped\n');
    await expect(portIsFree(Number(url.port))).resolves.toBe(true);
  });
});

describe('@consent-sim/msw in a TypeScript project of its own', () => {
  it('type-checks under tsc NodeNext strict', () => {
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src/uses-msw.ts'), USES_MSW_TYPES);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const tsc = spawnSync('node', [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('runs an msw test against the reference DSO (node:test)', () => {
    writeFileSync(join(project, 'dso.test.mjs'), DSO_TEST);
    const test = spawnSync('node', ['--test', 'dso.test.mjs'], { cwd: project, encoding: 'utf8' });
    expect(test.stdout).toMatch(/# pass 2\b/);
    expect(test.status).toBe(0);
  });
});

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
