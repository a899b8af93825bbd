import {
  type Coverage,
  type CoverageRun,
  collectPaths,
  computeCoverage,
  conformRuns,
  PATH_SOURCES,
  type PathSource,
  type ProcessPlugin,
  renderCoverageText,
} from '@consent-sim/conformance';
import { runScenario } from '@consent-sim/sim';
import { checkChoice, processNames } from '../choices.ts';
import { type Command, type CommandContext, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { processesOption } from '../process-option.ts';
import { progressFor } from '../progress.ts';
import { loadShipped } from '../scenarios.ts';

/** `conform`: the negative suites of the server roles, against the reference served in process. */
export type CoverageSource = PathSource | 'conform';
export const SOURCE_CHOICES: readonly (PathSource | 'all')[] = [...PATH_SOURCES, 'all'];
export const COVERAGE_SOURCE_CHOICES: readonly (CoverageSource | 'all')[] = [
  ...PATH_SOURCES,
  'conform',
  'all',
];
export const TEXT_OR_JSON = ['text', 'json'] as const;

/** `--source model|scenario|all` (default all), for the commands that list paths. */
export function sourcesOption(raw: string | undefined): PathSource[] {
  const source = raw === undefined ? 'all' : checkChoice('source', raw, SOURCE_CHOICES);
  return source === 'all' ? [...PATH_SOURCES] : [source];
}

/** `--source model|scenario|conform|all` (default all). */
function coverageSourcesOption(raw: string | undefined): CoverageSource[] {
  const source = raw === undefined ? 'all' : checkChoice('source', raw, COVERAGE_SOURCE_CHOICES);
  return source === 'all' ? [...PATH_SOURCES, 'conform'] : [source];
}

export function textOrJson(raw: string | undefined): 'text' | 'json' {
  return raw === undefined ? 'text' : checkChoice('format', raw, TEXT_OR_JSON);
}

async function coverageOf(
  ctx: CommandContext,
  plugin: ProcessPlugin,
  sources: CoverageSource[],
): Promise<Coverage> {
  const process = plugin.name;
  const pathSources = sources.filter((s): s is PathSource => s !== 'conform');
  const { paths, skipped } =
    pathSources.length === 0
      ? { paths: [], skipped: [] }
      : collectPaths(plugin, {
          scenarios: loadShipped(ctx.io, ctx.processes),
          sources: pathSources,
        });
  for (const skip of skipped) {
    ctx.io.stderr(
      `${ctx.colors.yellow('skipped')} ${process} ${skip.source} path ${skip.id}: ${skip.error}\n`,
    );
  }
  const progress = progressFor(ctx.io, ctx.colors, {
    noun: `${process} runs`,
    total: paths.length,
  });
  const engineRuns = paths.map((path) => {
    const run = runScenario(path.scenario, { processes: ctx.processes });
    progress.step(`${path.source} ${path.id}`, !run.passed);
    return run;
  });
  const failed = engineRuns.filter((run) => !run.passed).length;
  const runs: CoverageRun[] = [...engineRuns];
  if (sources.includes('conform')) {
    // The server roles' negative suites, the reference in place of the SUT (docs/sut-protocol.md).
    runs.push(...(await conformRuns(plugin, (run) => progress.step(run.scenario, false))));
  }
  progress.finish(`${process}: ${runs.length} runs, ${failed} did not meet their expectations`);
  if (failed > 0) {
    ctx.io.stderr(
      `${ctx.colors.yellow('note')}: ${failed} of ${runs.length} ${process} runs did not meet their expectations (see \`pnpm sim scenario\`); coverage counts what their traces show\n`,
    );
  }
  return computeCoverage(plugin, runs);
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'Count which steps, gateway branches, codes and deadline sides the runs cover',
  usage: [
    'coverage [--process cm-req-off|dh-831] [--source model|scenario|all] [--format text|json]',
  ],
  help: `
Runs the shipped scenarios and the model-based paths of each process and counts, over their
traces, which catalogue items they cover:

  steps          every catalogue step id (CM_REQ_OFF aliases count for their canonical step)
  gateways       every branch of every gateway
  messageCodes   every message code / type
  responseCodes  every CM response code (cm-req-off)
  errorIds       every Datahub error id EC.* (dh-831)
  deadlines      each deadline's sides: an event at or before the deadline instant, after it

Uncovered items are listed; a gap that is by design carries its reason and interpretation key.
How each item is recognised in a trace: docs/test-vectors.md, "Coverage".

Options:
  --process P   cm-req-off or dh-831 (default: both)
  --source S    model (generated paths), scenario (shipped), conform (the negative suites
                of the server roles: every request a DSO or Datahub must refuse, sent to
                the reference served as a SUT), all (default)
  --format F    text (default) or json

Exit status: 0 when every category is complete or every gap carries a reason, 1 when a gap has
no reason, 2 for usage errors.

Examples:
  pnpm sim coverage
  pnpm sim coverage --process dh-831 --source scenario --format json
`,
  options: {
    process: { type: 'string', choices: processNames },
    source: { type: 'string', choices: COVERAGE_SOURCE_CHOICES },
    format: { type: 'string', choices: TEXT_OR_JSON },
  },
  async run(ctx) {
    const { args, io } = ctx;
    if (args.positionals.length > 0) {
      throw usageError(`\`coverage\` takes no arguments (got "${args.positionals.join(' ')}")`);
    }
    const processes = processesOption(ctx.processes, stringOption(args, 'process'));
    const sources = coverageSourcesOption(stringOption(args, 'source'));
    const format = textOrJson(stringOption(args, 'format'));
    const coverages: Coverage[] = [];
    for (const process of processes) coverages.push(await coverageOf(ctx, process, sources));
    if (format === 'json') {
      io.stdout(
        `${JSON.stringify({ format: 'consent-sim.coverage/1', sources, coverages }, null, 2)}\n`,
      );
    } else {
      io.stdout(coverages.map(renderCoverageText).join('\n'));
    }
    return coverages.every((coverage) => coverage.complete) ? EXIT.ok : EXIT.invalid;
  },
};
