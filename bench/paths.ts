/**
 * Model-based path generation (xstate/graph over the catalogue-derived test models): how many
 * paths per process, how long generation takes, and how long the generated suite takes to run
 * through the real engine.
 */
import { performance } from 'node:perf_hooks';
import { generatePaths, PROCESSES } from '@consent-sim/conformance';
import { runScenario } from '@consent-sim/sim';
import type { BenchSection } from './run.ts';

export default async function pathsBench(): Promise<BenchSection> {
  const rows: string[] = [];
  for (const process of ['cm-req-off', 'dh-831'] as const) {
    const { paths, stats } = generatePaths(PROCESSES[process]);
    const started = performance.now();
    let passed = 0;
    for (const path of paths)
      if (runScenario(path.toScenario(), { processes: PROCESSES }).passed) passed += 1;
    const runMs = performance.now() - started;
    rows.push(
      `| ${process} | ${stats.count} | ${stats.dropped} | ${stats.generationMs.toFixed(0)} ms | ${(runMs / 1000).toFixed(1)} s | ${passed}/${paths.length} |`,
    );
  }
  return {
    title: 'Model-based paths: counts and generation time',
    markdown: [
      'Shortest + simple paths of each test model, deduplicated and bounded (default 400 per process).',
      '',
      '| process | paths | dropped by the bound | generation | running all through the engine | passing |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'),
  };
}
