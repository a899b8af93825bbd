/**
 * Scenario stimuli → DH-831 machine events. The seller's `sendRequest` becomes a full
 * Dh831Process (parameters, overridden by the stimulus's `with`); the other stimuli name a
 * request by id, or default to the latest request sent before them (in time order, which is the
 * order the engine runs them in, not file order).
 */
import { HELSINKI } from '@consent-sim/core';
import { createFaker, type Dh831Process, fakeGsrn, isEmailAddress } from '@consent-sim/messages';
import { DateTime } from 'luxon';
import type { MachineEvent } from '../codec.ts';
import type { Rng } from '../rng.ts';
import { resolveAt } from '../scenario/at.ts';
import type { Scenario, ScenarioStimulus } from '../scenario/types.ts';
import {
  onlyKeys,
  optionalText,
  type RequestParameters,
  readRequestParameters,
} from './parameters.ts';
import type { Dh831Parties } from './parties.ts';

/** Stimuli each role understands (the DH-831 machines' `stimulus.*` events). */
export const DH831_STIMULI: Readonly<Record<string, readonly string[]>> = {
  seller: ['sendRequest', 'cancel', 'fetchData', 'endAuthorization'],
  customer: ['approve', 'reject'],
  datahub: [],
};

export interface PlannedStimuli {
  /** The machine event per stimulus object of the scenario. */
  readonly events: ReadonlyMap<ScenarioStimulus, MachineEvent>;
  /** Request ids in the order the seller sends them. */
  readonly requestIds: readonly string[];
}

/** Helsinki ISO 8601 with offset and without milliseconds, as a seller writes it. */
export const helsinkiIso = (ms: number): string =>
  DateTime.fromMillis(ms, { zone: HELSINKI }).toISO({ suppressMilliseconds: true }) ?? '';

/**
 * Plans every stimulus of the scenario; throws one error listing all problems.
 *
 * @example planStimuli(scenario, parties, rng.fork('accounting-points')).requestIds // ['REQ-20260320-1']
 */
export function planStimuli(
  scenario: Scenario,
  parties: Dh831Parties,
  rng: Rng,
  problems: string[],
): PlannedStimuli {
  const defaults = readRequestParameters(scenario.parameters, 'parameters', problems);
  const faker = createFaker(rng.fakerSeed());
  const pool: string[] = [];
  const generated = (count: number) => {
    while (pool.length < count) pool.push(fakeGsrn(faker));
    return pool.slice(0, count);
  };
  const order = scenario.stimuli
    .map((stimulus, index) => ({ stimulus, index, at: scenario.stimuliAtMs[index] ?? 0 }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const sent: Dh831Process[] = [];
  const events = new Map<ScenarioStimulus, MachineEvent>();
  for (const { stimulus, index, at } of order) {
    const where = `stimuli[${index}].with`;
    const raw = stimulus.with ?? {};
    const known = DH831_STIMULI[stimulus.party] ?? [];
    if (!known.includes(stimulus.event)) {
      problems.push(
        `stimuli[${index}].event: "${stimulus.event}" is not a DH-831 ${stimulus.party} stimulus; ${stimulus.party} understands ${known.length === 0 ? 'none (it only reacts)' : known.join(', ')}`,
      );
      continue;
    }
    if (stimulus.event === 'sendRequest') {
      const given = readRequestParameters(raw, where, problems);
      const process = buildProcess(
        { ...defaults, ...given },
        at,
        sent.length + 1,
        parties,
        generated,
      );
      const email = process.recipient?.email;
      // The mail travels to the customer party by address; another valid address has no party.
      if (email !== undefined && isEmailAddress(email) && email !== parties.customer.email) {
        problems.push(
          `${given.recipient === undefined ? 'parameters' : where}.recipient.email: "${email}" is not the customer's e-mail "${parties.customer.email}"; set parties.customer.email to it (the recipient is the customer)`,
        );
      }
      sent.push(process);
      events.set(stimulus, { type: 'stimulus.sendRequest', process });
      continue;
    }
    // The request a later stimulus is about: the one named, else the latest sent before it.
    const named = optionalText(raw, 'requestId', where, problems);
    const request = named === undefined ? sent.at(-1) : sent.findLast((p) => p.requestId === named);
    const requestId = named ?? request?.requestId ?? defaults.requestId;
    if (requestId === undefined) {
      problems.push(
        `${where}.requestId: no request sent before this stimulus; give with.requestId or send one first`,
      );
      continue;
    }
    const about: AboutRequest = { requestId, points: request?.accountingPoints ?? [] };
    const event = planRequestEvent(stimulus, index, about, problems);
    if (event !== undefined) events.set(stimulus, event);
  }
  return { events, requestIds: sent.map((p) => p.requestId) };
}

/** The request a stimulus is about: its id and the accounting points it asked for. */
interface AboutRequest {
  readonly requestId: string;
  readonly points: readonly string[];
}

/** A stimulus about a request that was sent: cancel, reject, fetchData, endAuthorization, approve. */
function planRequestEvent(
  stimulus: ScenarioStimulus,
  index: number,
  about: AboutRequest,
  problems: string[],
): MachineEvent | undefined {
  const where = `stimuli[${index}].with`;
  const raw = stimulus.with ?? {};
  const { requestId, points } = about;
  switch (stimulus.event) {
    case 'cancel':
    case 'reject':
      onlyKeys(raw, ['requestId'], where, problems);
      return { type: `stimulus.${stimulus.event}`, requestId };
    case 'fetchData': {
      onlyKeys(raw, ['requestId', 'accountingPoint'], where, problems);
      const [point] = pickPoints(
        [raw.accountingPoint ?? 1],
        points,
        `${where}.accountingPoint`,
        problems,
      );
      return { type: 'stimulus.fetchData', requestId, accountingPoint: point ?? '' };
    }
    case 'endAuthorization': {
      onlyKeys(raw, ['requestId', 'reason'], where, problems);
      const reason = raw.reason ?? 'wrong-accounting-points';
      if (reason !== 'wrong-accounting-points' && reason !== 'other') {
        problems.push(
          `${where}.reason: must be wrong-accounting-points or other, got ${JSON.stringify(reason)}`,
        );
      }
      return { type: 'stimulus.endAuthorization', requestId, reason };
    }
    case 'approve': {
      onlyKeys(raw, ['requestId', 'removeAccountingPoints'], where, problems);
      const remove = raw.removeAccountingPoints ?? [];
      if (!Array.isArray(remove)) {
        problems.push(
          `${where}.removeAccountingPoints: must be a list of 1-based positions or ids, got ${JSON.stringify(remove)}`,
        );
        return undefined;
      }
      const removeAccountingPoints = pickPoints(
        remove,
        points,
        `${where}.removeAccountingPoints`,
        problems,
      );
      return { type: 'stimulus.approve', requestId, removeAccountingPoints };
    }
    default:
      problems.push(
        `stimuli[${index}].event: "${stimulus.event}" has no mapping in packages/sim/src/dh-831/stimuli.ts`,
      );
      return undefined;
  }
}

/** Accounting points by 1-based position in the request, or literally by id. */
function pickPoints(
  wanted: readonly unknown[],
  points: readonly string[],
  where: string,
  problems: string[],
): string[] {
  return wanted.flatMap((item, i) => {
    if (typeof item === 'string') return [item];
    if (typeof item === 'number' && Number.isInteger(item) && item >= 1 && item <= points.length) {
      return [points[item - 1] ?? ''];
    }
    problems.push(
      `${where}${wanted.length > 1 ? `[${i}]` : ''}: ${JSON.stringify(item)} is neither an id nor a position 1…${points.length} of the request's accounting points`,
    );
    return [];
  });
}

function buildProcess(
  p: RequestParameters,
  sendAt: number,
  ordinal: number,
  parties: Dh831Parties,
  generated: (count: number) => string[],
): Dh831Process {
  const day = DateTime.fromMillis(sendAt, { zone: HELSINKI });
  const startAt = resolveAt(p.start ?? 'P1D', sendAt, HELSINKI);
  const points = p.accountingPoints ?? 2;
  const recipient =
    p.recipient === false
      ? undefined
      : p.recipient === true || p.recipient === undefined
        ? { name: parties.customer.name, email: parties.customer.email }
        : p.recipient;
  let requestEndDate = p.requestEndDate;
  if (requestEndDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(requestEndDate)) {
    requestEndDate =
      DateTime.fromMillis(resolveAt(requestEndDate, sendAt, HELSINKI), {
        zone: HELSINKI,
      }).toISODate() ?? undefined;
  }
  return {
    requestId: p.requestId ?? `REQ-${day.toFormat('yyyyMMdd')}-${ordinal}`,
    customerId: p.customerId ?? parties.customer.personalId,
    periodStart: helsinkiIso(startAt),
    ...(p.end === undefined ? {} : { periodEnd: helsinkiIso(resolveAt(p.end, startAt, HELSINKI)) }),
    reason: p.reason ?? 'tender-with-agreement',
    description: p.description ?? 'Sähkön tarjouspyyntö / invitation to tender for electricity',
    accountingPoints: typeof points === 'number' ? generated(points) : [...points],
    ...(recipient === undefined ? {} : { recipient }),
    ...(p.reminder === undefined
      ? {}
      : { reminderTime: helsinkiIso(resolveAt(p.reminder, sendAt, HELSINKI)) }),
    ...(requestEndDate === undefined ? {} : { requestEndDate }),
  };
}
