import { type PluginTable, PROCESSES } from '@consent-sim/conformance';
import { closest } from '@consent-sim/sim';
import { type Colors, colorsFor } from './colors.ts';
import type { Command } from './command.ts';
import { COMMANDS, loadCommands } from './command-table.ts';
import { CliError, EXIT, type ExitCode } from './errors.ts';
import type { CliIo } from './io.ts';
import { parseCommandArgs } from './parse-args.ts';

const VERSION = '0.1.0';

async function mainHelp(): Promise<string> {
  const rows = (await loadCommands()).map(
    (command) => `  ${command.name.padEnd(10)} ${command.summary}`,
  );
  return [
    'consent-sim — reference simulator and conformance harness for energy-data consent processes',
    '(EDA CM_REQ_OFF, Datahub DH-831).',
    '',
    'Usage: pnpm sim <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `pnpm sim help <command>` (or `pnpm sim <command> --help`) for the options and an example',
    'of each command; `pnpm sim completion bash|zsh` prints a shell completion script.',
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

function unknownCommand(io: CliIo, colors: Colors, name: string): ExitCode {
  const near = closest(name, Object.keys(COMMANDS));
  io.stderr(
    `${colors.red('error')}: unknown command "${name}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}\n` +
      'Run `pnpm sim --help` for the list of commands.\n',
  );
  return EXIT.usage;
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
  const helpFor = name === 'help' && rest.length > 0 ? rest : undefined;
  if (helpFor === undefined && (name === undefined || ['--help', '-h', 'help'].includes(name))) {
    io.stdout(await mainHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  // `sim help <command>` is `sim <command> --help`.
  const commandName = helpFor === undefined ? (name as string) : (helpFor[0] as string);
  const load = Object.hasOwn(COMMANDS, commandName) ? COMMANDS[commandName] : undefined;
  if (load === undefined) return unknownCommand(io, colors, commandName);
  const command = await load();
  if (helpFor !== undefined) {
    if (helpFor.length > 1) {
      io.stderr(
        `${colors.red('error')}: \`help\` takes one command (got "${helpFor.join(' ')}")\n`,
      );
      return EXIT.usage;
    }
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const args = parseCommandArgs(command, rest, processes);
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
