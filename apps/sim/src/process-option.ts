/**
 * `--process` and `--role` as every command reads them: against the table of processes the CLI
 * runs with (the registry, or a table a test passes to `runMain`), with "did you mean" for a
 * misspelt name.
 */
import type { PluginTable, ProcessPlugin } from '@consent-sim/conformance';
import { roleNames, unknownChoice } from './choices.ts';
import { usageError } from './errors.ts';

/** `--process P`: that process, or every process of the table when absent. */
export function processesOption(processes: PluginTable, raw: string | undefined): ProcessPlugin[] {
  if (raw === undefined) return Object.values(processes);
  const found = Object.hasOwn(processes, raw) ? processes[raw] : undefined;
  if (found === undefined) throw unknownChoice('process', raw, Object.keys(processes));
  return [found];
}

/** Every role of the table, each once, in registry order. */
export function allRoles(processes: PluginTable): string[] {
  return roleNames(processes);
}

/**
 * The process of `--role R [--process P]`: the one process that has the role, or the one named
 * when several do (a customer takes part in both shipped processes).
 */
export function processOfRole(
  processes: PluginTable,
  role: string | undefined,
  given: string | undefined,
): ProcessPlugin {
  const roles = allRoles(processes);
  if (role === undefined) throw usageError(`--role is required: one of ${roles.join(', ')}`);
  const having = Object.values(processes).filter((p) => p.roles.includes(role));
  if (having.length === 0) throw unknownChoice('role', role, roles);
  if (given !== undefined) {
    const named = having.find((p) => p.name === given);
    if (named === undefined) {
      throw usageError(
        `--process must be ${having.map((p) => p.name).join(' or ')} for role ${role}, got "${given}"`,
      );
    }
    return named;
  }
  if (having.length > 1) {
    throw usageError(
      `role ${role} exists in ${having.map((p) => p.name).join(' and ')}; name one with --process`,
    );
  }
  return having[0] as ProcessPlugin;
}
