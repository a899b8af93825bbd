import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import type { RunningSutServer } from '../serve/server.ts';
import { serveMutant, shippedScenariosIo } from '../testing.ts';

/** A DSO whose objection window is one day short (4 Vienna days instead of 5, VNB_10). */
const MUTANT = 'cm-req-off/objection-4-days';
let server: RunningSutServer;

beforeAll(async () => {
  server = await serveMutant(MUTANT);
});
afterAll(async () => {
  await server.close();
});

async function conform(args: string[]) {
  const io = shippedScenariosIo();
  const code = await runMain(['conform', '--role', 'vnb', '--target', server.url, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

type JsonReport = {
  paths: { id: string; title: string; verdict: string }[];
  checks: { path: string; verdict: string }[];
  findings: { verdict: string; count: number; paths: string[] }[];
};

describe('sim conform report of a DSO with a one-day error in its objection window', () => {
  it('names the one root cause first, with its path count and a command that reruns just its path', async () => {
    // The 15 model paths that object at the deadline: the day the wrong DSO has already closed.
    const run = await conform(['--path', 'object at the deadline']);
    expect(run.code).toBe(1);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^consent-sim conform: cm-req-off vnb at .*: 15 paths \(15 FAIL\), /);
    expect(lines[1]).toBe(
      '1 root cause of the FAILs (the first difference in a path), most paths first:',
    );
    expect(lines[2]).toBe(
      '1. FAIL CM_REQ_OFF_VNB_10 step: CM_REQ_OFF_VNB_10 (instant: 1 d earlier) — in 15 paths',
    );
    const reproduce = lines.slice(3, 6).find((l) => l.startsWith('   reproduce: '));
    expect(reproduce).toMatch(
      new RegExp(
        `^   reproduce: pnpm sim conform --role vnb --process cm-req-off --target ${server.url}/? --seed 1 --path [0-9a-f]{12}$`,
      ),
    );
    // The consequences (a missing 172, an early 175, …) are listed under it, not as findings.
    expect(lines[5]).toContain('ABLEHNUNG_CMQF vnb→sp [172] missing ×15');

    const words = (reproduce ?? '').replace('   reproduce: pnpm sim conform ', '').split(' ');
    const io = shippedScenariosIo();
    const code = await runMain(['conform', ...words, '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as JsonReport;
    const pathId = words.at(-1);
    expect(report.paths.map((p) => p.id)).toEqual([pathId]);
    expect(report.paths[0]?.title).toContain('object at the deadline');
    expect(new Set(report.checks.map((c) => c.path))).toEqual(new Set([pathId]));
    expect(report.findings.map((f) => [f.verdict, f.count, f.paths])).toEqual([
      ['FAIL', 1, [pathId]],
    ]);
  }, 120_000);

  it('--scenario runs one shipped scenario, with or without its process', async () => {
    for (const name of ['objection-at-deadline', 'cm-req-off/objection-at-deadline']) {
      const run = await conform(['--scenario', name, '--format', 'json']);
      const report = JSON.parse(run.out) as JsonReport;
      expect(report.paths.map((p) => p.id)).toEqual(['objection-at-deadline']);
      expect(run.code).toBe(1);
    }
  }, 60_000);

  it('a selector that matches nothing is a usage error naming what it was matched against', async () => {
    const byPath = await conform(['--path', 'object on a Sunday']);
    expect(byPath.code).toBe(2);
    expect(byPath.err).toContain(
      '--path "object on a Sunday" matches no path id, id prefix or title of cm-req-off',
    );
    expect(byPath.err).toContain('pnpm sim paths cm-req-off');
    const byScenario = await conform(['--scenario', 'objection-at-deadlin']);
    expect(byScenario.code).toBe(2);
    expect(byScenario.err).toContain('Did you mean objection-at-deadline');
    const seed = await conform(['--scenario', 'happy-path', '--seed', 'x']);
    expect(seed.code).toBe(2);
    expect(seed.err).toContain('--seed must be a non-negative whole number');
  });
});
