import type { ParseArgsConfig } from 'node:util';
import type { PluginTable } from '@consent-sim/conformance';
import type { Colors } from './colors.ts';
import type { ExitCode } from './errors.ts';
import type { CliIo } from './io.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

export interface CommandContext {
  io: CliIo;
  /** The processes this run of the CLI knows (the registry, or a table a test passes). */
  processes: PluginTable;
  colors: Colors;
  args: ParsedArgs;
}

/** One `sim` command: its help text is the documentation users read first. */
export interface Command {
  name: string;
  /** One line for `sim --help`. */
  summary: string;
  /** `sim <name> …` synopsis lines. */
  usage: string[];
  /** Longer description, options and examples, shown by `sim <name> --help`. */
  help: string;
  options: OptionSpec;
  run(ctx: CommandContext): Promise<ExitCode>;
}

/** Reads an option that `parseArgs` typed as a string. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
