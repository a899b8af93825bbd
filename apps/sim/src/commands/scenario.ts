import {
  PLAIN_COLORS,
  type RunResult,
  renderJson,
  renderJunit,
  renderMermaid,
  renderText,
  runScenario,
} from '@consent-sim/sim';
import { type Command, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { writeOutput } from '../io.ts';
import { loadShipped, resolveScenario } from '../scenarios.ts';

const FORMATS = ['text', 'json', 'junit', 'mermaid'] as const;
type Format = (typeof FORMATS)[number];

function formatOption(raw: string | undefined): Format {
  const format = raw ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }
  return format as Format;
}

function seedOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw usageError(`--seed must be a non-negative whole number (got "${raw}")`);
  return Number(raw);
}

export const scenarioCommand: Command = {
  name: 'scenario',
  summary: 'Run a named scenario in virtual time and print its timeline and verdict',
  usage: [
    'scenario <name | file.yaml> [--seed N] [--format text|json|junit|mermaid] [--out FILE]',
    'scenario --all [--format …] [--out FILE]',
  ],
  help: `
Runs every party of the process (real role machines, real XML, QR images, virtual time) from the
scenario's stimuli and checks its expectations and the engine's invariants. A 30-day deadline
takes milliseconds; the same seed gives a byte-identical trace.

  text     a timeline: virtual date and time, from → to, step id, message and response codes
  json     the full trace (scenario, seed, passed, events with at/step/from/to/messageCode/…)
  junit    JUnit XML for CI (one testcase per scenario)
  mermaid  a Mermaid sequence diagram

Options:
  --seed N     override the scenario's seed
  --format F   text (default), json, junit or mermaid
  --out FILE   write the report to FILE instead of standard output
  --all        run every shipped scenario (see \`pnpm sim list\`)

Exit status: 0 when the expectations and invariants hold, 1 when not (expected vs actual is
shown), 2 for usage errors.

Examples:
  pnpm sim scenario cm-req-off/happy-path
  pnpm sim scenario cm-req-off/lossy-network --seed 7 --format json --out trace.json
  pnpm sim scenario --all --format junit --out reports/scenarios.xml
`,
  options: {
    seed: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    all: { type: 'boolean' },
  },
  async run({ io, colors, args, processes }) {
    const format = formatOption(stringOption(args, 'format'));
    const seed = seedOption(stringOption(args, 'seed'));
    const all = args.values.all === true;
    if (all && args.positionals.length > 0)
      throw usageError('give either --all or a scenario name, not both');
    if (!all && args.positionals.length !== 1) {
      throw usageError('`scenario` takes one scenario name or .yaml file (see `pnpm sim list`)');
    }
    const scenarios = all
      ? loadShipped(io, processes)
      : [resolveScenario(io, processes, args.positionals[0] ?? '')];
    const results: RunResult[] = scenarios.map((scenario) =>
      runScenario(scenario, { processes, ...(seed === undefined ? {} : { seed }) }),
    );
    const out = stringOption(args, 'out');
    const styled = out === undefined ? colors : PLAIN_COLORS;
    let report: string;
    switch (format) {
      case 'text':
        report = results.map((result) => renderText(result, { colors: styled })).join('\n');
        break;
      case 'json':
        report = all
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
    if (all || out !== undefined || format !== 'text') {
      for (const result of results) {
        io.stderr(
          `${result.passed ? colors.green('PASS') : colors.red('FAIL')} ${result.scenario} (seed ${result.seed})\n`,
        );
      }
    }
    return failed.length === 0 ? EXIT.ok : EXIT.invalid;
  },
};
