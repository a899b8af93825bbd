/**
 * `sim conform --path <id|title substring>` and `--scenario <name>`: the paths a rerun is asked
 * for, so a finding's reproduce command runs just its path. A selector that matches nothing is a
 * usage error (exit 2) that says what it was matched against and how to list the paths.
 */
import type { SourcedPath } from '@consent-sim/conformance';
import { closest } from '@consent-sim/sim';
import { usageError } from './errors.ts';

export interface PathSelectors {
  /** A model path id (or its first digits), a scenario name, or part of a path's title. */
  path?: string;
  /** A shipped scenario name, with or without `<process>/`. */
  scenario?: string;
}

function byPath(paths: readonly SourcedPath[], raw: string, process: string): SourcedPath[] {
  const exact = paths.filter((p) => p.id === raw);
  if (exact.length > 0) return exact;
  if (/^[0-9a-f]{4,}$/.test(raw)) {
    const prefixed = paths.filter((p) => p.source === 'model' && p.id.startsWith(raw));
    if (prefixed.length > 0) return prefixed;
  }
  const needle = raw.toLowerCase();
  const titled = paths.filter((p) => p.title.toLowerCase().includes(needle));
  if (titled.length > 0) return titled;
  const near = closest(
    raw,
    paths.map((p) => p.id),
  );
  throw usageError(
    `--path "${raw}" matches no path id, id prefix or title of ${process} here${near.length > 0 ? `. Did you mean ${near.join(' or ')}?` : ''}`,
    `list the paths with \`pnpm sim paths ${process}\` (ids and titles) or \`pnpm sim list --process ${process}\``,
  );
}

function byScenario(paths: readonly SourcedPath[], raw: string, process: string): SourcedPath[] {
  const scenarios = paths.filter((p) => p.source === 'scenario');
  const name = raw.startsWith(`${process}/`) ? raw.slice(process.length + 1) : raw;
  const hit = scenarios.filter((p) => p.id === name);
  if (hit.length > 0) return hit;
  const near = closest(
    name,
    scenarios.map((p) => p.id),
  );
  throw usageError(
    `--scenario "${raw}" is not a shipped ${process} scenario that judges this role${near.length > 0 ? `. Did you mean ${near.join(' or ')}?` : ''}`,
    `list them with \`pnpm sim list --process ${process}\``,
  );
}

/** Every path when no selector is given; else the union of what the selectors match, in run order. */
export function selectPaths(
  paths: readonly SourcedPath[],
  selectors: PathSelectors,
  process: string,
): SourcedPath[] {
  if (selectors.path === undefined && selectors.scenario === undefined) return [...paths];
  const chosen = new Set<SourcedPath>([
    ...(selectors.path === undefined ? [] : byPath(paths, selectors.path, process)),
    ...(selectors.scenario === undefined ? [] : byScenario(paths, selectors.scenario, process)),
  ]);
  return paths.filter((p) => chosen.has(p));
}
