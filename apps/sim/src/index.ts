export { type MainOptions, runMain } from './cli.ts';
export type { Command, CommandContext } from './command.ts';
export { CliError, EXIT, type ExitCode } from './errors.ts';
export type { CliIo } from './io.ts';
export {
  type RunningSutServer,
  type SutServerOptions,
  startSutServer,
} from './serve/server.ts';
