import type { PluginTable } from '@consent-sim/conformance';
import { type Choices, checkChoice } from './choices.ts';
import type { Colors } from './colors.ts';
import type { ExitCode } from './errors.ts';
import type { CliIo } from './io.ts';

/** One option as `parseArgs` reads it, plus what shell completion and the value check need. */
export interface OptionConfig {
  type: 'string' | 'boolean';
  short?: string;
  /**
   * The values a string option accepts: `runMain` refuses any other with "did you mean" (exit 2)
   * before the command runs, and `sim completion` offers them.
   */
  choices?: Choices;
}

export type OptionSpec = Record<string, OptionConfig>;

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
  /**
   * The words shell completion offers for the first argument (sub-commands, shipped scenario
   * names, process names); files are always offered as well.
   */
  positionals?(ctx: Pick<CommandContext, 'io' | 'processes'>): readonly string[];
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

/** An enumerated option (declared with `choices`): `fallback` when absent, else the checked value. */
export function choiceOption<T extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = stringOption(args, name);
  return raw === undefined ? fallback : checkChoice(name, raw, choices);
}
