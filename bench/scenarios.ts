/**
 * Wall time of every shipped scenario through the real engine (machines, XML, QR images),
 * median of three runs each, as `pnpm sim scenario` runs them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PROCESSES } from '@consent-sim/conformance';
import { loadScenario, runScenario } from '@consent-sim/sim';
import type { BenchSection } from './run.ts';

const root = fileURLToPath(new URL('../scenarios/', import.meta.url));
const RUNS = 3;

export default async function scenariosBench(): Promise<BenchSection> {
  const rows: string[] = [];
  let total = 0;
  for (const process of readdirSync(root)
    .filter((name) => !name.includes('.'))
    .sort()) {
    for (const file of readdirSync(join(root, process))
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const name = `${process}/${file.replace(/\.yaml$/, '')}`;
      const scenario = loadScenario(
        readFileSync(join(root, process, file), 'utf8'),
        `scenarios/${name}.yaml`,
        PROCESSES,
      );
      const times: number[] = [];
      let events = 0;
      let passed = true;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const result = runScenario(scenario, { processes: PROCESSES });
        times.push(performance.now() - started);
        events = result.events.length;
        passed &&= result.passed;
      }
      times.sort((a, b) => a - b);
      const median = times[1] ?? times[0] ?? 0;
      total += median;
      rows.push(`| ${name} | ${events} | ${median.toFixed(0)} ms | ${passed ? 'PASS' : 'FAIL'} |`);
    }
  }
  return {
    title: 'Shipped scenarios: wall time',
    markdown: [
      `Median of ${RUNS} runs per scenario, in one process (after the first scenario, modules are warm).`,
      '',
      '| scenario | trace events | wall time | verdict |',
      '|---|---:|---:|---|',
      ...rows,
      '',
      `All ${rows.length} scenarios: ${(total / 1000).toFixed(1)} s.`,
    ].join('\n'),
  };
}
