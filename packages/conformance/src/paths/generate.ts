/**
 * Path generation over the abstract test models with `xstate/graph`: shortest paths (with
 * prefixes kept) and simple paths to every final state, deduplicated by event sequence, sorted
 * by stable id and bounded.
 */
import type { Scenario } from '@consent-sim/sim';
import { createTestModel } from 'xstate/graph';
import type { ProcessPlugin } from '../process/plugin.ts';
import { pathId } from './path-id.ts';
import { scenarioFor } from './to-scenario.ts';

export interface ModelPath {
  /** 12 hex digits, stable across runs and machines (a hash of process and events). */
  id: string;
  process: string;
  /** Readable, e.g. "apply → hand over day 6 → no objection for 5 days → nothing more". */
  title: string;
  /** Abstract event types in order. */
  events: readonly string[];
  /** Steps, gateway branches, deadlines and interpretation keys the path exercises. */
  covers: readonly string[];
  /** A runnable scenario whose expectations come from the model, not from the engine. */
  toScenario(): Scenario;
}

export interface GeneratePathsOptions {
  /** Keep at most this many paths (the first by id); default 400. */
  maxPaths?: number;
  /** Clock for `stats.generationMs` only (default `performance.now`); never affects paths. */
  now?: () => number;
}

export interface GeneratedPaths {
  paths: ModelPath[];
  stats: {
    count: number;
    /** Distinct paths before the bound. */
    total: number;
    /** Paths left out by `maxPaths`. */
    dropped: number;
    generationMs: number;
  };
}

/**
 * @example
 * const { paths, stats } = generatePaths(PROCESSES['cm-req-off']);
 * runScenario(paths[0].toScenario(), { processes: PROCESSES }).passed; // true for the reference machines
 */
export function generatePaths(
  plugin: ProcessPlugin,
  options: GeneratePathsOptions = {},
): GeneratedPaths {
  const now = options.now ?? (() => performance.now());
  const began = now();
  const model = plugin.model;
  const process = plugin.name;
  const testModel = createTestModel(model.machine);
  const toState = (snapshot: { status: string }) => snapshot.status === 'done';
  const found = [
    ...testModel.getShortestPaths({ toState, allowDuplicatePaths: true }),
    ...testModel.getSimplePaths({ toState, allowDuplicatePaths: true }),
  ];
  const byId = new Map<string, ModelPath>();
  for (const found1 of found) {
    const events = found1.steps
      .map((step) => step.event.type)
      .filter((type) => type !== 'xstate.init');
    const id = pathId(process, events);
    if (!byId.has(id)) byId.set(id, modelPath(plugin, id, events));
  }
  const all = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const paths = all.slice(0, options.maxPaths ?? 400);
  return {
    paths,
    stats: {
      count: paths.length,
      total: all.length,
      dropped: all.length - paths.length,
      generationMs: Math.round((now() - began) * 10) / 10,
    },
  };
}

function modelPath(plugin: ProcessPlugin, id: string, events: readonly string[]): ModelPath {
  const model = plugin.model;
  const title = events.map((type) => model.events[type]?.title ?? type).join(' → ');
  const covers = [...new Set(events.flatMap((type) => model.events[type]?.covers ?? []))];
  return {
    id,
    process: model.process,
    title,
    events,
    covers,
    toScenario: () => scenarioFor(plugin, id, events, title),
  };
}
