import {
  buildConformReport,
  type Check,
  collectPaths,
  generatePaths,
  type PluginTable,
  parseExpectedFailures,
  type ReportPathInput,
  type RunCaps,
  renderConformHtml,
  renderConformJunit,
  renderConformText,
  requireSteps,
  runAgainstSut,
  type SourcedPath,
  SUT_DEFAULT_TIMEOUT_MS,
  SutClient,
  SutProtocolError,
  strict,
  summarise,
} from '@consent-sim/conformance';
import { processNames, roleNames } from '../choices.ts';
import { type Command, choiceOption, flag, stringOption } from '../command.ts';
import { htmlOptions } from '../conform-html.ts';
import { runNegative, selectNegative } from '../conform-negative.ts';
import { selectPaths } from '../conform-paths.ts';
import { CliError, EXIT, usageError } from '../errors.ts';
import { readInput, writeOutput } from '../io.ts';
import { processOfRole } from '../process-option.ts';
import { progressFor } from '../progress.ts';
import { loadShipped } from '../scenarios.ts';
import { httpTransport } from '../serve/transport.ts';

const FORMATS = ['text', 'json', 'junit', 'html'] as const;
const SOURCES = ['model', 'scenario', 'negative', 'all'] as const;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw usageError(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** --max-messages (1…10 000 000) and --max-days (1…36 500, a century: instants stay in range). */
function capsOption(messages: string | undefined, days: string | undefined): RunCaps {
  const caps: RunCaps = {};
  const within = (value: string, name: string, most: number) => {
    const n = positiveInt(value, name, 0);
    if (n > most) throw usageError(`--${name} must be at most ${most}, got "${value}"`);
    return n;
  };
  if (messages !== undefined) caps.messages = within(messages, 'max-messages', 10_000_000);
  if (days !== undefined) caps.days = within(days, 'max-days', 36_500);
  return caps;
}

function seedOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw))
    throw usageError(`--seed must be a non-negative whole number (got "${raw}")`);
  return Number(raw);
}

function targetUrl(value: string | undefined): URL {
  if (value === undefined)
    throw usageError('--target is required: the base URL of the SUT, e.g. http://127.0.0.1:8080');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--target must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--target must be an http(s) URL, got "${value}"`);
  }
  return url;
}

interface RunPathsOptions {
  processes: PluginTable;
  role: string;
  seed: number | undefined;
  covers: ReadonlyMap<string, readonly string[]>;
  expectedFailures: ReadonlySet<string>;
  client: SutClient;
  progress: ReturnType<typeof progressFor>;
  caps: RunCaps;
}

/** Runs each path against the SUT; a protocol failure names the path. */
async function runPaths(paths: readonly SourcedPath[], options: RunPathsOptions) {
  const { processes, client, role, seed, progress } = options;
  const checks: Check[] = [];
  const ran: ReportPathInput[] = [];
  for (const path of paths) {
    const scenario = seed === undefined ? path.scenario : { ...path.scenario, seed };
    // Wall time per path, for JUnit's time/timestamp only: a SUT is another system, so a
    // conform report is not reproducible byte for byte anyway (docs/reports.md).
    const startedAt = new Date().toISOString();
    const began = performance.now();
    try {
      const pathChecks = await runAgainstSut({
        processes,
        client,
        role,
        path: { id: path.id, scenario, covers: options.covers.get(path.id) ?? [] },
        caps: options.caps,
      });
      checks.push(...pathChecks);
      const failing = pathChecks.filter(
        (c) => c.verdict === 'FAIL' && !options.expectedFailures.has(c.id),
      ).length;
      progress.step(`${path.source} ${path.id}`, failing > 0);
    } catch (error) {
      if (error instanceof SutProtocolError)
        throw new CliError(`path ${path.id}: ${error.message}`, EXIT.invalid);
      if (error instanceof CliError)
        throw new CliError(`path ${path.id}: ${error.message}`, error.exitCode, error.hint);
      throw error;
    }
    ran.push({
      id: path.id,
      title: path.title,
      source: path.source,
      seed: scenario.seed,
      start: new Date(scenario.startMs).toISOString(),
      seconds: Math.round(performance.now() - began) / 1000,
      startedAt,
    });
  }
  return { checks, paths: ran, progress };
}

/** `, 3 not judged`, when there are: a weaker run says so in its last line (issue 12 item 2). */
const notJudged = (summary: { notJudged: number }) =>
  summary.notJudged > 0 ? `, ${summary.notJudged} not judged (the SUT reports no steps)` : '';

export const conformCommand: Command = {
  name: 'conform',
  summary: 'Run the generated paths and shipped scenarios against your system (SUT protocol)',
  usage: [
    'conform --role <role> --target <url> [--process cm-req-off|dh-831] [--source model|scenario|negative|all] [--path <id|title>] [--scenario <name>] [--seed N] [--max-paths N] [--format text|json|junit|html] [--out FILE] [--expected-failures FILE] [--timeout MS] [--max-messages N] [--max-days N] [--strict] [--require-steps]',
  ],
  help: `
Plays every other party of the process against your system under test (SUT), which plays --role
behind the SUT protocol (docs/sut-protocol.md) at --target. For each path (generated from the
test model, then the shipped scenarios), the harness resets the SUT, drives its test clock to
every instant before anything happens, delivers what the SUT's party receives and takes the
SUT's outbox back into its network. Checks, each citing a step id and interpretation keys:
every message (code, route, response codes, instant), every step (the SUT's own only when it
reports them), every XML document the SUT sent. Verdicts PASS / FAIL / WARNING (WARNING where
docs/interpretations names another reasonable reading) / NOT_JUDGED (a check only the SUT's own
step reports could make, when it reports none: the run is weaker and the summary counts them).

The report starts with the findings: the root cause of the FAILs (the first thing your system did
differently in a path), one per kind, step id and difference, with the number of paths it occurs
in, most paths first, and the exact command that reruns it (target, seed, --path). Then every
path by its title and id, worst first. json carries the findings and every check; junit one
testsuite per path; html a page with findings, filters and an expected-vs-actual timeline.

Options:
  --role R                 vnb, sp, customer, seller, datahub
  --target URL             the SUT's base URL (only the host you name is contacted)
  --process P              cm-req-off or dh-831 (needed for customer; implied by the others)
  --source S               model, scenario, negative (a server role: the requests it must
                           refuse, one per rejection rule) or all (default)
  --path P                 run only the path with id P (or ids starting with P), else every
                           path whose title contains P (e.g. "object at the deadline"); a
                           negative case by its id (neg-…) or rule (EC.AUTH.015)
  --scenario NAME          run only the shipped scenario NAME (with or without <process>/)
  --seed N                 run the paths under seed N instead of each one's own
  --max-paths N            run at most N paths (negative cases) per source (default all)
  --format F               text (default), json, junit, html
  --out FILE               write the report to FILE (the summary still goes to stderr)
  --expected-failures FILE check ids (JSON array, or one per line) whose FAIL does not fail the run
  --timeout MS             per request, default ${SUT_DEFAULT_TIMEOUT_MS}
  --max-messages N         per path, at most N deliveries to your system (default 100 + 10 × the
                           reference path's messages); more FAILs the path: the SUT keeps sending
  --max-days N             per path, follow your system's timers at most N virtual days after the
                           reference path's last event (default 7); later timers end the path
  --strict                 a WARNING counts as a FAIL: for a system that adopts the reference's
                           readings of the open questions (docs/interpretations)
  --require-steps          a NOT_JUDGED check (the SUT reports no steps) counts as a FAIL: for
                           a system that must report its steps (docs/sut-protocol.md)

Exit status: 0 when nothing FAILs (expected failures excepted; NOT_JUDGED does not fail a run
unless --require-steps), 1 otherwise or when the target misbehaves, 2 for usage errors.

Example:
  pnpm sim serve --role vnb --port 8080 &
  pnpm sim conform --role vnb --target http://127.0.0.1:8080 --format junit --out reports/vnb.xml
`,
  options: {
    role: { type: 'string', choices: roleNames },
    target: { type: 'string' },
    process: { type: 'string', choices: processNames },
    source: { type: 'string', choices: SOURCES },
    'max-paths': { type: 'string' },
    format: { type: 'string', choices: FORMATS },
    out: { type: 'string' },
    'expected-failures': { type: 'string' },
    timeout: { type: 'string' },
    'max-messages': { type: 'string' },
    'max-days': { type: 'string' },
    strict: { type: 'boolean' },
    'require-steps': { type: 'boolean' },
    path: { type: 'string' },
    scenario: { type: 'string' },
    seed: { type: 'string' },
  },
  async run({ io, colors, args, processes }) {
    const role = stringOption(args, 'role') as string;
    const plugin = processOfRole(processes, role, stringOption(args, 'process'));
    const process = plugin.name;
    const format = choiceOption(args, 'format', FORMATS, 'text');
    const source = choiceOption(args, 'source', SOURCES, 'all');
    const maxPaths = positiveInt(
      stringOption(args, 'max-paths'),
      'max-paths',
      Number.POSITIVE_INFINITY,
    );
    const timeout = positiveInt(stringOption(args, 'timeout'), 'timeout', SUT_DEFAULT_TIMEOUT_MS);
    const caps = capsOption(stringOption(args, 'max-messages'), stringOption(args, 'max-days'));
    const target = targetUrl(stringOption(args, 'target'));
    const expectedFile = stringOption(args, 'expected-failures');
    let expectedFailures = new Set<string>();
    if (expectedFile !== undefined) {
      const { bytes } = readInput(io, expectedFile);
      try {
        expectedFailures = parseExpectedFailures(new TextDecoder().decode(bytes));
      } catch (error) {
        throw usageError(
          `${expectedFile}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }

    const sources: ('model' | 'scenario')[] =
      source === 'all' ? ['model', 'scenario'] : source === 'negative' ? [] : [source];
    const pathSelector = stringOption(args, 'path');
    const scenarioSelector = stringOption(args, 'scenario');
    // A server role's negative suite (docs/sut-protocol.md § Requests a server must refuse).
    const negative = selectNegative(plugin, role, {
      source,
      maxPaths,
      ...(pathSelector === undefined ? {} : { path: pathSelector }),
      ...(scenarioSelector === undefined ? {} : { scenario: scenarioSelector }),
    });
    const covers = new Map(generatePaths(plugin).paths.map((p) => [p.id, p.covers]));
    const { paths: all } = collectPaths(plugin, {
      scenarios: sources.includes('scenario') ? loadShipped(io, processes) : [],
      sources,
      judging: role,
    });
    // A negative case's id or rule selects no path (and is no unknown path either).
    const onlyNegative =
      negative.length > 0 && pathSelector !== undefined && scenarioSelector === undefined;
    const selected = onlyNegative
      ? []
      : selectPaths(all, { path: pathSelector, scenario: scenarioSelector }, process);
    const paths = sources.flatMap((s) => selected.filter((p) => p.source === s).slice(0, maxPaths));
    const seed = seedOption(stringOption(args, 'seed'));
    const client = new SutClient(httpTransport(target, timeout));
    const progress = progressFor(io, colors, {
      noun: 'paths',
      total: paths.length + negative.length,
    });
    const ran = await runPaths(paths, {
      processes,
      role,
      seed,
      covers,
      expectedFailures,
      client,
      progress,
      caps,
    });
    const refused = await runNegative(plugin, negative, { client, expectedFailures, progress });
    const strictMode = flag(args, 'strict');
    const judged = [...ran.checks, ...refused.checks];
    const strictChecks = strictMode ? strict(judged) : judged;
    const checks = flag(args, 'require-steps') ? requireSteps(strictChecks) : strictChecks;
    const summary = summarise(checks, expectedFailures);
    const model = buildConformReport({
      process,
      role,
      target: target.href,
      strict: strictMode,
      summary,
      paths: [...ran.paths, ...refused.paths],
      checks,
      expectedFailures,
    });
    const report =
      format === 'json'
        ? `${JSON.stringify(model, null, 2)}\n`
        : format === 'junit'
          ? renderConformJunit(model)
          : format === 'html'
            ? renderConformHtml(model, htmlOptions(process))
            : renderConformText(model);
    const out = stringOption(args, 'out');
    if (out !== undefined) {
      writeOutput(io, out, report);
      io.stderr(
        `${summary.total} checks: ${summary.pass} PASS, ${summary.warning} WARNING, ${summary.inconclusive > 0 ? `${summary.inconclusive} INCONCLUSIVE, ` : ''}${summary.fail} FAIL${notJudged(summary)} → ${out}\n`,
      );
    } else {
      io.stdout(report);
    }
    const verdict = summary.fail === 0 ? colors.green('PASS') : colors.red('FAIL');
    ran.progress.finish(
      `${verdict} ${process} ${role}: ${paths.length} paths, ${negative.length} negative cases, ${summary.total} checks, ${summary.pass} PASS, ${summary.warning} WARNING, ${summary.inconclusive > 0 ? `${summary.inconclusive} INCONCLUSIVE, ` : ''}${summary.fail} FAIL${notJudged(summary)}`,
    );
    return summary.fail === 0 ? EXIT.ok : EXIT.invalid;
  },
};
