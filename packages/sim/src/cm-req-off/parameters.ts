/**
 * What a CM_REQ_OFF scenario's `parameters` may say, checked field by field; every problem is
 * collected and reported at once, naming the field, the rule, the value and what to write.
 *
 * ```yaml
 * parameters:
 *   meteringPoints: 1              # count (1…200) of generated ids of the DSO, or a list of ids
 *   request:                       # the CMRequest body the customer applies for (BP_01)
 *     reqDatType: HistoricalMeteringData
 *     dateFrom: 2026-03-01         # yyyy-MM-dd
 *     dateTo: 2026-03-31           # optional
 *     meteringIntervall: QH        # optional: QH | H | D | V
 *     transmissionCycle: D         # optional: D | M | V (periodic delivery, OFF-DATA-DELIVERY)
 *   customerCanAuthenticate: true  # false: the DSO cannot authenticate the customer
 *   dsoBackendFails: false         # true: the back end fails on the ConsentRequest (174)
 * ```
 */
import { type cmReqOff, localDate, VIENNA } from '@consent-sim/core';
import { createFaker, fakeMeteringPoint } from '@consent-sim/messages';
import { DateTime } from 'luxon';
import type { Rng } from '../rng.ts';

export interface CmReqOffParameters {
  readonly meteringPoints: readonly string[];
  readonly request: cmReqOff.ConsentRequestData;
  readonly customerCanAuthenticate: boolean;
  readonly dsoBackendFails: boolean;
}

const KEYS = ['meteringPoints', 'request', 'customerCanAuthenticate', 'dsoBackendFails'];
const REQUEST_KEYS = ['reqDatType', 'dateFrom', 'dateTo', 'meteringIntervall', 'transmissionCycle'];
const INTERVALS: readonly cmReqOff.MeteringIntervall[] = ['QH', 'H', 'D', 'V'];
const CYCLES: readonly cmReqOff.TransmissionCycle[] = ['D', 'M', 'V'];
const METERING_POINT = /^AT\d{6}[0-9A-Za-z]{25}$/;
/** The default ReqDatType: historical metering data, as in the project's samples. */
export const DEFAULT_REQ_DAT_TYPE = 'HistoricalMeteringData';

const isDate = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  DateTime.fromISO(value, { zone: VIENNA }).isValid;

/**
 * Reads `parameters`; problems are pushed as `parameters.<field>: …` lines.
 *
 * @example readParameters({ meteringPoints: 2 }, { dsoAddress: 'AT001000', startMs, rng }, problems)
 */
export function readParameters(
  raw: Readonly<Record<string, unknown>>,
  context: { dsoAddress: string; startMs: number; rng: Rng },
  problems: string[],
): CmReqOffParameters {
  const problem = (field: string, message: string) =>
    problems.push(`parameters.${field}: ${message}`);
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key))
      problem(key, `unknown field; CM_REQ_OFF parameters are ${KEYS.join(', ')}`);
  }
  const flag = (key: 'customerCanAuthenticate' | 'dsoBackendFails', fallback: boolean) => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    problem(key, `must be true or false, got ${JSON.stringify(value)}`);
    return fallback;
  };
  return {
    meteringPoints: readMeteringPoints(raw.meteringPoints, context, problem),
    request: readRequest(raw.request, context.startMs, problem),
    customerCanAuthenticate: flag('customerCanAuthenticate', true),
    dsoBackendFails: flag('dsoBackendFails', false),
  };
}

function readMeteringPoints(
  value: unknown,
  context: { dsoAddress: string; rng: Rng },
  problem: (field: string, message: string) => void,
): string[] {
  const faker = createFaker(context.rng.fakerSeed());
  if (value === undefined) return [fakeMeteringPoint(faker, context.dsoAddress)];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 200) {
    return Array.from({ length: value }, () => fakeMeteringPoint(faker, context.dsoAddress));
  }
  if (Array.isArray(value) && value.length > 0) {
    const bad = value.filter((id) => typeof id !== 'string' || !METERING_POINT.test(id));
    if (bad.length === 0) return value as string[];
    problem(
      'meteringPoints',
      `${JSON.stringify(bad[0])} is not a metering point id (AT + 6-digit DSO number + 25 letters or digits, 33 characters)`,
    );
    return [];
  }
  problem(
    'meteringPoints',
    `must be a count 1…200 of generated metering points of the DSO or a non-empty list of ids, got ${JSON.stringify(value)}`,
  );
  return [];
}

function readRequest(
  value: unknown,
  startMs: number,
  problem: (field: string, message: string) => void,
): cmReqOff.ConsentRequestData {
  const fallback = { reqDatType: DEFAULT_REQ_DAT_TYPE, dateFrom: localDate(startMs, VIENNA) };
  if (value === undefined) return fallback;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem(
      'request',
      `must be a map with ${REQUEST_KEYS.join(', ')}, got ${JSON.stringify(value)}`,
    );
    return fallback;
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!REQUEST_KEYS.includes(key)) {
      problem(`request.${key}`, `unknown field; the CMRequest body has ${REQUEST_KEYS.join(', ')}`);
    }
  }
  const request: {
    reqDatType: string;
    dateFrom: string;
    dateTo?: string;
    meteringIntervall?: cmReqOff.MeteringIntervall;
    transmissionCycle?: cmReqOff.TransmissionCycle;
  } = { ...fallback };
  const { reqDatType, dateFrom, dateTo, meteringIntervall, transmissionCycle } = raw;
  if (reqDatType !== undefined) {
    if (typeof reqDatType === 'string' && reqDatType.length >= 1 && reqDatType.length <= 30) {
      request.reqDatType = reqDatType;
    } else {
      problem(
        'request.reqDatType',
        `must be text of 1…30 characters (CMRequest/ReqDatType), got ${JSON.stringify(reqDatType)}`,
      );
    }
  }
  for (const [key, date] of [
    ['dateFrom', dateFrom],
    ['dateTo', dateTo],
  ] as const) {
    if (date === undefined) continue;
    if (isDate(date)) request[key] = date;
    else
      problem(`request.${key}`, `must be a calendar date yyyy-MM-dd, got ${JSON.stringify(date)}`);
  }
  if (request.dateTo !== undefined && request.dateTo < request.dateFrom) {
    problem('request.dateTo', `${request.dateTo} lies before dateFrom ${request.dateFrom}`);
  }
  if (meteringIntervall !== undefined) {
    if (INTERVALS.includes(meteringIntervall as cmReqOff.MeteringIntervall)) {
      request.meteringIntervall = meteringIntervall as cmReqOff.MeteringIntervall;
    } else {
      problem(
        'request.meteringIntervall',
        `must be one of ${INTERVALS.join(', ')}, got ${JSON.stringify(meteringIntervall)}`,
      );
    }
  }
  if (transmissionCycle !== undefined) {
    if (CYCLES.includes(transmissionCycle as cmReqOff.TransmissionCycle)) {
      request.transmissionCycle = transmissionCycle as cmReqOff.TransmissionCycle;
    } else {
      problem(
        'request.transmissionCycle',
        `must be one of ${CYCLES.join(', ')}, got ${JSON.stringify(transmissionCycle)}`,
      );
    }
  }
  return request;
}
