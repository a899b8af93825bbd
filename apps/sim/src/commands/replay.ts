import {
  judgeRandomRun,
  KeepError,
  type ProcessPlugin,
  type RandomRun,
  randomRun,
  replayCommand,
} from '@consent-sim/conformance';
import { PLAIN_COLORS, type RunResult, renderJson, renderText } from '@consent-sim/sim';
import { processNames } from '../choices.ts';
import { type Command, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { processesOption } from '../process-option.ts';
import { TEXT_OR_JSON, textOrJson } from './coverage.ts';

function seedOption(raw: string | undefined): number {
  if (raw === undefined) throw usageError('`replay` needs --seed N (the seed a failing run names)');
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2 ** 31 - 1) {
    throw usageError(`--seed must be a whole number from 0 to 2147483647 (got "${raw}")`);
  }
  return Number(raw);
}

function keepOption(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'none') return [];
  if (!/^\d+(,\d+)*$/.test(raw)) {
    throw usageError(`--keep must list stimulus indices like 0,3,4 or be "none" (got "${raw}")`);
  }
  return raw.split(',').map(Number);
}

/** The seed's run; a `--keep` index the seed did not generate, or one listed twice, is a usage error. */
function regenerate(plugin: ProcessPlugin, seed: number, keep?: readonly number[]): RandomRun {
  try {
    return randomRun(plugin, seed, keep);
  } catch (error) {
    if (error instanceof KeepError) throw usageError(`--keep ${error.problem}`);
    throw error;
  }
}

/** Random runs have no expectations: the report shows only the invariants' verdict. */
function invariantsOnly(result: RunResult): RunResult {
  return { ...result, failures: [], passed: result.violations.length === 0 };
}

export const replayRunCommand: Command = {
  name: 'replay',
  summary: 'Regenerate a seeded random run (stimuli and faults) and check the invariants',
  usage: ['replay --seed N [--process cm-req-off|dh-831] [--keep I,J,…] [--format text|json]'],
  help: `
Regenerates the random run of a seed: a random list of stimuli at random instants and, swarm
style, a random subset of the fault kinds (drop, duplicate, delay, reorder, corrupt) with random
filters. Runs it through the engine and judges it by the invariants only (random runs have no
expectations). A failing property test prints the exact command to run here; a shrunk run adds
--keep with the indices of the stimuli it kept.

Options:
  --seed N      the run's seed (required)
  --process P   cm-req-off or dh-831 (default: both, one run each)
  --keep I,J    keep only these generated stimuli (0-based, any order, each once), or "none";
                an index the seed did not generate, or one listed twice, is a usage error
  --format F    text (default: timeline and verdict) or json (the full trace)

Exit status: 0 when every invariant holds, 1 when one breaks, 2 for usage errors.

Examples:
  pnpm sim replay --seed 42 --process dh-831
  pnpm sim replay --seed 922382085 --process cm-req-off --keep 6 --format json
`,
  options: {
    seed: { type: 'string' },
    process: { type: 'string', choices: processNames },
    keep: { type: 'string' },
    format: { type: 'string', choices: TEXT_OR_JSON },
  },
  async run({ io, colors, args, processes: table }) {
    if (args.positionals.length > 0) {
      throw usageError(`\`replay\` takes no arguments (got "${args.positionals.join(' ')}")`);
    }
    const seed = seedOption(stringOption(args, 'seed'));
    const processes = processesOption(table, stringOption(args, 'process'));
    const keep = keepOption(stringOption(args, 'keep'));
    const format = textOrJson(stringOption(args, 'format'));
    const verdicts = processes.map((plugin) => judgeRandomRun(regenerate(plugin, seed, keep)));
    const results = verdicts.map((verdict) => invariantsOnly(verdict.result));
    if (format === 'json') {
      io.stdout(
        results.length === 1
          ? renderJson(results[0] as RunResult)
          : `[${results.map((r) => renderJson(r).trimEnd()).join(',\n')}]\n`,
      );
    } else {
      verdicts.forEach((verdict, index) => {
        const { run } = verdict;
        io.stdout(
          `${replayCommand(run)}\n  fault kinds: ${run.faultKinds.join(', ') || 'none'}; stimuli kept: ${run.kept.length} of ${run.generated}\n`,
        );
        io.stdout(
          renderText(results[index] as RunResult, { colors: io.isTTY ? colors : PLAIN_COLORS }),
        );
      });
    }
    for (const verdict of verdicts) {
      io.stderr(
        `${verdict.holds ? colors.green('HOLDS') : colors.red('BROKEN')} ${replayCommand(verdict.run)}\n`,
      );
    }
    return verdicts.every((verdict) => verdict.holds) ? EXIT.ok : EXIT.invalid;
  },
};
