/**
 * Load: N concurrent offline consents with seeded random outcomes through one DSO (issue
 * "CM_REQ_OFF reference model", item 6). Each run is its own process so peak memory (max RSS)
 * is that run's alone. The same script runs on the engine's heap clock and, as the baseline,
 * on xstate's SimulatedClock (which sorts every timer on every advance).
 * Targets: 100k consents under 60 s and 2 GB on 2 cores; growth 10k → 100k at most 12×.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';

interface LoadRun {
  n: number;
  clock: 'heap' | 'simulated';
  wallMs: number;
  maxRssMb: number;
  tasks: number;
  outcomes: Record<string, number>;
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
/** The old-space cap makes V8 collect instead of growing towards the machine's memory. */
const HEAP_CAP_MB = 1536;

function run(n: number, clock: LoadRun['clock']): LoadRun {
  const out = execFileSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', worker, String(n), clock],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as LoadRun;
}

export default async function loadBench(): Promise<BenchSection> {
  const sizes = (process.env.LOAD_SIZES ?? '1000,10000,100000').split(',').map(Number);
  const baselineSizes = (process.env.BASELINE_SIZES ?? '1000,10000').split(',').map(Number);
  const heap = new Map<number, LoadRun>();
  const rows: string[] = [];
  for (const n of sizes) {
    process.stderr.write(`  load: ${n} consents, heap clock…\n`);
    const result = run(n, 'heap');
    heap.set(n, result);
    rows.push(
      `| ${n.toLocaleString('en')} | heap (engine) | ${(result.wallMs / 1000).toFixed(1)} s | ${Math.round(result.maxRssMb)} MB | ${result.tasks.toLocaleString('en')} | — |`,
    );
  }
  for (const n of baselineSizes) {
    process.stderr.write(`  load: ${n} consents, SimulatedClock baseline…\n`);
    const result = run(n, 'simulated');
    const ours = heap.get(n);
    const ratio = ours ? `${(result.wallMs / ours.wallMs).toFixed(1)}× slower` : '—';
    rows.push(
      `| ${n.toLocaleString('en')} | xstate SimulatedClock | ${(result.wallMs / 1000).toFixed(1)} s | ${Math.round(result.maxRssMb)} MB | ${result.tasks.toLocaleString('en')} | ${ratio} |`,
    );
  }
  const small = heap.get(10_000);
  const large = heap.get(100_000);
  const growth = small && large ? (large.wallMs / small.wallMs).toFixed(1) : 'n/a';
  const outcomes = large ?? heap.get(sizes.at(-1) ?? 0);
  return {
    title: 'CM_REQ_OFF load: N consents through one DSO',
    markdown: [
      'The real `vnbMachine` (one `vnbConsent` actor per ConsentId) driven by a seeded script that plays',
      'customers and the SP: applications spread over day 1; 10% never redeem (30-day timeout), 10% redeem',
      'on day 31 (180), 15% object within the window (172), 5% object on day 7 (revocation), 60% become',
      `active. Wire formats are not in this loop (they have their own rows above). Node runs with`,
      `\`--max-old-space-size=${HEAP_CAP_MB}\`; memory is the process's peak RSS.`,
      '',
      '| consents | clock | wall time | peak RSS | clock tasks | baseline vs engine |',
      '|---:|---|---:|---:|---:|---|',
      ...rows,
      '',
      `Growth of wall time from 10k to 100k: ${growth}× (target at most 12×).`,
      outcomes
        ? `Outcomes at ${outcomes.n.toLocaleString('en')}: ${JSON.stringify(outcomes.outcomes)}.`
        : '',
      'The SimulatedClock baseline is not run at 100k: its cost grows with the square of the pending timers.',
    ].join('\n'),
  };
}
