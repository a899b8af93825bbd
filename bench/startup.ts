/**
 * Start-up time of the built `consent-sim` command (issue 14 item 7): wall time of whole
 * processes, cold (each run is a new process), with plain `node`, against `node -e 0` measured
 * in the same rounds. The commands alternate round-robin so a machine that slows down or speeds
 * up during the run shifts every row alike; each ratio divides by the baseline of the same run.
 * Targets: `--help` at most 6× `node -e 0`, `scenario cm-req-off/happy-path` at most 12×.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, getPriority, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './run.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const app = join(root, 'apps/sim');
const ROUNDS = 15;
const WARM_UP = 2;
const SCENARIO = 'cm-req-off/happy-path';

/** The installed command's entry, as `apps/sim/package.json` declares it for publishing. */
function binPath(): string {
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
    bin?: Record<string, string>;
    publishConfig?: { bin?: Record<string, string> };
  };
  const bin = manifest.publishConfig?.bin?.['consent-sim'] ?? manifest.bin?.['consent-sim'];
  if (bin === undefined)
    throw new Error('bench/startup: apps/sim/package.json names no consent-sim bin');
  return join(app, bin);
}

/** The newest source file the bundle is built from (tests excluded), to tell a stale dist. */
function newestSource(): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const { mtimeMs } = statSync(path);
        if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
      }
    }
  };
  walk(join(app, 'src'));
  for (const pkg of readdirSync(join(root, 'packages'))) walk(join(root, 'packages', pkg, 'src'));
  return newest;
}

/** Builds with `pnpm build` when dist is missing or older than its sources; fails clearly. */
function ensureBuilt(bin: string): string {
  const source = newestSource();
  const reason = !existsSync(bin)
    ? `${relative(root, bin)} is missing`
    : statSync(bin).mtimeMs < source.mtimeMs
      ? `${relative(root, bin)} is older than ${relative(root, source.path)}`
      : undefined;
  if (reason === undefined) return 'the existing build (newer than every source file)';
  process.stderr.write(`  startup: ${reason}; running \`pnpm --silent build\`…\n`);
  const build = spawnSync('pnpm', ['--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(bin)) {
    throw new Error(
      `bench/startup: ${reason} and \`pnpm --silent build\` failed (exit ${build.status ?? build.signal}); run \`pnpm build\` and fix it, then \`pnpm bench startup\``,
    );
  }
  return `a fresh \`pnpm build\` (${reason})`;
}

interface Subject {
  label: string;
  file: string;
  args: string[];
  target?: number;
  /** Said after the command, outside its code span. */
  note?: string;
}

/** Without NODE_OPTIONS: `pnpm bench` runs under tsx, and plain `node` must not inherit a loader. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return env;
}

/** One cold run; output to /dev/null. A failing command stops the benchmark (it times nothing). */
function timeOnce(subject: Subject, env: NodeJS.ProcessEnv, check: boolean): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(subject.file, subject.args, {
    cwd: root,
    env,
    stdio: check ? ['ignore', 'pipe', 'pipe'] : 'ignore',
    maxBuffer: 16 << 20,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    throw new Error(
      `bench/startup: \`${subject.label}\` exited ${run.status ?? run.signal}${check ? `: ${String(run.stderr).slice(0, 500)}` : ''}`,
    );
  }
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

export default async function startupBench(): Promise<BenchSection> {
  const bin = binPath();
  const built = ensureBuilt(bin);
  const node = process.execPath;
  const binName = relative(root, bin);
  const subjects: Subject[] = [
    { label: 'node -e 0', file: node, args: ['-e', '0'] },
    { label: `node ${binName} --help`, file: node, args: [bin, '--help'], target: 6 },
    {
      label: `node ${binName} scenario ${SCENARIO}`,
      file: node,
      args: [bin, 'scenario', SCENARIO],
      target: 12,
    },
    {
      label: 'pnpm --silent sim --help',
      file: 'pnpm',
      args: ['--silent', 'sim', '--help'],
      note: ' (tsx, from source)',
    },
  ];
  const env = childEnv();
  const loadAtStart = load();
  const times = subjects.map((): number[] => []);
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    const counted = round >= WARM_UP;
    process.stderr.write(
      `  startup: ${counted ? `round ${round - WARM_UP + 1}/${ROUNDS}` : `warm-up ${round + 1}/${WARM_UP}`}\n`,
    );
    // Round-robin, starting one further each round, so no command always follows the same one.
    for (let step = 0; step < subjects.length; step++) {
      const index = (round + step) % subjects.length;
      const subject = subjects[index] as Subject;
      const ms = timeOnce(subject, env, !counted);
      if (counted) times[index]?.push(ms);
    }
  }
  const loadAtEnd = load();

  const baseline = times[0] ?? [];
  const base = median(baseline);
  const verdicts: string[] = [];
  const rows = subjects.map((subject, index) => {
    const own = times[index] ?? [];
    const med = median(own);
    const ratio = med / base;
    // The same ratio taken round by round (each run against the baseline of its own round).
    const paired = median(own.map((ms, round) => ms / (baseline[round] ?? base)));
    const target = subject.target === undefined ? '—' : `≤ ${subject.target}×`;
    let verdict = '—';
    if (subject.target !== undefined) {
      verdict = ratio <= subject.target ? 'met' : 'not met';
      verdicts.push(
        `Target \`${subject.label.replace(`node ${binName} `, '')}\` ≤ ${subject.target}× \`node -e 0\`: **${verdict}** (${ratio.toFixed(1)}×, ${med.toFixed(0)} ms).`,
      );
    }
    return `| \`${subject.label}\`${subject.note ?? ''} | **${med.toFixed(0)}** | ${Math.min(...own).toFixed(0)}–${Math.max(...own).toFixed(0)} | **${ratio.toFixed(1)}×** | ${paired.toFixed(1)}× | ${target} | ${verdict} |`;
  });

  const priority = getPriority();
  return {
    title: 'Start-up time of the built command',
    markdown: [
      `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, niceness ${priority}; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${loadAtEnd} at the end. Measured on ${built}.`,
      '',
      `Wall time of each command as a new process (spawned, output to /dev/null, \`NODE_OPTIONS\` unset), median in ms over ${ROUNDS} rounds after ${WARM_UP} warm-up rounds; the four commands alternate round-robin. "× node -e 0" is the command's median divided by the median of \`node -e 0\` in the same run; "paired" is the median of the per-round ratios.`,
      '',
      '| command | median ms | min–max ms | × node -e 0 | paired | target | verdict |',
      '|---|---:|---:|---:|---:|---|---|',
      ...rows,
      '',
      ...verdicts,
    ].join('\n'),
  };
}
