// Issue 13 build 5: the scenario loader fuzz. Shipped scenarios with one field deleted, replaced
// by a hostile value or joined by an unknown key, and their YAML text with bytes flipped, cut or
// repeated: every case either loads or is refused with a ScenarioError whose every issue names
// the file, a line and column, and a readable rule — never another exception. Accepted cases are
// run (bounded) and refused ones go through the CLI, which must exit 0/1, never 70. The seed
// varies per run and is printed with any failure; set FIXED_SEED to rerun one.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, runMain } from '@consent-sim/cli';
import { PROCESSES } from '@consent-sim/conformance';
import { loadScenario, runScenario, ScenarioError } from '@consent-sim/sim';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyMutation, type Json, mutationArb } from './mutations.ts';

const FIXED_SEED: number | null = null;
const SEED = FIXED_SEED ?? Date.now() % 2_147_483_647;
const CASES = 10_000;
/** Every n-th accepted case is run, every n-th refused one goes through the CLI. */
const RUN_EVERY = 40;
const CLI_EVERY = 100;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const SHIPPED = Object.keys(PROCESSES).flatMap((process) =>
  readdirSync(join(ROOT, process))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => {
      const text = readFileSync(join(ROOT, process, file), 'utf8');
      return { file: `scenarios/${process}/${file}`, text, document: parse(text) as Json };
    }),
);
const OUT = mkdtempSync(join(tmpdir(), 'consent-sim-loader-fuzz-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** What is wrong with a refusal, or null when every issue is located and readable. */
function badRefusal(error: ScenarioError, file: string): string | null {
  if (error.issues.length === 0) return 'a ScenarioError without issues';
  for (const issue of error.issues) {
    if (issue.file !== file) return `issue names file ${issue.file}`;
    if (!(issue.line >= 1 && issue.column >= 1)) return `issue at ${issue.line}:${issue.column}`;
    // The user's own values are quoted; outside quotes, these words mean a formatting bug.
    const prose = issue.message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    if (!/\S/.test(prose) || /\bundefined\b|\bNaN\b|\[object /.test(prose))
      return `unreadable message: ${issue.message.slice(0, 200)}`;
  }
  return null;
}

function io(cwd: string): CliIo & { err: () => string } {
  const err: string[] = [];
  return {
    stdout: () => {},
    stderr: (text) => err.push(text),
    cwd,
    env: { NO_COLOR: '1' },
    isTTY: false,
    readFile: (path) => readFileSync(path),
    listDir: (path) => readdirSync(path),
    writeFile: () => {
      throw new Error('the loader fuzz writes nothing');
    },
    err: () => err.join(''),
  };
}

describe(`issue 13 build 5: scenario loader fuzz, seed ${SEED}`, () => {
  it(`${CASES} mutated scenario files load or are refused with file, line and field; never a crash`, async () => {
    const cases = fc.sample(fc.tuple(fc.nat(), mutationArb), { seed: SEED, numRuns: CASES });
    const failures: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const [index, [pick, mutation]] of cases.entries()) {
      const base = SHIPPED[pick % SHIPPED.length] as (typeof SHIPPED)[number];
      const text = applyMutation(base.text, base.document, mutation);
      const fail = (why: string) =>
        failures.push(
          `seed ${SEED} case ${index} (${base.file}, ${JSON.stringify(mutation).slice(0, 200)}): ${why}`,
        );
      try {
        const scenario = loadScenario(text, base.file, PROCESSES);
        accepted += 1;
        if (accepted % RUN_EVERY === 0) {
          const limits = { maxSpanMs: 400 * 86_400_000, maxEvents: 50_000 };
          const result = runScenario(scenario, { processes: PROCESSES, limits });
          if (typeof result.passed !== 'boolean') fail('the run gave no verdict');
        }
      } catch (error) {
        if (!(error instanceof ScenarioError)) {
          fail(`threw ${error instanceof Error ? error.stack : String(error)}`.slice(0, 1_000));
          continue;
        }
        refused += 1;
        const bad = badRefusal(error, base.file);
        if (bad !== null) fail(bad);
        if (refused % CLI_EVERY === 0) {
          const dir = join(OUT, String(index), base.file.split('/')[1] as string);
          const name = base.file.split('/')[2] as string;
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, name), text);
          const cli = io(OUT);
          const code = await runMain(['scenario', join(dir, name)], cli, { processes: PROCESSES });
          if (code !== 1 || !cli.err().includes(name) || /\n\s+at /.test(cli.err()))
            fail(`CLI exit ${code}: ${cli.err().slice(0, 300)}`);
        }
      }
      if (failures.length >= 5) break;
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // The fuzz must reach both sides, or it tests nothing.
    expect(accepted).toBeGreaterThan(CASES / 20);
    expect(refused).toBeGreaterThan(CASES / 2);
  }, 600_000);
});
