/**
 * Scenario stimuli → the CM_REQ_OFF machines' `stimulus.*` events, checked per party and field.
 *
 * | party | event | `with` |
 * |---|---|---|
 * | customer | `apply` (BP_01) | `via`: phone \| email; `confirmationChannel`: email \| post |
 * | customer | `handOver` (BP_04), `keepQr` (BP_03 "oder nicht"), `object` (BP_07 / BP_08) | — |
 * | sp | `sendRequest` (SP_04 again, new MessageId) | `consent`: n; `consentId`: `unknown` or an id; `meteringPoint`: `other`, `foreign` or an id |
 * | sp | `resendRequest` (the last request byte for byte) | `consent`: n |
 * | sp | `requestData` (ANFORDERUNG_DATEN, only under an active consent) | `consent`: n; `dateFrom`, `dateTo`: yyyy-MM-dd; `withoutConsent`: true (asks anyway, to provoke the DSO) |
 *
 * `consent: n` names the n-th ConsentId the DSO issues in the run (default 1). ConsentIds are
 * minted during the run (they contain the instant of VNB_01), so the event's `consentId` is
 * filled in when the DSO issues that ConsentId — before the stimulus fires, since the engine
 * sends the planned event object at its instant (see the ENGINE note in README.md).
 */
import { cmReqOff } from '@consent-sim/core';
import { createFaker, fakeMeteringPoint } from '@consent-sim/messages';
import type { MachineEvent } from '../codec.ts';
import type { Rng } from '../rng.ts';
import type { Scenario, ScenarioStimulus } from '../scenario/types.ts';
import type { CmReqOffLedger } from './ledger.ts';
import type { CmReqOffParameters } from './parameters.ts';
import type { CmReqOffParties } from './parties.ts';

const EVENTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  customer: {
    apply: ['via', 'confirmationChannel'],
    handOver: [],
    keepQr: [],
    object: [],
  },
  sp: {
    sendRequest: ['consent', 'consentId', 'meteringPoint'],
    resendRequest: ['consent'],
    requestData: ['consent', 'dateFrom', 'dateTo', 'withoutConsent'],
  },
  vnb: {},
};

/** A ConsentId no DSO issues in a run: the largest serial of `consentIdFor`. */
const NEVER_ISSUED_SERIAL = 2 ** 40 - 1;

export interface StimulusPlan {
  readonly events: ReadonlyMap<ScenarioStimulus, MachineEvent>;
}

/** What planning one stimulus reads besides the stimulus itself. */
interface PlanContext {
  readonly scenario: Scenario;
  readonly parties: CmReqOffParties;
  readonly parameters: CmReqOffParameters;
  readonly faker: ReturnType<typeof createFaker>;
  /** SP events waiting for the n-th ConsentId the DSO issues. */
  readonly waiting: Map<number, MachineEvent[]>;
}

/** Records a problem with one field of the stimulus's `with`. */
type FieldProblem = (field: string, message: string) => void;

/**
 * @example planStimuli(scenario, parties, parameters, ledger, rng.fork('stimuli'), problems).events.get(scenario.stimuli[0])
 */
export function planStimuli(
  scenario: Scenario,
  parties: CmReqOffParties,
  parameters: CmReqOffParameters,
  ledger: CmReqOffLedger,
  rng: Rng,
  problems: string[],
): StimulusPlan {
  const faker = createFaker(rng.fakerSeed());
  const events = new Map<ScenarioStimulus, MachineEvent>();
  const waiting = new Map<number, MachineEvent[]>();
  ledger.onIssued((consentId, index) => {
    for (const event of waiting.get(index + 1) ?? []) event.consentId = consentId;
  });
  const context: PlanContext = { scenario, parties, parameters, faker, waiting };
  scenario.stimuli.forEach((stimulus, index) => {
    const event = planStimulus(stimulus, `stimuli[${index}]`, context, problems);
    if (event !== undefined) events.set(stimulus, event);
  });
  return { events };
}

/** One stimulus's machine event, or undefined when the party cannot do it at all. */
function planStimulus(
  stimulus: ScenarioStimulus,
  where: string,
  context: PlanContext,
  problems: string[],
): MachineEvent | undefined {
  const allowed = EVENTS[stimulus.party]?.[stimulus.event];
  if (allowed === undefined) {
    const known = Object.keys(EVENTS[stimulus.party] ?? {});
    problems.push(
      `${where}.event: ${stimulus.party} cannot "${stimulus.event}" in CM_REQ_OFF; ${known.length === 0 ? `${stimulus.party} acts only on messages` : `${stimulus.party} events are ${known.join(', ')}`}`,
    );
    return undefined;
  }
  const raw = stimulus.with ?? {};
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${where}.with.${key}: unknown field; allowed here: ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
      );
    }
  }
  const problem: FieldProblem = (field, message) =>
    problems.push(`${where}.with.${field}: ${message}`);
  const event: MachineEvent = { type: `stimulus.${stimulus.event}` };
  if (stimulus.event === 'apply') planApplication(event, raw, context, problem);
  if (stimulus.party === 'sp') planServiceProviderEvent(stimulus, event, raw, context, problem);
  return event;
}

/** BP_01: the customer applies for the parameters' metering points and request. */
function planApplication(
  event: MachineEvent,
  raw: Record<string, unknown>,
  context: PlanContext,
  problem: FieldProblem,
): void {
  Object.assign(event, {
    meteringPoints: context.parameters.meteringPoints,
    request: context.parameters.request,
  });
  const via = raw.via;
  if (via === 'phone' || via === 'email') event.via = via;
  else if (via !== undefined)
    problem('via', `must be phone or email (BP_01), got ${JSON.stringify(via)}`);
  const channel = raw.confirmationChannel ?? context.parties.customer.confirmationChannel;
  if (channel === 'email' || channel === 'post') event.confirmationChannel = channel;
  else if (channel !== undefined) {
    problem('confirmationChannel', `must be email or post, got ${JSON.stringify(channel)}`);
  }
}

/** An SP stimulus: which ConsentId it is about, what it overrides, and a data request's dates. */
function planServiceProviderEvent(
  stimulus: ScenarioStimulus,
  event: MachineEvent,
  raw: Record<string, unknown>,
  context: PlanContext,
  problem: FieldProblem,
): void {
  const n = raw.consent ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    problem(
      'consent',
      `must be a whole number ≥ 1 (the n-th ConsentId the DSO issues), got ${JSON.stringify(n)}`,
    );
  } else {
    event.consent = n;
    event.consentId = `(ConsentId ${n} not issued yet)`;
    context.waiting.set(n, [...(context.waiting.get(n) ?? []), event]);
  }
  const override = requestOverride(raw, context, problem);
  if (Object.keys(override).length > 0) event.override = override;
  if (stimulus.event === 'requestData') {
    for (const key of ['dateFrom', 'dateTo'] as const) {
      const date = raw[key];
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) event[key] = date;
      else
        problem(
          key,
          date === undefined
            ? 'missing; requestData needs a date yyyy-MM-dd here (OFF-DATA-DELIVERY)'
            : `must be a date yyyy-MM-dd (OFF-DATA-DELIVERY), got ${JSON.stringify(date)}`,
        );
    }
    const anyway = raw.withoutConsent;
    if (anyway === true) event.withoutConsent = true;
    else if (anyway !== undefined)
      problem(
        'withoutConsent',
        `must be true (the SP asks without an active consent, to provoke the DSO) or left out, got ${JSON.stringify(anyway)}`,
      );
  }
}

/** The ConsentId and metering point an SP request names instead of the issued ones. */
function requestOverride(
  raw: Record<string, unknown>,
  context: PlanContext,
  problem: FieldProblem,
): { consentId?: string; meteringPoint?: string } {
  const { parties, scenario, faker } = context;
  const override: { consentId?: string; meteringPoint?: string } = {};
  const consentId = raw.consentId;
  if (consentId === 'unknown') {
    override.consentId = cmReqOff.consentIdFor(
      parties.vnb.address,
      scenario.startMs,
      NEVER_ISSUED_SERIAL,
    );
  } else if (typeof consentId === 'string' && /^[0-9A-Za-z]{1,35}$/.test(consentId)) {
    override.consentId = consentId;
  } else if (consentId !== undefined) {
    problem(
      'consentId',
      `must be "unknown" or a ConsentId (1…35 letters or digits), got ${JSON.stringify(consentId)}`,
    );
  }
  const point = raw.meteringPoint;
  if (point === 'other') override.meteringPoint = fakeMeteringPoint(faker, parties.vnb.address);
  else if (point === 'foreign')
    override.meteringPoint = fakeMeteringPoint(faker, foreignDso(parties.vnb.address));
  else if (typeof point === 'string' && /^[0-9A-Za-z]{1,33}$/.test(point))
    override.meteringPoint = point;
  else if (point !== undefined) {
    problem(
      'meteringPoint',
      `must be "other" (another of this DSO's), "foreign" (another DSO's) or a metering point id, got ${JSON.stringify(point)}`,
    );
  }
  return override;
}

/** Another DSO's address: the next 6-digit number (wrapping), so its metering points are not ours. */
function foreignDso(address: string): string {
  const next = (Number(address.slice(2)) + 1) % 1_000_000;
  return `AT${String(next).padStart(6, '0')}`;
}
