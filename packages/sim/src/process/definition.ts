/**
 * A process as the engine sees it: the part of a process descriptor that the scenario format,
 * the runner and the SUT bridge need (name, zone, roles, channels, wiring). The conformance
 * layer extends it with judging policy, test model, coverage, mutants and readings
 * (`ProcessPlugin`); the registry that lists the shipped processes lives there, so that a
 * process is added in one place. Generic code here receives the definitions it may use as a
 * {@link ProcessTable} and dispatches only through it.
 */
import type { LatencySpec } from '../network.ts';
import type { JsonSchemaObject } from '../scenario/json-schema.ts';
import type { WiringFactory } from '../wiring.ts';

/** What travels on a channel. */
export interface ChannelSpec {
  /** Default transit time (scenario `channels` override it). */
  latency: LatencySpec;
  /**
   * `xml`: a real document travels as it is (EDA, Datahub); `content`: a letter, e-mail, call,
   * hand-over or UI action travels as structured content the wiring encodes.
   */
  carries: 'xml' | 'content';
}

export interface ProcessDefinition<Name extends string = string, Role extends string = string> {
  /** The scenario format's `process` value, e.g. `cm-req-off`. */
  name: Name;
  /** How the documents name it, e.g. `CM_REQ_OFF`. */
  title: string;
  /** IANA zone of calendar-day arithmetic and of every instant in reports. */
  zone: string;
  /** Party ids of a run, which are also the role names (`parties`, `party`, `from`, `to`). */
  roles: readonly Role[];
  /** Every channel the parties use, with its default latency and what it carries. */
  channels: Readonly<Record<string, ChannelSpec>>;
  wiring: WiringFactory;
  /** Names of the process invariants its wiring checks after every run. */
  invariantNames: readonly string[];
  /** JSON Schema of the scenario's `parameters` for this process (editors, `sim scenario`). */
  parameters: JsonSchemaObject;
}

/** The definitions a run may use, by name. */
export type ProcessTable = Readonly<Record<string, ProcessDefinition>>;

/** A scenario, path or request named a process the table does not hold. */
export class UnknownProcessError extends Error {
  override readonly name = 'UnknownProcessError';
}

/**
 * The definition of `name`, or an error that lists the processes there are.
 *
 * @example processIn(processes, scenario.process).zone // 'Europe/Vienna'
 */
export function processIn<D extends ProcessDefinition>(
  table: Readonly<Record<string, D>>,
  name: string,
): D {
  const found = Object.hasOwn(table, name) ? table[name] : undefined;
  if (found === undefined) {
    throw new UnknownProcessError(
      `consent-sim: no process "${name}"; the processes are ${Object.keys(table).join(', ')}`,
    );
  }
  return found;
}

/**
 * A scenario the schema accepts that a process's wiring cannot run (a party override it cannot
 * honour, a stimulus event its role does not have, a parameter out of its range). `problems`
 * are `field.path: what is wrong` lines; the scenario loader places each at its line and column.
 *
 * @example new ScenarioSetupError('x.yaml', 'DH-831', ['stimuli[2].event: "fly" is not …'])
 */
export class ScenarioSetupError extends Error {
  override readonly name = 'ScenarioSetupError';

  constructor(
    readonly fileName: string,
    readonly processTitle: string,
    readonly problems: readonly string[],
  ) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(
      `consent-sim: ${fileName} cannot run as ${processTitle} (${count}); fix them and run again:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

/** Channels of `definition` whose documents travel as XML text. */
export function xmlChannels(definition: ProcessDefinition): string[] {
  return Object.entries(definition.channels)
    .filter(([, spec]) => spec.carries === 'xml')
    .map(([name]) => name);
}
