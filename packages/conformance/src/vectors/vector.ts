/**
 * Test vectors (`consent-sim.vector/1`): one path as data an implementation under test can be
 * driven and judged with: the stimuli at their virtual instants and, from one run of the
 * reference (deterministic from the seed), the documents every party sends and the steps in
 * order. Format: docs/test-vectors.md, schema docs/test-vector.schema.json.
 */
import { isoInZone } from '@consent-sim/core';
import { type RunResult, runScenario, type TraceEvent } from '@consent-sim/sim';
import { tableOf } from '../process/plugin.ts';
import type { PathSource, SourcedPath } from './sources.ts';

export const VECTOR_FORMAT = 'consent-sim.vector/1';

/** An instant twice: ISO 8601 with the process zone's offset, and epoch milliseconds. */
export interface VectorInstant {
  at: string;
  atMs: number;
}

export interface VectorStimulus extends VectorInstant {
  party: string;
  event: string;
  /** The channel of the first message the party sends at that instant; null when it sends none. */
  channel: string | null;
  /** The stimulus's parameters as the path gives them (`with`). */
  with: Record<string, unknown>;
  /** The concrete machine event the reference derived from it (resolved from the seed). */
  input: unknown;
}

export interface VectorDocument extends VectorInstant {
  /** Trace sequence number of the send in the reference run. */
  seq: number;
  from: string;
  to: string;
  channel: string;
  step: string | null;
  messageCode: string | null;
  /** CM response codes (cm-req-off) or Datahub error ids (dh-831), as in the document. */
  responseCodes: string[];
  contentType: 'application/xml' | 'application/json' | 'text/plain';
  /** The document exactly as the reference put it on the channel. */
  document: string;
}

export interface TestVector {
  format: typeof VECTOR_FORMAT;
  process: SourcedPath['process'];
  pathId: string;
  source: PathSource;
  title: string;
  seed: number;
  zone: string;
  start: VectorInstant;
  parties: Record<string, unknown>;
  parameters: Record<string, unknown>;
  faults: unknown[];
  stimuli: VectorStimulus[];
  expected: {
    outcome: string | null;
    /** Whether the reference met the path's own expectations and every invariant. */
    referencePassed: boolean;
    steps: string[];
    documents: VectorDocument[];
  };
}

function contentType(document: string): VectorDocument['contentType'] {
  const head = document.trimStart();
  if (head.startsWith('<')) return 'application/xml';
  if (head.startsWith('{')) return 'application/json';
  return 'text/plain';
}

function stimuliOf(path: SourcedPath, events: readonly TraceEvent[]): VectorStimulus[] {
  const { scenario } = path;
  // The engine runs stimuli in time order, ties in file order: pair them with the trace's.
  const order = scenario.stimuli
    .map((stimulus, index) => ({
      stimulus,
      atMs: scenario.stimuliAtMs[index] ?? scenario.startMs,
      index,
    }))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const traced = events.filter((event) => event.kind === 'stimulus');
  return order.map(({ stimulus, atMs }, i) => {
    const event = traced[i];
    const index = event === undefined ? -1 : events.indexOf(event);
    const send = events.find(
      (candidate, j) =>
        j > index &&
        candidate.kind === 'send' &&
        candidate.party === stimulus.party &&
        candidate.atMs === atMs,
    );
    return {
      party: stimulus.party,
      event: stimulus.event,
      channel: index >= 0 ? (send?.channel ?? null) : null,
      at: isoInZone(atMs, scenario.zone),
      atMs,
      with: stimulus.with ?? {},
      input: event?.detail ?? null,
    };
  });
}

/**
 * Runs the path once on the reference (or takes the given run of it) and returns its vector.
 *
 * @example
 * const vector = buildVector(collectPaths(PROCESSES['cm-req-off'], { scenarios }).paths[0]);
 * vector.expected.documents[0]?.messageCode; // e.g. 'ANFORDERUNG_CMQF'
 */
export function buildVector(
  path: SourcedPath,
  run: RunResult = runScenario(path.scenario, { processes: tableOf(path.plugin) }),
): TestVector {
  const { scenario } = path;
  const documents: VectorDocument[] = [];
  for (const event of run.events) {
    if (event.kind !== 'send' || event.document === null) continue;
    documents.push({
      seq: event.seq,
      at: event.at,
      atMs: event.atMs,
      from: event.from ?? '',
      to: event.to ?? '',
      channel: event.channel ?? '',
      step: event.step,
      messageCode: event.messageCode,
      responseCodes: [...event.responseCodes],
      contentType: contentType(event.document),
      document: event.document,
    });
  }
  return {
    format: VECTOR_FORMAT,
    process: path.process,
    pathId: path.id,
    source: path.source,
    title: path.title,
    seed: run.seed,
    zone: scenario.zone,
    start: { at: isoInZone(scenario.startMs, scenario.zone), atMs: scenario.startMs },
    parties: { ...scenario.parties },
    parameters: { ...scenario.parameters },
    faults: [...scenario.faults],
    stimuli: stimuliOf(path, run.events),
    expected: {
      outcome: run.outcome,
      referencePassed: run.passed,
      steps: run.events.flatMap((event) =>
        event.kind === 'step' && event.step ? [event.step] : [],
      ),
      documents,
    },
  };
}

/** The vector as a file: two-space JSON with a final newline; the same vector, the same bytes. */
export function renderVector(vector: TestVector): string {
  return `${JSON.stringify(vector, null, 2)}\n`;
}

/** File name of a vector: `<source>-<pathId>.json`, e.g. `model-00fd9a332c17.json`. */
export function vectorFileName(vector: Pick<TestVector, 'source' | 'pathId'>): string {
  return `${vector.source}-${vector.pathId}.json`;
}
