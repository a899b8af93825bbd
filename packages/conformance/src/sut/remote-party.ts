/**
 * Runs one path with the SUT in place of one role: the engine plays every other party; what
 * reaches the SUT's party is delivered over the protocol, the SUT's outbox enters the engine's
 * network as the SUT's sends, and the virtual clock drives the SUT's test clock to every instant
 * before the engine (or the SUT's own next timer) acts. The run is then judged against the
 * path's expectations and the reference run of the same path (verdicts.ts).
 */
import { isoInZone } from '@consent-sim/core';
import {
  channelLatencies,
  createRng,
  faultRules,
  type MachineEvent,
  runScenario,
  type Scenario,
  Simulation,
  type TraceEvent,
} from '@consent-sim/sim';
import { readingsFor } from '../readings/index.ts';
import { isXmlItem, SutBridge } from './bridge.ts';
import { type SutAnswer, SutClient } from './client.ts';
import { inMemoryTransport } from './in-memory.ts';
import { judge } from './judge.ts';
import { SUT_PROTOCOL_VERSION, type SutParty, type SutProcess } from './protocol.ts';
import type { Check } from './verdicts.ts';

export interface SutPath {
  id: string;
  scenario: Scenario;
  /** Interpretation keys (and steps) the path exercises (`ModelPath.covers`). */
  covers?: readonly string[];
}

export interface RunAgainstSutOptions {
  client: SutClient;
  role: string;
  path: SutPath;
  /** Fail the path after this many protocol exchanges (a SUT whose timers never settle). */
  maxExchanges?: number;
}

const DAY = 86_400_000;
/** Roles whose internal states the invariants read (see runAgainstSut). */
const STATE_KEEPERS = new Set(['vnb', 'datahub']);

/**
 * @example
 * const checks = await runAgainstSut({ client, role: 'vnb', path: { id: 'happy', scenario } });
 * checks.every((c) => c.verdict !== 'FAIL');
 */
export async function runAgainstSut(options: RunAgainstSutOptions): Promise<Check[]> {
  const { role, path } = options;
  const reference = runScenario(path.scenario);
  const observed = await driveSut(options, reference.events);
  const judgeAgainst = (expected: readonly TraceEvent[]) =>
    judge({
      ...observed,
      pathId: path.id,
      role,
      scenario: path.scenario,
      covers: path.covers ?? [],
      reference: expected,
    });
  const checks = judgeAgainst(reference.events);
  if (!checks.some((c) => c.verdict === 'FAIL')) return checks;
  // Another reasonable reading of an open question (docs/interpretations) is a WARNING, not a
  // FAIL: when the run matches the run of a reference role built on that other reading exactly,
  // every difference from our reading is reported as a WARNING naming that reading.
  for (const reading of readingsFor(path.scenario.process, role)) {
    const alternative = await driveSut(
      { ...options, client: new SutClient(inMemoryTransport(role, { [role]: reading.machine() })) },
      reference.events,
    );
    if (alternative.errors.length > 0) continue;
    if (judgeAgainst(alternative.trace).some((c) => c.verdict === 'FAIL')) continue;
    return checks.map((check) =>
      check.verdict === 'PASS'
        ? check
        : {
            ...check,
            verdict: 'WARNING',
            title: `${check.title} — matches the other reading of ${reading.key}: ${reading.reading}`,
            interpretations: [reading.key],
          },
    );
  }
  return checks;
}

interface Observed {
  trace: readonly TraceEvent[];
  sutDocuments: { channel: string; document: string; step: string | null; at: string }[];
  errors: string[];
  violations: readonly { invariant: string; message: string }[];
}

/** Drives one path with the SUT in place of `role`; returns what the harness saw. */
async function driveSut(
  options: RunAgainstSutOptions,
  referenceEvents: readonly TraceEvent[],
): Promise<Observed> {
  const { client, role, path } = options;
  const scenario = path.scenario;
  const bridge = new SutBridge({
    scenario,
    rng: createRng(scenario.seed).fork('wiring'),
    proxied: [role],
  });
  const sim = new Simulation({
    seed: scenario.seed,
    start: scenario.startMs,
    zone: scenario.zone,
    latencies: channelLatencies(scenario.channels),
    faults: faultRules(scenario.faults),
    outboundCodec: bridge.outbound,
    inboundCodec: bridge.inbound,
  });
  bridge.wiring.setup(sim);
  bridge.attach(sim);
  // The process invariants read the ledger, and the ledger learns consent and request states
  // from the DSO's / Datahub's own reports, which the protocol does not carry. With the SUT in
  // another role they judge what the SUT made the reference parties do (e.g. an SP that asks
  // for data before the release is active); with the SUT as DSO or Datahub they would judge
  // nothing, and the message checks against the reference run carry that weight.
  if (!STATE_KEEPERS.has(role)) {
    for (const invariant of bridge.wiring.invariants) sim.addInvariant(invariant);
  }
  const toEvent =
    bridge.wiring.stimulusEvent ??
    ((s: Scenario['stimuli'][number]): MachineEvent => ({
      ...(s.with ?? {}),
      type: `stimulus.${s.event}`,
    }));
  scenario.stimuli.forEach((stimulus, index) => {
    sim.stimulus(
      scenario.stimuliAtMs[index] ?? scenario.startMs,
      stimulus.party,
      toEvent(stimulus),
    );
  });
  const iso = (ms: number) => isoInZone(ms, scenario.zone);
  const testId = `${path.id}-${scenario.seed}`;
  const protocolErrors: string[] = [];
  const sutDocuments: { channel: string; document: string; step: string | null; atMs: number }[] =
    [];
  let deliveries = 0;
  let nextTimer: number | null = null;

  const take = (answer: SutAnswer) => {
    nextTimer = answer.nextTimerMs;
    for (const step of answer.steps ?? []) bridge.reportStep(role, step.atMs, step.step);
    for (const item of answer.outbox) {
      if (item.atMs < sim.clock.now()) {
        protocolErrors.push(
          `outbox item ${item.messageCode ?? item.channel} at ${item.at} is before the test clock (${iso(sim.clock.now())})`,
        );
      }
      if (isXmlItem(item) && item.document) {
        sutDocuments.push({
          channel: item.channel,
          document: item.document,
          step: item.step ?? null,
          atMs: item.atMs,
        });
      }
      bridge.inject(role, item.atMs, item);
    }
  };

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
  take(
    await client.reset({
      protocol: SUT_PROTOCOL_VERSION,
      testId,
      process: scenario.process as SutProcess,
      role,
      seed: scenario.seed,
      start: iso(scenario.startMs),
      zone: scenario.zone,
      parties,
      parameters: scenario.parameters,
    }),
  );
  const lastReference = referenceEvents.at(-1)?.atMs ?? scenario.startMs;
  const horizon = Math.max(lastReference, ...scenario.stimuliAtMs) + 7 * DAY;
  const maxExchanges = options.maxExchanges ?? 5_000;
  let exchanges = 0;
  let failure: string | null = null;
  for (;;) {
    if (sim.run({ until: sim.clock.now() }).error !== null) break;
    for (let pending = bridge.drain(); pending.length > 0; pending = bridge.drain()) {
      for (const d of pending) {
        exchanges += 1;
        take(
          await client.deliver({
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
          }),
        );
      }
      sim.run({ until: sim.clock.now() });
    }
    const engineNext = sim.clock.nextDue();
    const candidates = [engineNext, nextTimer].filter(
      (t): t is number => t !== undefined && t !== null,
    );
    if (candidates.length === 0) break;
    const t = Math.min(...candidates);
    if (t > horizon) break;
    if (++exchanges > maxExchanges) {
      failure = `more than ${maxExchanges} protocol exchanges without the run settling`;
      break;
    }
    take(await client.clock({ protocol: SUT_PROTOCOL_VERSION, testId, now: iso(t) }));
    if (sim.run({ until: t }).error !== null) break;
  }
  const run = sim.run({ until: sim.clock.now() });
  const errors = [
    ...protocolErrors,
    ...(failure ? [failure] : []),
    ...(run.error ? [run.error.message] : []),
  ];
  return {
    violations: run.violations,
    trace: run.trace,
    sutDocuments: sutDocuments.map((d) => ({ ...d, at: iso(d.atMs) })),
    errors,
  };
}

export type { TraceEvent };
