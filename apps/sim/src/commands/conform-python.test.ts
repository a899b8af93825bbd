// sim conform against systems under test written from the documents alone, in Python
// (examples/python-adapters): the correct builds pass, deliberately wrong ones fail. A false
// FAIL here is a false FAIL against an implementer who read docs/sut-protocol.md.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { shippedScenariosIo } from '../testing.ts';

const ADAPTERS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/python-adapters',
);
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill();
});

/** Starts `file` on a free port (with `MUTANT` when given) and resolves with its base URL. */
function startAdapter(file: string, mutant?: string): Promise<string> {
  const child = spawn('python3', [path.join(ADAPTERS, file), '--port', '0'], {
    env: { ...process.env, MUTANT: mutant ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
      if (url !== undefined) resolve(url);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`python3 ${file} exited ${code}: ${stderr}`)));
  });
}

async function conform(role: string, target: string, source = 'scenario') {
  const io = shippedScenariosIo();
  const args = ['--role', role, '--target', target, '--source', source, '--format', 'json'];
  const code = await runMain(['conform', ...args], io);
  const report = JSON.parse(io.out()) as {
    checks: { id: string; verdict: string; title: string }[];
  };
  return { code, fails: report.checks.filter((c) => c.verdict === 'FAIL') };
}

describe('sim conform against independent Python adapters', () => {
  it('the DSO and the Datahub refuse every request of the negative suites as the reference does', async () => {
    for (const [role, file] of [
      ['vnb', 'dso.py'],
      ['datahub', 'datahub.py'],
    ] as const) {
      const { code, fails } = await conform(role, await startAdapter(file), 'negative');
      expect(fails, role).toEqual([]);
      expect(code, role).toBe(0);
    }
  }, 300_000);

  it('the DSO written from the documents passes every scenario', async () => {
    const { code, fails } = await conform('vnb', await startAdapter('dso.py'));
    expect(fails).toEqual([]);
    expect(code).toBe(0);
  }, 300_000);

  it('its variant whose answers do not repeat the request ids fails, naming what they answer', async () => {
    const { code, fails } = await conform('vnb', await startAdapter('dso.py', 'badconv'));
    expect(code).toBe(1);
    expect(fails.map((c) => c.title).join('\n')).toMatch(
      /ANTWORT_CMQF \(answers an id no earlier document carries/,
    );
  }, 300_000);

  it('the Datahub written from the documents passes every scenario', async () => {
    const { code, fails } = await conform('datahub', await startAdapter('datahub.py'));
    expect(fails).toEqual([]);
    expect(code).toBe(0);
  }, 300_000);

  it('its variant whose "today" is the UTC date fails start-yesterday-at-night', async () => {
    const { code, fails } = await conform('datahub', await startAdapter('datahub.py', 'utc-today'));
    expect(code).toBe(1);
    expect(fails.map((c) => c.id)).toContain('start-yesterday-at-night:message#1');
  }, 300_000);
});
