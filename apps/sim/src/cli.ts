import { parseArgs } from 'node:util';
import { type PluginTable, PROCESSES } from '@consent-sim/conformance';
import { closest } from '@consent-sim/sim';
import { colorsFor } from './colors.ts';
import type { Command, ParsedArgs } from './command.ts';
import { CliError, EXIT, type ExitCode } from './errors.ts';
import type { CliIo } from './io.ts';

/** Commands load lazily so `sim id …` does not pay for the simulator's start-up. */
const commands: Record<string, () => Promise<Command>> = {
  scenario: async () => (await import('./commands/scenario.ts')).scenarioCommand,
  list: async () => (await import('./commands/list.ts')).listCommand,
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  sample: async () => (await import('./commands/sample.ts')).sampleCommand,
  id: async () => (await import('./commands/id.ts')).idCommand,
  qr: async () => (await import('./commands/qr.ts')).qrCommand,
  coverage: async () => (await import('./commands/coverage.ts')).coverageCommand,
  paths: async () => (await import('./commands/paths.ts')).pathsCommand,
  replay: async () => (await import('./commands/replay.ts')).replayRunCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  conform: async () => (await import('./commands/conform.ts')).conformCommand,
  mutants: async () => (await import('./commands/mutants.ts')).mutantsCommand,
  schema: async () => (await import('./commands/schema.ts')).schemaCommand,
};

const VERSION = '0.1.0';

async function mainHelp(): Promise<string> {
  const rows: string[] = [];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    rows.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  return [
    'consent-sim — reference simulator and conformance harness for energy-data consent processes',
    '(EDA CM_REQ_OFF, Datahub DH-831).',
    '',
    'Usage: pnpm sim <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `pnpm sim <command> --help` for the options and an example of each command.',
    'Exit codes: 0 ok, 1 invalid input or failed verdict, 2 usage error.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [
    `${command.summary}`,
    '',
    'Usage:',
    ...command.usage.map((line) => `  pnpm sim ${line}`),
    '',
    command.help.trim(),
    '',
  ].join('\n');
}

export interface MainOptions {
  /** The processes the commands know; default the registry (`PROCESSES`). Tests pass their own. */
  processes?: PluginTable;
}

/**
 * Runs the CLI on `rawArgs` (without the node/script prefix) and returns the exit code.
 * Tests drive this directly with a fake `io`; `main.ts` passes the real process.
 */
export async function runMain(
  rawArgs: readonly string[],
  io: CliIo,
  options: MainOptions = {},
): Promise<ExitCode> {
  const processes = options.processes ?? PROCESSES;
  const colors = colorsFor(io);
  const [name, ...rest] = rawArgs;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await mainHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const load = commands[name];
  if (load === undefined) {
    const near = closest(name, Object.keys(commands));
    io.stderr(
      `${colors.red('error')}: unknown command "${name}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}\n` +
        'Run `pnpm sim --help` for the list of commands.\n',
    );
    return EXIT.usage;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    let args: ParsedArgs;
    try {
      const parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
      args = { values: parsed.values, positionals: parsed.positionals };
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), EXIT.usage);
    }
    return await command.run({ io, colors, args, processes });
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${colors.red('error')}: ${error.message}\n`);
      if (error.hint) io.stderr(`${colors.dim('hint')}: ${error.hint}\n`);
      if (error.exitCode === EXIT.usage) {
        io.stderr(`Usage: ${command.usage.map((u) => `pnpm sim ${u}`).join('\n       ')}\n`);
        io.stderr(`Run \`pnpm sim ${command.name} --help\` for details.\n`);
      }
      return error.exitCode;
    }
    throw error;
  }
}
