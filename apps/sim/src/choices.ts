/**
 * Enumerated option values (`--format`, `--source`, `--process`, `--role`, …): one check with
 * "did you mean" for every command, and the lists shell completion offers.
 */
import type { PluginTable } from '@consent-sim/conformance';
import { closest } from '@consent-sim/sim';
import { type CliError, usageError } from './errors.ts';

/** A fixed list, or one that depends on the process table the CLI runs with. */
export type Choices = readonly string[] | ((processes: PluginTable) => readonly string[]);

export function choicesOf(choices: Choices, processes: PluginTable): readonly string[] {
  return typeof choices === 'function' ? choices(processes) : choices;
}

/** `--<option> must be one of a, b (got "x"). Did you mean a?` as a usage error (exit 2). */
export function unknownChoice(option: string, raw: string, choices: readonly string[]): CliError {
  const near = closest(raw, choices);
  return usageError(
    `--${option} must be one of ${choices.join(', ')} (got "${raw}")${near.length ? `. Did you mean ${near.join(' or ')}?` : ''}`,
  );
}

/** `raw` when it is one of `choices`; otherwise a usage error naming the closest. */
export function checkChoice<T extends string>(
  option: string,
  raw: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(raw)) throw unknownChoice(option, raw, choices);
  return raw as T;
}

/** The process names of the table (`--process`, `sim paths <process>`). */
export const processNames = (processes: PluginTable): string[] => Object.keys(processes);

/** Every role of the table, each once, in registry order (`--role`). */
export const roleNames = (processes: PluginTable): string[] => [
  ...new Set(Object.values(processes).flatMap((p) => p.roles)),
];
