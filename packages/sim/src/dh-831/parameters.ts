/**
 * What a DH-831 scenario's `parameters` (and a seller `sendRequest` stimulus's `with`) may say
 * about the seller's authorization request, checked field by field. Every problem is collected
 * and reported at once, naming the field, the rule, the value and what to write instead.
 */
import { AUTHORIZATION_REASONS, type AuthorizationReason } from '@consent-sim/messages';
import { parseAt } from '../scenario/at.ts';

/** A request field as written in the scenario, before it is turned into a Dh831Process. */
export interface RequestParameters {
  requestId?: string;
  customerId?: string;
  /** How many generated GSRNs, or the literal ids (a wrong one tests EC.AUTH.011). */
  accountingPoints?: number | readonly string[];
  /** ISO 8601 duration from the send instant (calendar units in Helsinki) or instant. */
  start?: string;
  /** ISO 8601 duration from the start, or instant; absent = until ended. */
  end?: string;
  reason?: AuthorizationReason;
  description?: string;
  /** `true` (default): the customer's name and e-mail; `false`: no block; or the block itself. */
  recipient?: boolean | { readonly name?: string; readonly email?: string };
  /** ISO 8601 duration from the send instant, or instant (DH-REMINDER). */
  reminder?: string;
  /** `yyyy-MM-dd`, or an ISO 8601 duration from the send instant (its Helsinki date). */
  requestEndDate?: string;
}

const KEYS: readonly (keyof RequestParameters)[] = [
  'requestId',
  'customerId',
  'accountingPoints',
  'start',
  'end',
  'reason',
  'description',
  'recipient',
  'reminder',
  'requestEndDate',
];

const WHEN =
  'an ISO 8601 duration from the send instant (e.g. P1D, PT2H) or an instant with offset (e.g. 2026-06-18T23:00:00+03:00)';

/**
 * Reads request parameters at `where` (e.g. `parameters`, `stimuli[0].with`); problems are
 * pushed to `problems` as `<where>.<field>: …` lines.
 *
 * @example readRequestParameters({ start: 'P2D', accountingPoints: 3 }, 'parameters', problems)
 */
export function readRequestParameters(
  raw: Readonly<Record<string, unknown>>,
  where: string,
  problems: string[],
  extraKeys: readonly string[] = [],
): RequestParameters {
  const out: RequestParameters = {};
  const problem = (field: string, message: string) =>
    problems.push(`${where}.${field}: ${message}`);
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key) && !extraKeys.includes(key)) {
      problem(key, `unknown field; DH-831 request fields are ${KEYS.join(', ')}`);
    }
  }
  const text = (key: 'requestId' | 'customerId' | 'description') => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value === 'string') out[key] = value;
    else problem(key, `must be text, got ${JSON.stringify(value)}`);
  };
  text('requestId');
  text('customerId');
  text('description');
  const points = raw.accountingPoints;
  if (points !== undefined) {
    if (typeof points === 'number' && Number.isInteger(points) && points >= 0 && points <= 50) {
      out.accountingPoints = points;
    } else if (Array.isArray(points) && points.every((p) => typeof p === 'string')) {
      out.accountingPoints = points;
    } else {
      problem(
        'accountingPoints',
        `must be a count 0…50 of generated GSRNs or a list of ids as text, got ${JSON.stringify(points)}`,
      );
    }
  }
  for (const key of ['start', 'end', 'reminder'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && parseAt(value).kind !== 'invalid') out[key] = value;
    else problem(key, `must be ${WHEN}, got ${JSON.stringify(value)}`);
  }
  const reason = raw.reason;
  if (reason !== undefined) {
    if (AUTHORIZATION_REASONS.includes(reason as AuthorizationReason)) {
      out.reason = reason as AuthorizationReason;
    } else {
      problem(
        'reason',
        `must be one of ${AUTHORIZATION_REASONS.join(', ')}, got ${JSON.stringify(reason)}`,
      );
    }
  }
  const recipient = raw.recipient;
  if (recipient !== undefined) {
    if (typeof recipient === 'boolean') out.recipient = recipient;
    else if (isRecipientBlock(recipient)) out.recipient = recipient;
    else {
      problem(
        'recipient',
        `must be true, false or { name, email } (text), got ${JSON.stringify(recipient)}`,
      );
    }
  }
  const endDate = raw.requestEndDate;
  if (endDate !== undefined) {
    const isDate = typeof endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(endDate);
    const isDuration = typeof endDate === 'string' && parseAt(endDate).kind === 'duration';
    if (isDate || isDuration) out.requestEndDate = endDate as string;
    else {
      problem(
        'requestEndDate',
        `must be a date yyyy-MM-dd or an ISO 8601 duration from the send instant (e.g. P10D), got ${JSON.stringify(endDate)}`,
      );
    }
  }
  return out;
}

function isRecipientBlock(value: unknown): value is { name?: string; email?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, field]) => (key === 'name' || key === 'email') && typeof field === 'string',
  );
}

/** A `requestId` given in a stimulus's `with`, or undefined; wrong types are problems. */
export function optionalText(
  raw: Readonly<Record<string, unknown>>,
  key: string,
  where: string,
  problems: string[],
): string | undefined {
  const value = raw[key];
  if (value === undefined || typeof value === 'string') return value;
  problems.push(`${where}.${key}: must be text, got ${JSON.stringify(value)}`);
  return undefined;
}

/** Refuses fields of a stimulus's `with` other than `allowed`. */
export function onlyKeys(
  raw: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  where: string,
  problems: string[],
): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${where}.${key}: unknown field; allowed here: ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
      );
    }
  }
}
