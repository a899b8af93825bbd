// DH-831.DH.VALIDATE: the rules Datahub checks at receipt. Field rules come from
// @consent-sim/messages (one definition for the XML validator and the machine); the rules that
// depend on the receipt instant are here, in Helsinki calendar days (DH-START-WINDOW,
// DH-REMINDER, DH-END-DATE).
import {
  checkDatahubHeader,
  checkDh831Process,
  DATAHUB_ERRORS,
  type DatahubErrorId,
  type DatahubHeader,
  type Dh831Process,
  datahubInstant,
  type ValidationIssue,
} from '@consent-sim/messages';
import { DateTime } from 'luxon';
import { calendarDaysBetween, localDate } from '../time.ts';
import { DH831_DEADLINES, DH831_ZONE } from './catalogue.ts';

/** The instants a valid request runs on, all epoch ms. */
export interface RequestTimes {
  readonly receivedAt: number;
  readonly startAt: number;
  readonly reminderAt: number | null;
  /** Last instant the request is open: 23:59:59.999 Helsinki of the end date (DH-END-DATE). */
  readonly requestEndAt: number;
}

export interface RequestValidation {
  /** Distinct error ids in the order first found; empty when the request is valid. */
  readonly errorIds: readonly DatahubErrorId[];
  readonly issues: readonly ValidationIssue[];
  readonly times: RequestTimes;
}

const PROCESS_PATH = '/AuthorizationRequest/AuthorizationRequestProcess';

/** 23:59:59.999 in Helsinki of the local date `yyyy-MM-dd`. */
function endOfHelsinkiDay(date: string): number {
  return DateTime.fromISO(date, { zone: DH831_ZONE }).endOf('day').toMillis();
}

/**
 * Checks a DH-831 process element as Datahub does at `receivedAt`.
 *
 * @example
 * validateAuthorizationRequest(process, Date.parse('2026-03-01T12:00:00+02:00'), { duplicate: false })
 *   .errorIds // [] for a valid request, e.g. ['EC.AUTH.001'] for a start yesterday
 */
export function validateAuthorizationRequest(
  process: Dh831Process,
  receivedAt: number,
  options: { readonly duplicate: boolean; readonly header?: DatahubHeader },
): RequestValidation {
  // A header field left out is EC.AUTH.020 like a process field (the format's README).
  const issues: ValidationIssue[] = [
    ...(options.header === undefined
      ? []
      : checkDatahubHeader(options.header, '/AuthorizationRequest/Header')),
    ...checkDh831Process(process, PROCESS_PATH),
  ];
  const issue = (field: string, errorId: DatahubErrorId, value: string, detail: string) =>
    issues.push({
      path: `${PROCESS_PATH}/${field}`,
      rule: errorId,
      value,
      message: `consent-sim: ${PROCESS_PATH}/${field}: ${errorId} ${DATAHUB_ERRORS[errorId].en} ${detail}`,
    });
  if (options.duplicate) {
    issue('RequestId', 'EC.AUTH.040', process.requestId, 'Use a new request id.');
  }
  const today = localDate(receivedAt, DH831_ZONE);
  const startAt = datahubInstant(process.periodStart);
  if (startAt !== null) {
    // DH-START-WINDOW: compare Helsinki calendar dates; day 90 allowed, day 91 refused.
    const days = calendarDaysBetween(receivedAt, startAt, DH831_ZONE);
    if (days < 0) {
      issue(
        'AuthorizationPeriod/Start',
        'EC.AUTH.001',
        process.periodStart,
        `Today is ${today} in Helsinki.`,
      );
    } else if (days > DH831_DEADLINES.startWindow.days) {
      issue(
        'AuthorizationPeriod/Start',
        'EC.AUTH.002',
        process.periodStart,
        `It is ${days} calendar days after ${today}; at most 90 are allowed.`,
      );
    }
  }
  // DH-END-DATE: absent → receipt + 30 calendar days, end of that Helsinki day.
  const defaultEnd = DateTime.fromMillis(receivedAt, { zone: DH831_ZONE })
    .plus({ days: DH831_DEADLINES.requestEnd.defaultDays })
    .toISODate();
  const endDate = process.requestEndDate ?? defaultEnd ?? today;
  const requestEndAt = endOfHelsinkiDay(endDate);
  if (process.requestEndDate !== undefined && Number.isFinite(requestEndAt) && endDate < today) {
    issue('RequestEndDate', 'EC.AUTH.016', endDate, `Today is ${today} in Helsinki.`);
  }
  const reminderAt =
    process.reminderTime === undefined ? null : datahubInstant(process.reminderTime);
  if (reminderAt !== null && process.reminderTime !== undefined) {
    // DH-REMINDER: refused (not ignored) when not strictly between receipt and the end.
    if (reminderAt <= receivedAt) {
      issue('ReminderTime', 'EC.AUTH.014', process.reminderTime, 'It is not after the receipt.');
    } else if (reminderAt >= requestEndAt) {
      issue('ReminderTime', 'EC.AUTH.014', process.reminderTime, `The request ends on ${endDate}.`);
    }
  }
  const errorIds = [...new Set(issues.map((i) => i.rule as DatahubErrorId))];
  return {
    errorIds,
    issues,
    times: { receivedAt, startAt: startAt ?? receivedAt, reminderAt, requestEndAt },
  };
}
