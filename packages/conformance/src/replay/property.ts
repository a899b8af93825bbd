/**
 * The property over seeded random runs: for random seeds, the run of {@link randomRun} keeps
 * every invariant. On failure fast-check shrinks the stimulus list (removing one stimulus at a
 * time, the seed fixed) and the error names the command that reproduces the smallest run.
 */
import fc from 'fast-check';
import type { ProcessPlugin } from '../process/plugin.ts';
import { type RandomRun, randomRun } from './random-run.ts';
import { judgeRandomRun, replayCommand } from './verdict.ts';

/** Starts from every stimulus of the seed; shrinks by dropping one index at a time. */
class KeptStimuli extends fc.Arbitrary<number[]> {
  constructor(private readonly count: number) {
    super();
  }
  generate(): fc.Value<number[]> {
    return new fc.Value(
      Array.from({ length: this.count }, (_, i) => i),
      undefined,
    );
  }
  canShrinkWithoutContext(value: unknown): value is number[] {
    return Array.isArray(value) && value.every((i) => Number.isInteger(i));
  }
  shrink(value: number[]): fc.Stream<fc.Value<number[]>> {
    const smaller = value.map((_, drop) => value.filter((__, i) => i !== drop));
    return fc.Stream.of(...smaller.map((keep) => new fc.Value(keep, undefined)));
  }
}

/** Why a run is judged broken: one message per violated rule; empty when it holds. */
export type RunJudge = (run: RandomRun) => string[];

/** The engine's verdict: every invariant violation of the run. */
export const invariantJudge: RunJudge = (run) =>
  judgeRandomRun(run).result.violations.map((v) => `${v.invariant}: ${v.message}`);

export interface RandomRunsOptions {
  /** fast-check's own seed: which run seeds are drawn (a test fixes it). */
  seed: number;
  /** Runs per process (default 30). */
  numRuns?: number;
  /** Default: the engine's invariants. Tests pass a deliberately strict judge. */
  judge?: RunJudge;
}

/**
 * Checks `numRuns` random runs of `process`; throws fast-check's report on the first broken one,
 * shrunk, with the reproducing `pnpm sim replay …` command in the message.
 *
 * @example checkRandomRuns(PROCESSES['dh-831'], { seed: 1, numRuns: 30 }) // returns when every run holds
 */
export function checkRandomRuns(plugin: ProcessPlugin, options: RandomRunsOptions): void {
  const process = plugin.name;
  const judge = options.judge ?? invariantJudge;
  const runs = fc
    .noShrink(fc.nat({ max: 2 ** 31 - 1 }))
    .chain((seed) =>
      new KeptStimuli(randomRun(plugin, seed).generated).map((keep) => ({ seed, keep })),
    );
  const details = fc.check(
    fc.property(runs, ({ seed, keep }) => {
      const broken = judge(randomRun(plugin, seed, keep));
      if (broken.length > 0) throw new Error(broken.join('\n  '));
    }),
    { seed: options.seed, numRuns: options.numRuns ?? 30 },
  );
  const counterexample = details.counterexample?.[0];
  if (!details.failed || counterexample === undefined) return;
  const run = randomRun(plugin, counterexample.seed, counterexample.keep);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  throw new Error(
    `consent-sim: a random ${process} run broke a rule after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s) to ${run.kept.length} of ${run.generated} stimuli; reproduce with \`${replayCommand(run)}\`\n  ${cause}\n  (fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}")`,
  );
}
