import type { ChannelName } from '../envelope.ts';
import type { FaultKind } from '../faults.ts';

/** Per-role overrides of a party's identity and contact details. */
export interface PartyOverride {
  /** Market-participant address, e.g. `EP100200` (SP) or `AT002000` (DSO). */
  address?: string;
  /** Display name (people and companies in documents and letters). */
  name?: string;
  /** E-mail address used for notifications. */
  email?: string;
  /** Whether the party is registered (SP at ebutilities.at, seller in Datahub). */
  registered?: boolean;
  /** The channel the party wants confirmations on (CM_REQ_OFF_BP_01 names it). */
  channel?: 'email' | 'post' | 'phone';
}

/** A fault injected on the simulated network (see `scenarios/README.md`). */
export interface ScenarioFault {
  kind: FaultKind;
  channel?: ChannelName;
  from?: string;
  to?: string;
  messageCode?: string;
  /** The n-th matching message (1-based); without it every matching message. */
  nth?: number;
  /** Chance in [0, 1] that a matching message is hit, drawn from the seeded RNG. */
  probability?: number;
  /** ISO 8601 duration: extra transit time (`delay`, required) or longest hold (`reorder`). */
  delay?: string;
}

/** Something a party does at a virtual instant (becomes a `stimulus.<event>` machine event). */
export interface ScenarioStimulus {
  /** ISO 8601 duration from `start` (calendar days in the process zone) or instant with offset. */
  at: string;
  party: string;
  event: string;
  with?: Record<string, unknown>;
  note?: string;
}

/** One delivered wire message expected in `expect.messages`. */
export interface ExpectedMessage {
  code: string;
  from?: string;
  to?: string;
  /** Compared as text with the trace's response codes, in order. */
  responseCodes?: Array<number | string>;
}

/** What the run must show. */
export interface ScenarioExpectations {
  outcome: string;
  steps?: string[];
  stepsInclude?: string[];
  stepsExclude?: string[];
  messages?: ExpectedMessage[];
  states?: Record<string, string>;
}

/** A scenario file as written (optional sections may be absent). */
export interface ScenarioDocument {
  name: string;
  /** A process of the table the scenario was loaded with (`cm-req-off`, `dh-831`, …). */
  process: string;
  summary: string;
  description?: string;
  /** Roles `sim conform` judges with this scenario; absent: every role. */
  judges?: string[];
  seed: number;
  start: string;
  parties?: Record<string, PartyOverride>;
  parameters?: Record<string, unknown>;
  channels?: Partial<Record<ChannelName, string>>;
  faults?: ScenarioFault[];
  stimuli: ScenarioStimulus[];
  expect: ScenarioExpectations;
}

/** A loaded scenario: the document with defaults filled in and its resolved instants. */
export interface Scenario extends Required<Omit<ScenarioDocument, 'description' | 'judges'>> {
  description: string | null;
  /** Roles `sim conform` judges with this scenario; absent: every role. */
  judges?: readonly string[];
  /** `<process>/<name>`, e.g. `cm-req-off/happy-path`. */
  fullName: string;
  /** IANA zone of the process (calendar-day arithmetic, timestamps in the trace). */
  zone: string;
  /** `start` as epoch milliseconds. */
  startMs: number;
  /** Each stimulus's `at` as epoch milliseconds, same order as `stimuli`. */
  stimuliAtMs: number[];
  /** The file name the scenario was loaded from (for messages). */
  fileName: string;
}
