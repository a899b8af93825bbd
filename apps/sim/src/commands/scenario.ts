import {
  DEFAULT_SCENARIO_LIMITS,
  durationMs,
  PLAIN_COLORS,
  type RunResult,
  renderJson,
  renderJunit,
  renderMermaid,
  renderText,
  runScenario,
  type ScenarioLimits,
} from '@consent-sim/sim';
import { type Command, choiceOption, type ParsedArgs, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { writeOutput } from '../io.ts';
import { progressFor } from '../progress.ts';
import { selectScenarios } from '../scenario-files.ts';
import { loadShipped, shippedScenarios } from '../scenarios.ts';

const FORMATS = ['text', 'json', 'junit', 'mermaid'] as const;

function seedOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw usageError(`--seed must be a non-negative whole number (got "${raw}")`);
  return Number(raw);
}

const DAY_MS = 86_400_000;

/** `--max-span P3660D` and `--max-events N`, over the engine's defaults. */
function limitOptions(args: ParsedArgs): ScenarioLimits {
  const limits = { ...DEFAULT_SCENARIO_LIMITS };
  const span = stringOption(args, 'max-span');
  if (span !== undefined) {
    let ms = Number.NaN;
    try {
      ms = /^P/.test(span) ? durationMs(span) : Number.NaN;
    } catch {
      // years and months have no fixed length: refused below
    }
    if (!(ms > 0) || ms > 100 * 366 * DAY_MS)
      throw usageError(
        `--max-span must be a duration in days or hours up to P36600D, like P3660D (got "${span}")`,
      );
    limits.maxSpanMs = ms;
  }
  const events = stringOption(args, 'max-events');
  if (events !== undefined) {
    if (!/^\d{1,9}$/.test(events) || Number(events) === 0)
      throw usageError(`--max-events must be a whole number from 1 to 999999999 (got "${events}")`);
    limits.maxEvents = Number(events);
  }
  return limits;
}

export const scenarioCommand: Command = {
  name: 'scenario',
  summary: 'Run scenarios (shipped names, your files, folders, globs) in virtual time; one report',
  usage: [
    'scenario <name | file.yaml | dir | glob>... [--seed N] [--format text|json|junit|mermaid] [--out FILE]',
    'scenario --all [--format …] [--out FILE]',
  ],
  help: `
Runs every party of the process (real role machines, real XML, QR images, virtual time) from the
scenario's stimuli and checks its expectations and the engine's invariants. A 30-day deadline
takes milliseconds; the same seed gives a byte-identical trace.

Arguments, as many as you like, all run into ONE report:
  cm-req-off/happy-path   a shipped scenario (see \`pnpm sim list\`)
  my/case.yaml            a scenario file of your own
  my/scenarios            a folder: every *.yaml / *.yml inside, recursively, sorted by path
  'my/**/*.yaml'          a glob (* within a folder, ** across folders, ? one character);
                          quote it so the shell leaves it to consent-sim
Each file runs once even when several arguments name it.

Formats:
  text     a timeline: virtual date and time, from → to, step id, message and response codes
  json     the full trace (scenario, seed, passed, events with at/step/from/to/messageCode/…);
           one object for one scenario, an array for --all, a folder, a glob or several
  junit    JUnit XML for CI (a testsuite per process, one testcase per scenario)
  mermaid  a Mermaid sequence diagram

Options:
  --seed N     override the scenario's seed; a scenario with seeded faults (a fault
               \`probability\`) is then checked without its exact steps and messages, which
               hold for the file's own seed only (the report names them)
  --format F   text (default), json, junit or mermaid
  --out FILE   write the report to FILE instead of standard output
  --all        run every shipped scenario (see \`pnpm sim list\`)

With more than one scenario, a line per finished scenario (PASS/FAIL, counts so far) and a
summary go to standard error.

Exit status: 0 when the expectations and invariants hold for every scenario, 1 when not for any
(expected vs actual is shown), 2 for usage errors.

Examples:
  pnpm sim scenario cm-req-off/happy-path
  pnpm sim scenario cm-req-off/lossy-network --seed 7 --format json --out trace.json
  pnpm sim scenario --all --format junit --out reports/scenarios.xml
  pnpm sim scenario our-scenarios/ 'more/**/*.yaml' --format junit --out reports/ours.xml
`,
  options: {
    seed: { type: 'string' },
    format: { type: 'string', choices: FORMATS },
    out: { type: 'string' },
    all: { type: 'boolean' },
    'max-span': { type: 'string' },
    'max-events': { type: 'string' },
  },
  positionals: ({ io, processes }) => shippedScenarios(io, processes).map((entry) => entry.name),
  async run({ io, colors, args, processes }) {
    const format = choiceOption(args, 'format', FORMATS, 'text');
    const seed = seedOption(stringOption(args, 'seed'));
    const limits = limitOptions(args);
    const all = args.values.all === true;
    if (all && args.positionals.length > 0)
      throw usageError('give either --all or scenario names, files or folders, not both');
    if (!all && args.positionals.length === 0) {
      throw usageError(
        '`scenario` takes scenario names, .yaml files, folders or globs (see `pnpm sim list`)',
      );
    }
    const { scenarios, single } = all
      ? { scenarios: loadShipped(io, processes), single: false }
      : selectScenarios(io, processes, args.positionals);
    const out = stringOption(args, 'out');
    // One scenario printed as text is its own report; anything more also reports on stderr.
    const progress =
      single && out === undefined && format === 'text'
        ? undefined
        : progressFor(io, colors, { noun: 'scenarios', total: scenarios.length, lines: true });
    const results: RunResult[] = scenarios.map((scenario) => {
      const result = runScenario(scenario, {
        processes,
        limits,
        ...(seed === undefined ? {} : { seed }),
      });
      progress?.step(`${result.scenario} (seed ${result.seed})`, !result.passed);
      return result;
    });
    const styled = out === undefined ? colors : PLAIN_COLORS;
    let report: string;
    switch (format) {
      case 'text':
        report = results.map((result) => renderText(result, { colors: styled })).join('\n');
        break;
      case 'json':
        report = !single
          ? `[${results.map((r) => renderJson(r).trimEnd()).join(',\n')}]\n`
          : renderJson(results[0] as RunResult);
        break;
      case 'junit':
        report = renderJunit(results);
        break;
      case 'mermaid':
        report = results.map(renderMermaid).join('\n');
        break;
    }
    if (out === undefined) {
      io.stdout(report);
    } else {
      const written = writeOutput(io, out, report);
      io.stderr(`wrote ${written}\n`);
    }
    const failed = results.filter((result) => !result.passed);
    progress?.finish(
      `${failed.length === 0 ? colors.green('PASS') : colors.red('FAIL')} ${results.length} scenarios: ${results.length - failed.length} passed, ${failed.length} failed`,
    );
    return failed.length === 0 ? EXIT.ok : EXIT.invalid;
  },
};
