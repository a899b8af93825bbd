/**
 * A full `sim conform` per role — every model path and shipped scenario of its process — against
 * the in-process reference (no HTTP), as `sim conform --role R` runs it: so "a full conform per
 * role finishes in well under two minutes on 2 cores" (issue 11) can be checked. Also a
 * self-conform: the reference must draw no FAIL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  type Check,
  collectPaths,
  generatePaths,
  inMemoryTransport,
  PROCESSES,
  runAgainstSut,
  runNegativeSuite,
  SutClient,
  tableOf,
} from '@consent-sim/conformance';
import { loadScenario } from '@consent-sim/sim';
import type { BenchSection } from './run.ts';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));

function shipped(process: string) {
  const dir = `${scenariosDir}${process}/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadScenario(readFileSync(`${dir}${f}`, 'utf8'), `${process}/${f}`, PROCESSES));
}

/** One role's full conform run: paths, checks by verdict, derived checks, wall and CPU time. */
export async function conformRole(name: keyof typeof PROCESSES & string, role: string) {
  const plugin = PROCESSES[name];
  if (plugin === undefined) throw new Error(`bench conform: no process ${name}`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const covers = new Map(generatePaths(plugin).paths.map((p) => [p.id, p.covers]));
  const { paths } = collectPaths(plugin, { scenarios: shipped(name), judging: role });
  const processes = tableOf(plugin);
  const client = new SutClient(inMemoryTransport(processes, role, undefined));
  const checks: Check[] = [];
  for (const path of paths) {
    checks.push(
      ...(await runAgainstSut({
        processes,
        client,
        role,
        path: { id: path.id, scenario: path.scenario, covers: covers.get(path.id) ?? [] },
      })),
    );
  }
  // A server role's negative suite (one bad request per rejection rule), as conform runs it.
  const before = checks.length;
  checks.push(...(await runNegativeSuite(plugin, role, client)));
  const negative = new Set(checks.slice(before).map((c) => c.path)).size;
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time of this process: what the role costs, whatever else shares the machine.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const count = (v: Check['verdict']) => checks.filter((c) => c.verdict === v).length;
  const derived = checks.filter((c) => c.id.includes(':derived#')).length;
  return {
    paths: paths.length,
    negative,
    checks,
    ms,
    cpuMs,
    pass: count('PASS'),
    warning: count('WARNING'),
    fail: count('FAIL'),
    derived,
  };
}

export const ROLES: readonly [keyof typeof PROCESSES, string][] = [
  ['cm-req-off', 'vnb'],
  ['cm-req-off', 'sp'],
  ['cm-req-off', 'customer'],
  ['dh-831', 'datahub'],
  ['dh-831', 'seller'],
  ['dh-831', 'customer'],
];

export default async function conformBench(): Promise<BenchSection> {
  const rows: string[] = [];
  for (const [process, role] of ROLES) {
    const r = await conformRole(process, role);
    rows.push(
      `| ${process} | ${role} | ${r.paths} | ${r.negative} | ${r.checks.length} (${r.derived} derived) | ${r.pass} / ${r.warning} / ${r.fail} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpuMs / 1000).toFixed(1)} s |`,
    );
  }
  return {
    title: 'Full conform per role against the in-process reference',
    markdown: [
      'Every model path and shipped scenario the role is judged on and, for a server role, its negative suite (one bad request per rejection rule, the reference served in process as the oracle), run as `sim conform --role R` runs them (reset, deliveries, clock moves over the SUT protocol, judging, the other readings where a path FAILs), with the reference role served in process instead of over HTTP. Target: well under two minutes per role on 2 cores. PASS / WARNING / FAIL must be n / 0 / 0 (the reference conforms to itself).',
      '',
      '| process | role | paths | negative cases | checks | PASS / WARNING / FAIL | wall time | CPU time |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `Load average at the end (1 / 5 / 15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} — other sessions may share the cores.`,
    ].join('\n'),
  };
}
