/**
 * The harness's self-test (issue #6): `sim conform` against `sim serve` of the same role runs
 * EVERY generated path and shipped scenario and must find nothing to FAIL — a false FAIL here
 * is a false FAIL against a correct implementer. One file per role, so vitest runs them in
 * parallel.
 */
import { generatePaths, PROCESSES, type ProcessName } from '@consent-sim/conformance';
import { expect, it } from 'vitest';
import { runMain } from '../../cli.ts';
import { loadShipped } from '../../scenarios.ts';
import { startSutServer } from '../../serve/server.ts';
import { shippedScenariosIo } from '../../testing.ts';

interface Report {
  /** consent-sim.conform/2: every path run, model, scenario or a server role's negative case. */
  paths: { id: string; source: 'model' | 'scenario' | 'negative' }[];
  summary: { total: number; pass: number; fail: number; warning: number; expectedFail: number };
  checks: { verdict: string; id: string; expected: string; actual: string }[];
}

export function selfTest(process: ProcessName, role: string): void {
  it(`the reference ${process} ${role} served passes every path and scenario, no WARNING`, async () => {
    const server = await startSutServer({ processes: PROCESSES, role, host: '127.0.0.1', port: 0 });
    try {
      const io = shippedScenariosIo();
      const args = ['--role', role, '--process', process, '--target', server.url];
      const code = await runMain(['conform', ...args, '--format', 'json'], io);
      const report = JSON.parse(io.out()) as Report;
      const notPass = report.checks.filter((c) => c.verdict !== 'PASS');
      expect(notPass.slice(0, 3), JSON.stringify(notPass.slice(0, 3), null, 1)).toEqual([]);
      expect(code).toBe(0);
      // Every shipped scenario of the process that judges this role (`judges`, default all).
      const scenarios = loadShipped(io, PROCESSES).filter(
        (s) => s.process === process && (s.judges === undefined || s.judges.includes(role)),
      ).length;
      const run = (source: string) => report.paths.filter((p) => p.source === source).length;
      expect(run('model') + run('scenario')).toBe(
        generatePaths(PROCESSES[process]).paths.length + scenarios,
      );
      // A server role also gets its negative suite (docs/sut-protocol.md § Requests a server
      // must refuse); a client role none.
      const serverRole = role === 'vnb' || role === 'datahub';
      expect(run('negative') > 0, `${role}: negative cases`).toBe(serverRole);
      expect(report.summary.expectedFail).toBe(0);
    } finally {
      await server.close();
    }
  }, 300_000);
}
