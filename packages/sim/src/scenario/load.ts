import { LineCounter, parseDocument } from 'yaml';
import type { ProcessTable } from '../process/definition.ts';
import { durationMs, parseAt, parseInstant, resolveAt } from './at.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { type IssueTarget, validateAgainstSchema } from './json-schema.ts';
import { scenarioSchema } from './schema.ts';
import { formatPath } from './schema-wording.ts';
import { setupIssues } from './setup-issues.ts';
import { linePosition, positionOf } from './source-map.ts';
import { timeRangeIssues } from './time-range.ts';
import type { Scenario, ScenarioDocument } from './types.ts';

type Path = ReadonlyArray<string | number>;

/** How many aliases (`*name`) a scenario file may expand: enough for any real file, no bombs. */
const MAX_ALIAS_COUNT = 100;

interface Located {
  path: Path;
  target: IssueTarget;
  message: string;
}

/**
 * Parses and validates one scenario file. Every problem — YAML syntax, schema violations, a
 * name that differs from the file name, impossible dates, and what the process's wiring refuses
 * (unknown events, party overrides it cannot honour) — is collected into one
 * {@link ScenarioError} whose issues name the file, line:column and field path.
 *
 * @example
 * const scenario = loadScenario(text, 'scenarios/cm-req-off/happy-path.yaml', PROCESSES);
 * scenario.fullName; // 'cm-req-off/happy-path'
 * scenario.stimuliAtMs[0]; // epoch ms of the first stimulus
 */
export function loadScenario(source: string, fileName: string, processes: ProcessTable): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issue = (line: number, column: number, path: Path, message: string): ScenarioIssue => ({
    file: fileName,
    line,
    column,
    path: formatPath(path),
    message,
  });

  const syntax = [...doc.errors, ...doc.warnings].map((error) => {
    const { line, column } = linePosition(lineCounter, error.pos[0]);
    return issue(line, column, [], `YAML: ${error.message.split('\n')[0]}`);
  });
  if (syntax.length > 0) throw new ScenarioError(fileName, sortIssues(syntax));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library refuses alias bombs ("Excessive alias count …") while building values.
    const why = error instanceof Error ? error.message : String(error);
    throw new ScenarioError(fileName, [
      issue(1, 1, [], `YAML: ${why}; a scenario may expand at most ${MAX_ALIAS_COUNT} aliases`),
    ]);
  }
  const schemaIssues = validateAgainstSchema(scenarioSchema(processes), value);
  const taken = new Set(schemaIssues.map((found) => formatPath(found.path)));
  const semantic = [
    ...semanticIssues(value, fileName, processes),
    ...timeRangeIssues(value, processes),
  ].filter((found) => !taken.has(formatPath(found.path)));
  const located = [...schemaIssues, ...semantic].map((found) => {
    const { line, column } = positionOf(doc, lineCounter, found.path, found.target);
    return issue(line, column, found.path, found.message);
  });
  if (located.length > 0) throw new ScenarioError(fileName, sortIssues(located));

  // The schema and the checks above have proven the shape.
  const scenario = normalise(value as ScenarioDocument, fileName, processes);
  const setup = setupIssues(scenario, processes).map((found) => {
    const { line, column } = positionOf(doc, lineCounter, found.path, 'value');
    return issue(line, column, found.path, found.message);
  });
  if (setup.length > 0) throw new ScenarioError(fileName, sortIssues(setup));
  return scenario;
}

function normalise(
  document: ScenarioDocument,
  fileName: string,
  processes: ProcessTable,
): Scenario {
  // The schema has proven that `process` names one of the table's definitions.
  const zone = (processes[document.process] as ProcessTable[string]).zone;
  const startMs = resolveAt(document.start, 0, zone);
  return {
    name: document.name,
    process: document.process,
    summary: document.summary,
    description: document.description ?? null,
    ...(document.judges === undefined ? {} : { judges: document.judges }),
    seed: document.seed,
    start: document.start,
    parties: document.parties ?? {},
    parameters: document.parameters ?? {},
    channels: document.channels ?? {},
    faults: document.faults ?? [],
    stimuli: document.stimuli,
    expect: document.expect,
    fullName: `${document.process}/${document.name}`,
    zone,
    startMs,
    stimuliAtMs: document.stimuli.map((stimulus) => resolveAt(stimulus.at, startMs, zone)),
    fileName,
  };
}

/** Rules the schema cannot express: file name, calendar validity, elapsed-time durations. */
function semanticIssues(value: unknown, fileName: string, processes: ProcessTable): Located[] {
  if (!isRecord(value)) return [];
  const out: Located[] = [];
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.ya?ml$/u, '');
  if (typeof value.name === 'string' && value.name !== stem) {
    out.push({
      path: ['name'],
      target: 'value',
      message: `"${value.name}" must equal the file name "${stem}"; rename the file or the scenario`,
    });
  }
  const folder = fileName.split(/[\\/]/).slice(-2, -1)[0];
  const process = value.process;
  if (
    typeof process === 'string' &&
    folder !== undefined &&
    Object.hasOwn(processes, folder) &&
    folder !== process
  ) {
    out.push({
      path: ['process'],
      target: 'value',
      message: `"${process}" differs from the folder "${folder}" the file is in; move the file or fix the process`,
    });
  }
  let startMs: number | null = null;
  if (typeof value.start === 'string') {
    const start = parseInstant(value.start);
    if (start.kind === 'invalid') {
      out.push({
        path: ['start'],
        target: 'value',
        message: `"${value.start}" is ${start.reason}`,
      });
    } else if (start.kind === 'instant') {
      startMs = start.epochMs;
    }
  }
  if (Array.isArray(value.stimuli)) {
    value.stimuli.forEach((stimulus, index) => {
      if (!isRecord(stimulus) || typeof stimulus.at !== 'string') return;
      const at = parseAt(stimulus.at);
      const path = ['stimuli', index, 'at'];
      if (at.kind === 'invalid') {
        out.push({ path, target: 'value', message: `"${stimulus.at}" is ${at.reason}` });
      } else if (at.kind === 'instant' && startMs !== null && at.epochMs < startMs) {
        out.push({
          path,
          target: 'value',
          message: `"${stimulus.at}" is before start ${String(value.start)}; the clock never runs backwards`,
        });
      }
    });
  }
  if (isRecord(value.channels)) {
    for (const [channel, latency] of Object.entries(value.channels)) {
      elapsed(latency, ['channels', channel], out);
    }
  }
  if (Array.isArray(value.faults)) {
    value.faults.forEach((fault, index) => {
      if (isRecord(fault)) elapsed(fault.delay, ['faults', index, 'delay'], out);
    });
  }
  return out;
}

/** Latencies and delays are elapsed time: years and months have no fixed length. */
function elapsed(value: unknown, path: Path, out: Located[]): void {
  if (typeof value !== 'string' || parseAt(value).kind !== 'duration') return;
  try {
    durationMs(value);
  } catch {
    out.push({
      path,
      target: 'value',
      message: `"${value}" uses years or months, which have no fixed length; use days (e.g. P30D)`,
    });
  }
}

function sortIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
