export { runMain } from './cli.ts';
export type { Command, CommandContext } from './command.ts';
export { CliError, EXIT, type ExitCode } from './errors.ts';
export type { CliIo } from './io.ts';
