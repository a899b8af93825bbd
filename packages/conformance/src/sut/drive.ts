/**
 * Drives one path with the SUT in place of `role` over the protocol: reset, then deliveries
 * and clock moves until neither the engine nor the SUT has anything due before the horizon.
 * Returns what the harness saw, for the judge.
 */
import { isoInZone } from '@consent-sim/core';
import type { Scenario, Simulation, TraceEvent } from '@consent-sim/sim';
import type { ProcessPlugin } from '../process/plugin.ts';
import { anchorStimuli } from './anchors.ts';
import { type CapturedDelivery, SutBridge } from './bridge.ts';
import { checkOutboxChannels, type SutAnswer, type SutClient } from './client.ts';
import type { SutDocument, SutMail } from './judge/documents.ts';
import type { SutInput } from './judge/judge.ts';
import {
  type DeliverRequest,
  type ResetRequest,
  SUT_ENDPOINTS,
  SUT_PROTOCOL_VERSION,
  type SutParty,
} from './protocol.ts';

/** One path to run against a SUT. */
export interface SutPath {
  id: string;
  scenario: Scenario;
  /** Interpretation keys (and steps) the path exercises (`ModelPath.covers`). */
  covers?: readonly string[];
}

export interface DriveOptions {
  plugin: ProcessPlugin;
  client: SutClient;
  role: string;
  path: SutPath;
  maxExchanges?: number;
  /** The caps of one path (sim conform --max-messages, --max-days); defaults in `runCaps`. */
  caps?: RunCaps;
  /**
   * The negative suites (../negative/): sees each delivery before it goes to the SUT; when it
   * returns deliveries, those go instead and the run stops after the answer to the last one.
   */
  tamper?: Tamper;
  /**
   * Move each stimulus that follows a message of the SUT with that message (anchors.ts). Default
   * false: every stimulus at the reference run's instant. remote-party.ts sets it when the
   * SUT's lateness moved an event of the path across its deadline.
   */
  anchored?: boolean;
}

/** A delivery the harness makes to the SUT, before the protocol adds ids. */
export type TamperDelivery = Pick<
  CapturedDelivery,
  'channel' | 'from' | 'messageCode' | 'document' | 'content' | 'at'
>;

export type Tamper = (delivery: CapturedDelivery) => readonly TamperDelivery[] | null;

export interface Observed {
  trace: readonly TraceEvent[];
  sutDocuments: SutDocument[];
  /** Letters and e-mails the SUT sent (their instants are judged where the process reads any). */
  sutMail: SutMail[];
  /** What the harness delivered to the SUT (documents, letters, stimuli), in order. */
  sutInputs: SutInput[];
  errors: string[];
  violations: readonly { invariant: string; message: string }[];
  /** With `tamper`: what went instead of the tampered delivery, and the answer to the last. */
  tampered?: { deliveries: readonly TamperDelivery[]; answer: SutAnswer };
}

const DAY = 86_400_000;

/** The SUT's answers enter the run: its steps, and its outbox as sends of its party. */
class Intake {
  readonly errors: string[] = [];
  readonly documents: (Omit<SutDocument, 'at'> & { atMs: number })[] = [];
  readonly mail: (Omit<SutMail, 'at'> & { atMs: number })[] = [];
  /** What the harness delivered to the SUT, for the derived-field checks (judge/derived.ts). */
  readonly inputs: SutInput[] = [];
  nextTimer: number | null = null;

  constructor(
    private readonly bridge: SutBridge,
    private readonly role: string,
    private readonly iso: (ms: number) => string,
  ) {}

  take(answer: SutAnswer, endpoint: string): void {
    const { bridge, role } = this;
    checkOutboxChannels(endpoint, bridge.channels, answer.outbox);
    this.nextTimer = answer.nextTimerMs;
    for (const step of answer.steps ?? []) bridge.reportStep(role, step.atMs, step.step);
    for (const item of answer.outbox) {
      if (item.atMs < bridge.sim.clock.now()) {
        this.errors.push(
          `outbox item ${item.messageCode ?? item.channel} at ${item.at} is before the test clock (${this.iso(bridge.sim.clock.now())})`,
        );
      }
      if (bridge.isXml(item) && item.document) {
        this.documents.push({
          channel: item.channel,
          document: item.document,
          step: item.step ?? null,
          atMs: item.atMs,
        });
      } else if (!bridge.isXml(item)) {
        this.mail.push({
          channel: item.channel,
          messageCode: item.messageCode,
          document: item.document,
          content: item.content ?? null,
          step: item.step ?? null,
          atMs: item.atMs,
        });
      }
      bridge.inject(role, item.atMs, item);
    }
  }
}

/** The reset that starts the path's test: every party as the harness plays it. */
function resetRequest(options: DriveOptions, sim: Simulation, testId: string): ResetRequest {
  const { scenario } = options.path;
  const parties: SutParty[] = sim.parties().map((p) => {
    const o = scenario.parties[p.id] ?? {};
    return {
      id: p.id,
      role: p.role,
      address: p.address,
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(o.email !== undefined ? { email: o.email } : {}),
      ...(o.registered !== undefined ? { registered: o.registered } : {}),
      ...(o.channel !== undefined ? { channel: o.channel } : {}),
    };
  });
  return {
    protocol: SUT_PROTOCOL_VERSION,
    testId,
    process: scenario.process,
    role: options.role,
    seed: scenario.seed,
    start: isoInZone(scenario.startMs, scenario.zone),
    zone: scenario.zone,
    parties,
    parameters: scenario.parameters,
  };
}

/** Drives one path with the SUT in place of `role`; returns what the harness saw. */
export async function driveSut(
  options: DriveOptions,
  referenceEvents: readonly TraceEvent[],
): Promise<Observed> {
  const { client, role, path, plugin } = options;
  const scenario = path.scenario;
  // The process invariants read what the state-keeping roles (DSO, Datahub) report of their
  // own states, which the protocol does not carry. With the SUT in another role they judge what
  // the SUT made the reference parties do (e.g. an SP that asks for data before the release is
  // active); with the SUT as DSO or Datahub they would judge nothing, and the message checks
  // against the reference run carry that weight.
  const bridge = new SutBridge({
    plugin,
    scenario,
    proxied: [role],
    invariants: !plugin.policy.stateKeepers.includes(role),
  });
  const { sim } = bridge;
  if (options.anchored === true) {
    anchorStimuli(sim, bridge.stimuli, referenceEvents, role, scenario.zone);
  }
  const iso = (ms: number) => isoInZone(ms, scenario.zone);
  const testId = `${path.id}-${scenario.seed}`;
  const intake = new Intake(bridge, role, iso);
  intake.take(await client.reset(resetRequest(options, sim, testId)), SUT_ENDPOINTS.reset);
  const lastReference = referenceEvents.at(-1)?.atMs ?? scenario.startMs;
  const referenceDeliveries = referenceEvents.filter((e) => e.kind === 'deliver').length;
  const caps = runCaps(referenceDeliveries, options.caps);
  const horizon = Math.max(lastReference, ...scenario.stimuliAtMs) + caps.days * DAY;
  const bounds = {
    horizon,
    maxExchanges: options.maxExchanges ?? 5_000,
    maxDeliveries: caps.messages,
    referenceDeliveries,
  };
  const tampered: { value?: NonNullable<Observed['tampered']> } = {};
  const failure = await exchange(options, bridge, intake, testId, bounds, tampered);
  const run = sim.run({ until: sim.clock.now() });
  return {
    ...(tampered.value === undefined ? {} : { tampered: tampered.value }),
    violations: run.violations,
    trace: run.trace,
    sutDocuments: intake.documents.map(({ atMs, ...d }) => ({ ...d, at: iso(atMs) })),
    sutMail: intake.mail.map(({ atMs, ...d }) => ({ ...d, at: iso(atMs) })),
    sutInputs: intake.inputs,
    errors: [
      ...intake.errors,
      ...(failure ? [failure] : []),
      ...(run.error ? [run.error.message] : []),
    ],
  };
}

/**
 * The most deliveries a path may make to the SUT: ten times the reference run's messages plus
 * 100. A system that answers every answer (a resend on each 179) or resends on every tick never
 * lets a path end; a correct one stays far below (a few retries, a duplicate).
 */
export function deliveryBound(referenceDeliveries: number): number {
  return 100 + 10 * referenceDeliveries;
}

/**
 * Per-path caps (issue 12 build 4): at most `messages` deliveries to the SUT (default
 * {@link deliveryBound}; exceeding it FAILs the path), and the SUT's timers followed at most
 * `days` virtual days after the reference run's last event or stimulus (default 7; later timers
 * are not driven, the path ends).
 */
export interface RunCaps {
  messages?: number;
  days?: number;
}

export function runCaps(referenceDeliveries: number, caps: RunCaps = {}) {
  return { messages: caps.messages ?? deliveryBound(referenceDeliveries), days: caps.days ?? 7 };
}

interface Bounds {
  horizon: number;
  maxExchanges: number;
  maxDeliveries: number;
  referenceDeliveries: number;
}

/**
 * Delivers what reached the SUT's party, then moves both clocks to the next instant either side
 * has due, until nothing is due before `horizon`; a failure when the run does not settle (also
 * within one instant: a ping-pong of messages moves no clock).
 */
async function exchange(
  options: DriveOptions,
  bridge: SutBridge,
  intake: Intake,
  testId: string,
  bounds: Bounds,
  tampered: { value?: NonNullable<Observed['tampered']> },
): Promise<string | null> {
  const { client, role } = options;
  const { sim } = bridge;
  const iso = (ms: number) => isoInZone(ms, options.path.scenario.zone);
  const { horizon, maxExchanges, maxDeliveries } = bounds;
  let exchanges = 0;
  let deliveries = 0;
  for (;;) {
    if (sim.run({ until: sim.clock.now() }).error !== null) return null;
    for (let pending = bridge.drain(); pending.length > 0; pending = bridge.drain()) {
      for (const d of pending) {
        const replaced = options.tamper?.(d) ?? null;
        if (replaced !== null) {
          let answer: SutAnswer | undefined;
          for (const r of replaced) {
            answer = await client.deliver({
              protocol: SUT_PROTOCOL_VERSION,
              testId,
              deliveryId: `d${++deliveries}`,
              channel: r.channel,
              from: r.from,
              to: role,
              messageCode: r.messageCode,
              document: r.document,
              content: r.content,
              at: iso(Math.max(r.at, sim.clock.now())),
            });
            intake.take(answer, SUT_ENDPOINTS.deliver);
          }
          if (answer !== undefined) {
            tampered.value = { deliveries: replaced, answer };
            // What the answer carried enters the trace, also when it was later than the clock.
            sim.run({ until: Math.max(sim.clock.now(), answer.nowMs) });
          }
          return null;
        }
        exchanges += 1;
        if (deliveries >= maxDeliveries || exchanges > maxExchanges) {
          return `more than ${deliveries >= maxDeliveries ? `${maxDeliveries} messages to your ${role}` : `${maxExchanges} protocol exchanges`} — the SUT keeps sending: the run did not settle by ${iso(sim.clock.now())} (${deliveries} deliveries, ${exchanges} exchanges; the reference path has ${bounds.referenceDeliveries} messages; caps: ${maxDeliveries} messages, sim conform --max-messages). A system that answers every answer, or resends on every tick, never lets a path end`;
        }
        const request: DeliverRequest = {
          protocol: SUT_PROTOCOL_VERSION,
          testId,
          deliveryId: `d${++deliveries}`,
          channel: d.channel,
          from: d.from,
          to: role,
          messageCode: d.messageCode,
          document: d.document,
          content: d.content,
          ...(d.stimulus ? { stimulus: d.stimulus } : {}),
          at: iso(Math.max(d.at, sim.clock.now())),
        };
        intake.inputs.push({ ...request, atMs: Math.max(d.at, sim.clock.now()) });
        intake.take(await client.deliver(request), SUT_ENDPOINTS.deliver);
      }
      sim.run({ until: sim.clock.now() });
    }
    const candidates = [sim.clock.nextDue(), intake.nextTimer].filter(
      (t): t is number => t !== undefined && t !== null,
    );
    if (candidates.length === 0) return null;
    const t = Math.min(...candidates);
    if (t > horizon) return null;
    if (++exchanges > maxExchanges) {
      return `more than ${maxExchanges} protocol exchanges without the run settling`;
    }
    intake.take(
      await client.clock({ protocol: SUT_PROTOCOL_VERSION, testId, now: iso(t) }),
      SUT_ENDPOINTS.clock,
    );
    if (sim.run({ until: t }).error !== null) return null;
  }
}
