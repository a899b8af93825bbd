/**
 * The command line of one command, read with `node:util` `parseArgs` but reported in the CLI's
 * own words: a misspelt flag names the closest one, an enumerated value (`choices`) is checked
 * with "did you mean", all before the command runs (exit 2).
 */
import { parseArgs } from 'node:util';
import type { PluginTable } from '@consent-sim/conformance';
import { closest } from '@consent-sim/sim';
import { checkChoice, choicesOf } from './choices.ts';
import type { Command, OptionSpec, ParsedArgs } from './command.ts';
import { usageError } from './errors.ts';

/** What `parseArgs` takes: our extra fields (`choices`) stripped. */
function parseArgsOptions(options: OptionSpec) {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short }]) => [
      name,
      short === undefined ? { type } : { type, short },
    ]),
  );
}

function unknownFlag(command: Command, rawName: string) {
  const flags = Object.keys(command.options).map((name) => `--${name}`);
  const near = closest(rawName, flags);
  return usageError(
    `unknown option ${rawName} for \`${command.name}\`.${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}`,
    flags.length > 0 ? `its options: ${flags.join(', ')}` : `\`${command.name}\` takes no options`,
  );
}

export function parseCommandArgs(
  command: Command,
  rawArgs: readonly string[],
  processes: PluginTable,
): ParsedArgs {
  const options = parseArgsOptions(command.options);
  // A lenient pass first, to see every token and word the errors ourselves.
  const { tokens } = parseArgs({
    args: [...rawArgs],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const config = Object.hasOwn(command.options, token.name)
      ? command.options[token.name]
      : undefined;
    if (config === undefined) throw unknownFlag(command, token.rawName);
    if (config.type === 'string' && token.value === undefined) {
      const values = config.choices && choicesOf(config.choices, processes);
      throw usageError(
        `${token.rawName} needs a value${values ? `: one of ${values.join(', ')}` : ''}`,
      );
    }
    if (config.type === 'boolean' && token.inlineValue) {
      throw usageError(`${token.rawName} is a switch and takes no value (got "${token.value}")`);
    }
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rawArgs], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  for (const [name, config] of Object.entries(command.options)) {
    const value = parsed.values[name];
    if (config.choices === undefined || typeof value !== 'string') continue;
    checkChoice(name, value, choicesOf(config.choices, processes));
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
