/**
 * One reference role behind the SUT protocol (what `sim serve` hosts): the real role machine on
 * a virtual clock that only the harness moves, with every other role proxied. Documents from the
 * harness enter as if the proxied sender had sent them; what the served role sends comes back
 * as the outbox. Transit is instant here: the harness's own network already applied latency.
 */
import { isoInZone } from '@consent-sim/core';
import {
  type PartyOverride,
  type Scenario,
  type Simulation,
  type TraceEvent,
  xmlChannels,
} from '@consent-sim/sim';
import type { AnyStateMachine } from 'xstate';
import type { ProcessPlugin } from '../process/plugin.ts';
import { SutBridge } from './bridge.ts';
import { SUT_LIMITS } from './limits.ts';
import {
  type DeliverRequest,
  type OutboxItem,
  type ResetRequest,
  type StepReport,
  SUT_PROTOCOL_VERSION,
  type SutResponse,
} from './protocol.ts';

/** A refused request: the protocol error code, the JSON path of the field and why. */
export class SutRequestError extends Error {
  override readonly name = 'SutRequestError';
  constructor(
    readonly code:
      | 'bad-field'
      | 'bad-document'
      | 'clock-backwards'
      | 'unsupported'
      | 'unknown-test'
      | 'limit-exceeded',
    readonly field: string,
    message: string,
    /** The engine moved before the refusal: the test cannot go on (the handler marks it broken). */
    readonly breaks = false,
  ) {
    super(message);
  }
}

export interface ServedRoleOptions {
  /** Reference machines by role (a deliberately wrong one for the harness's self-test). */
  machines?: Readonly<Record<string, AnyStateMachine>>;
  /**
   * The wall-time budget of one request's engine run: a clock (ms) and the budget
   * (SUT_LIMITS.requestBudgetMs). Without it, only the event count bounds a request.
   */
  budget?: { now: () => number; ms: number };
}

/**
 * @example
 * const served = ServedRole.reset(PROCESSES['cm-req-off'], resetRequest, 'vnb');
 * served.deliver(deliverRequest).outbox; // the DSO's answers
 */
export class ServedRole {
  readonly testId: string;
  readonly role: string;
  /** The process name of the reset. */
  readonly process: string;
  /** The parties the reset named. */
  readonly parties: ResetRequest['parties'];
  /** Channels a delivery may name: the process's, and `stimulus`. */
  readonly channels: readonly string[];
  /** The process's channels that carry XML documents. */
  readonly xmlChannels: readonly string[];
  readonly #sim: Simulation;
  readonly #bridge: SutBridge;
  readonly #zone: string;
  readonly #startMs: number;
  readonly #steps: StepReport[] = [];
  readonly #seenDeliveries = new Set<string>();
  readonly #budget: ServedRoleOptions['budget'];

  private constructor(
    plugin: ProcessPlugin,
    request: ResetRequest,
    role: string,
    options: ServedRoleOptions,
  ) {
    this.testId = request.testId;
    this.role = role;
    this.process = request.process;
    this.parties = request.parties;
    this.#startMs = Date.parse(request.start);
    this.channels = [...Object.keys(plugin.channels), 'stimulus'];
    this.xmlChannels = xmlChannels(plugin);
    this.#zone = request.zone;
    this.#budget = options.budget;
    // Transit is instant here: the harness's own network already applied latency.
    this.#bridge = new SutBridge({
      plugin,
      scenario: scenarioFor(request),
      proxied: plugin.roles.filter((r) => r !== role),
      transit: 'instant',
      // The served role's checks are the harness's job (its messages are judged there).
      invariants: false,
      ...(options.machines ? { machines: options.machines } : {}),
    });
    this.#sim = this.#bridge.sim;
    this.#sim.trace.listen((event) => {
      if (event.kind === 'step' && event.party === role && event.step !== null) {
        this.#steps.push({ step: event.step, at: event.at });
      }
    });
  }

  /** Starts a test: the served role's machine at `start`, every other role proxied. */
  static reset(
    plugin: ProcessPlugin,
    request: ResetRequest,
    role: string,
    options: ServedRoleOptions = {},
  ): ServedRole {
    const roles: readonly string[] = plugin.roles;
    if (!roles.includes(request.role) || request.role !== role) {
      throw new SutRequestError(
        'unsupported',
        '$.role',
        `this server plays role "${role}"${roles.includes(role) ? '' : ` (not a ${request.process} role)`}, the test asks for "${request.role}"; start sim serve --role ${request.role}`,
      );
    }
    const served = new ServedRole(plugin, request, role, options);
    served.#run(Date.parse(request.start));
    return served;
  }

  /**
   * Every trace event of the served run from now on (e.g. the `state` events in which the
   * served role reports its registry: a ConsentId's or a request's status).
   */
  listen(listener: (event: TraceEvent) => void): void {
    this.#sim.trace.listen(listener);
  }

  /** The served party's machine context (for edge rules that need its state). */
  partyContext(): unknown {
    return (this.#sim.actor(this.role).getSnapshot() as { context?: unknown }).context ?? null;
  }

  /** Moves the clock to `nowMs`, firing every timer due up to it in order. */
  clock(nowMs: number): SutResponse {
    this.#advance(nowMs, '$.now');
    return this.#answer();
  }

  /** Puts a document or stimulus in front of the served role at `at`. */
  deliver(request: DeliverRequest): SutResponse {
    const atMs = Date.parse(request.at);
    if (this.#seenDeliveries.has(request.deliveryId)) return this.#answer();
    if (this.#seenDeliveries.size >= SUT_LIMITS.maxDeliveriesPerTest) {
      throw new SutRequestError(
        'limit-exceeded',
        '$.deliveryId',
        `a test takes at most ${SUT_LIMITS.maxDeliveriesPerTest} deliveries; start a new test`,
      );
    }
    this.#seenDeliveries.add(request.deliveryId);
    this.#advance(atMs, '$.at');
    const proxied = [...this.#bridge.proxied];
    if (request.channel === 'stimulus') {
      if (!request.stimulus) {
        throw new SutRequestError(
          'bad-field',
          '$.stimulus',
          'a stimulus needs its name, e.g. "apply"',
        );
      }
      this.#sim.stimulus(atMs, this.role, {
        ...(request.content ?? {}),
        type: `stimulus.${request.stimulus}`,
      });
    } else {
      const from = this.#sim
        .parties()
        .find((p) => p.id === request.from || p.address === request.from);
      if (from === undefined || !proxied.includes(from.id)) {
        throw new SutRequestError(
          'bad-field',
          '$.from',
          `"${request.from}" is not a party the harness plays here (one of ${proxied.join(', ')})`,
        );
      }
      const item: OutboxItem = {
        channel: request.channel,
        to: this.role,
        messageCode: request.messageCode,
        document: request.document,
        content: request.content ?? null,
        at: request.at,
      };
      this.#bridge.inject(from.id, atMs, item);
    }
    this.#run(atMs);
    return this.#answer();
  }

  #advance(toMs: number, field: string): void {
    const now = this.#sim.clock.now();
    if (Number.isNaN(toMs))
      throw new SutRequestError('bad-field', field, 'must be an ISO 8601 instant with offset');
    if (toMs < now) {
      throw new SutRequestError(
        'clock-backwards',
        field,
        `${isoInZone(toMs, this.#zone)} is before the test clock (${isoInZone(now, this.#zone)}); the clock never goes back`,
      );
    }
    const span = SUT_LIMITS.maxSpanMs;
    if (toMs - this.#startMs > span) {
      throw new SutRequestError(
        'limit-exceeded',
        field,
        `${field} is ${Math.floor((toMs - this.#startMs) / 86_400_000)} days after the test's start; a test spans at most ${span / 86_400_000} days (docs/sut-protocol.md § Limits)`,
      );
    }
    this.#run(toMs);
  }

  /** Runs the engine to `untilMs` within the events and wall-time budgets of one request. */
  #run(untilMs: number): void {
    const maxEvents = SUT_LIMITS.maxEventsPerRequest;
    const overBudget = this.#overBudget();
    const run = this.#sim.run({ until: untilMs, maxEvents, budget: overBudget.check });
    if (run.error === null) return;
    if (overBudget.hit()) {
      throw new SutRequestError(
        'limit-exceeded',
        '$',
        `the request ran the engine for more than ${this.#budget?.ms} ms of wall time; the test cannot go on (move the clock in smaller steps; docs/sut-protocol.md § Limits)`,
        true,
      );
    }
    if (run.error.message.includes('(maxEvents)')) {
      throw new SutRequestError(
        'limit-exceeded',
        '$',
        `the request would run more than ${maxEvents} engine events; the test cannot go on (move the clock in smaller steps)`,
        true,
      );
    }
    throw new Error(`consent-sim: the served ${this.role} failed: ${run.error.message}`);
  }

  /** The wall-time budget of one engine run, from now: a check for the engine, and whether it hit. */
  #overBudget(): { check?: () => string | null; hit: () => boolean } {
    const budget = this.#budget;
    if (budget === undefined) return { hit: () => false };
    const deadline = budget.now() + budget.ms;
    let hit = false;
    const check = () => {
      hit = budget.now() > deadline;
      return hit ? `wall-time budget of ${budget.ms} ms exceeded` : null;
    };
    return { check, hit: () => hit };
  }

  /** Refuses an answer over the protocol's 1 MiB before it is built. */
  #checkAnswerSize(): void {
    const utf8 = new TextEncoder();
    let bytes = 512;
    for (const d of this.#bridge.captured) {
      const json = JSON.stringify([d.document, d.content]);
      bytes += 256 + (json.length * 3 > 65_536 ? utf8.encode(json).length : json.length * 3);
      if (bytes > SUT_LIMITS.maxAnswerBytes) {
        throw new SutRequestError(
          'limit-exceeded',
          '$',
          `the answer would exceed the protocol's 1 MiB (${this.#bridge.captured.length} outbox items); the test cannot go on (move the clock in smaller steps)`,
          true,
        );
      }
    }
  }

  #answer(): SutResponse {
    this.#checkAnswerSize();
    const outbox: OutboxItem[] = this.#bridge.drain().map((d) => ({
      channel: d.channel === 'stimulus' ? 'phone' : d.channel,
      to: d.party,
      messageCode: d.messageCode,
      document: d.document,
      ...(d.content === null ? {} : { content: d.content }),
      at: isoInZone(d.at, this.#zone),
      step: d.step ?? null,
    }));
    const next = this.#sim.clock.nextDue();
    return {
      protocol: SUT_PROTOCOL_VERSION,
      testId: this.testId,
      now: isoInZone(this.#sim.clock.now(), this.#zone),
      outbox,
      steps: this.#steps.splice(0, this.#steps.length),
      nextTimerAt: next === undefined ? null : isoInZone(next, this.#zone),
    };
  }
}

/** The reference scenario behind a reset: the parties as the harness plays them, no stimuli. */
function scenarioFor(request: ResetRequest): Scenario {
  const startMs = Date.parse(request.start);
  const parties: Record<string, PartyOverride> = {};
  for (const p of request.parties) {
    const customer = p.role === 'customer';
    parties[p.id] = {
      ...(customer ? { email: p.address } : { address: p.address }),
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.email !== undefined && !customer ? { email: p.email } : {}),
      ...(p.registered !== undefined ? { registered: p.registered } : {}),
      ...(p.channel === 'email' || p.channel === 'post' ? { channel: p.channel } : {}),
    };
  }
  const process = request.process;
  return {
    name: `sut-${request.testId}`,
    process,
    summary: 'served role',
    description: null,
    seed: request.seed,
    start: request.start,
    parties,
    parameters: request.parameters,
    channels: {},
    faults: [],
    stimuli: [],
    expect: { outcome: '' },
    fullName: `${process}/sut-${request.testId}`,
    zone: request.zone,
    startMs,
    stimuliAtMs: [],
    fileName: `reset ${request.testId}`,
  };
}
