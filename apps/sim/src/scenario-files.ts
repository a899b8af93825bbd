/**
 * The arguments of `sim scenario`: shipped names (`cm-req-off/happy-path`), scenario files, and
 * a team's own folders and glob patterns, expanded to the files they name, in a stable order so
 * the same command gives the same report.
 */
import { join, relative, resolve, sep } from 'node:path';
import type { PluginTable } from '@consent-sim/conformance';
import type { Scenario } from '@consent-sim/sim';
import { usageError } from './errors.ts';
import type { CliIo } from './io.ts';
import { resolveScenario } from './scenarios.ts';

const isScenarioFile = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');
const hasWildcard = (text: string) => /[*?]/.test(text);

/** The entries of `dir`, or undefined when it is not a readable directory. */
function entriesOf(io: CliIo, dir: string): string[] | undefined {
  try {
    return io.listDir(dir);
  } catch {
    return undefined;
  }
}

/**
 * Every scenario file under `dir`, recursively, sorted by path. Dot-folders and node_modules are
 * not entered: a pattern like `**\/*.yaml` from a project root must not walk installed packages.
 */
export function scenarioFilesUnder(io: CliIo, dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of (entriesOf(io, current) ?? []).sort()) {
      const path = join(current, name);
      if (isScenarioFile(name)) found.push(path);
      else if (!name.startsWith('.') && name !== 'node_modules') walk(path);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * A glob pattern as a regular expression over absolute paths: `**` any number of folders,
 * `*` any characters but `/`, `?` one character but `/`.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[\\^$.+()|{}[\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The files a glob names: walk from its last folder before a wildcard, keep what matches. */
function globFiles(io: CliIo, pattern: string): string[] {
  const full = resolve(io.cwd, pattern).split(sep).join('/');
  const segments = full.split('/');
  const firstWild = segments.findIndex(hasWildcard);
  const base = segments.slice(0, firstWild).join('/') || '/';
  const matcher = globToRegExp(full);
  return scenarioFilesUnder(io, base).filter((path) => matcher.test(path.split(sep).join('/')));
}

/** One argument as the scenario files (or shipped name) it stands for. */
function expandArgument(io: CliIo, arg: string): string[] {
  if (hasWildcard(arg)) {
    const files = globFiles(io, arg);
    if (files.length === 0) {
      throw usageError(
        `no .yaml file matches "${arg}"`,
        'a pattern is taken from the directory you ran the command in; quote it so the shell leaves it to consent-sim',
      );
    }
    return files;
  }
  if (isScenarioFile(arg)) return [arg];
  const dir = resolve(io.cwd, arg);
  if (entriesOf(io, dir) !== undefined) {
    const files = scenarioFilesUnder(io, dir);
    if (files.length === 0) throw usageError(`no .yaml scenario files in the folder ${arg}`);
    return files;
  }
  return [arg];
}

export interface ScenarioSelection {
  scenarios: Scenario[];
  /** One shipped name or one file: the JSON report is one object, not an array (as before). */
  single: boolean;
}

/** Loads every scenario the arguments name, each file once, in argument order. */
export function selectScenarios(
  io: CliIo,
  processes: PluginTable,
  args: readonly string[],
): ScenarioSelection {
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (const arg of args) {
    for (const item of expandArgument(io, arg)) {
      const key = isScenarioFile(item) ? resolve(io.cwd, item) : item;
      if (seen.has(key)) continue;
      seen.add(key);
      const label = isScenarioFile(item) ? relative(io.cwd, key) || item : item;
      scenarios.push(resolveScenario(io, processes, label));
    }
  }
  const [only] = args;
  const single =
    args.length === 1 &&
    only !== undefined &&
    !hasWildcard(only) &&
    (isScenarioFile(only) || entriesOf(io, resolve(io.cwd, only)) === undefined);
  return { scenarios, single };
}
