// Field rules of the reference's Datahub documents that do not depend on the receipt instant.
// Rules that do (start window, reminder in the past or after the end date, end date in the
// past) are checked by the DH-831 Datahub machine in @consent-sim/core at receipt.
// Each issue's `rule` is the error id of DATAHUB_ERRORS (interpretation key DH-ERROR-IDS).
import type { ValidationIssue } from '../eda/types.ts';
import { checkFinnishBusinessId, checkFinnishPersonalId, checkGsrn } from '../ids/index.ts';
import { DATAHUB_ERRORS, type DatahubErrorId } from './errors.ts';
import {
  AUTHORIZATION_REASONS,
  type AuthorizationReason,
  type DatahubHeader,
  type Dh831Process,
  type Dh851Process,
} from './types.ts';
import { datahubInstant, isCalendarDate, isEmailAddress } from './values.ts';

/** The description shown to the customer has at most 150 characters (digest). */
export const DESCRIPTION_MAX_LENGTH = 150;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Issue whose `rule` is an error id; the message says what is wrong and what to do. */
export function datahubIssue(
  path: string,
  errorId: DatahubErrorId,
  value: string | undefined,
  detail: string,
): ValidationIssue {
  const message = `consent-sim: ${path}: ${errorId} ${DATAHUB_ERRORS[errorId].en} ${detail}`;
  return value === undefined
    ? { path, rule: errorId, message }
    : { path, rule: errorId, value, message };
}

const missing = (path: string): ValidationIssue =>
  datahubIssue(path, 'EC.AUTH.020', undefined, 'Add the element; it is required.');

/**
 * Checks a customer id: a henkilötunnus or a Y-tunnus with correct check character.
 *
 * @example isValidCustomerId('2345678-5') // depends on the check digit
 */
export function isValidCustomerId(customerId: string): boolean {
  return checkFinnishPersonalId(customerId).valid || checkFinnishBusinessId(customerId).valid;
}

/**
 * The time-independent rules of a DH-831 process element, in document order.
 *
 * @example checkDh831Process({ ...process, description: 'x'.repeat(151) }, 'P')[0]?.rule // 'EC.AUTH.012'
 */
export function checkDh831Process(process: Dh831Process, base: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (name: string) => `${base}/${name}`;
  if (process.requestId === '') issues.push(missing(at('RequestId')));
  else if (!REQUEST_ID.test(process.requestId)) {
    issues.push(
      datahubIssue(
        at('RequestId'),
        'EC.MSG.003',
        process.requestId,
        'Use 1–64 of A–Z a–z 0–9 . _ : -.',
      ),
    );
  }
  if (process.customerId === '') issues.push(missing(at('CustomerId')));
  else if (!isValidCustomerId(process.customerId)) {
    const personal = checkFinnishPersonalId(process.customerId).problems;
    const business = checkFinnishBusinessId(process.customerId).problems;
    issues.push(
      datahubIssue(
        at('CustomerId'),
        'EC.AUTH.010',
        process.customerId,
        `As henkilötunnus: ${personal.join('; ')}. As Y-tunnus: ${business.join('; ')}.`,
      ),
    );
  }
  issues.push(...checkPeriod(process, at('AuthorizationPeriod')));
  if ((process.reason as string) === '') issues.push(missing(at('Reason')));
  else if (!AUTHORIZATION_REASONS.includes(process.reason as AuthorizationReason)) {
    issues.push(
      datahubIssue(
        at('Reason'),
        'EC.AUTH.015',
        process.reason,
        `Use one of ${AUTHORIZATION_REASONS.join(', ')}.`,
      ),
    );
  }
  const length = process.description === undefined ? 0 : Array.from(process.description).length;
  if (length > DESCRIPTION_MAX_LENGTH) {
    issues.push(
      datahubIssue(
        at('Description'),
        'EC.AUTH.012',
        process.description,
        `It has ${length}; shorten it to 150.`,
      ),
    );
  }
  process.accountingPoints.forEach((point, index) => {
    const check = checkGsrn(point);
    if (!check.valid) {
      issues.push(
        datahubIssue(
          at(`AccountingPoint[${index + 1}]`),
          'EC.AUTH.011',
          point,
          `${check.problems.join('; ')}.`,
        ),
      );
    }
  });
  issues.push(...checkRecipientAndReminder(process, base));
  if (process.requestEndDate !== undefined && !isCalendarDate(process.requestEndDate)) {
    issues.push(
      datahubIssue(
        at('RequestEndDate'),
        'EC.MSG.003',
        process.requestEndDate,
        'Write a date as yyyy-MM-dd.',
      ),
    );
  }
  return issues;
}

function checkPeriod(process: Dh831Process, path: string): ValidationIssue[] {
  if (process.periodStart === '') return [missing(`${path}/Start`)];
  const start = datahubInstant(process.periodStart);
  if (start === null) {
    return [datahubIssue(`${path}/Start`, 'EC.MSG.003', process.periodStart, isoHint)];
  }
  if (process.periodEnd === undefined) return [];
  const end = datahubInstant(process.periodEnd);
  if (end === null) return [datahubIssue(`${path}/End`, 'EC.MSG.003', process.periodEnd, isoHint)];
  return end > start
    ? []
    : [
        datahubIssue(
          `${path}/End`,
          'EC.AUTH.003',
          process.periodEnd,
          'Give an end after the start.',
        ),
      ];
}

const isoHint = 'Write ISO 8601 with an offset, e.g. 2026-03-01T00:00:00+02:00.';

// DH-REMINDER: a reminder without a complete recipient is refused, not ignored.
function checkRecipientAndReminder(process: Dh831Process, base: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const recipient = process.recipient;
  const name = recipient?.name ?? '';
  const email = recipient?.email ?? '';
  const complete = name.trim() !== '' && isEmailAddress(email);
  if (recipient !== undefined && !complete) {
    const lacking = [
      name.trim() === '' ? 'a name' : null,
      isEmailAddress(email) ? null : 'a valid e-mail address',
    ]
      .filter((part) => part !== null)
      .join(' and ');
    issues.push(
      datahubIssue(
        `${base}/Recipient`,
        'EC.AUTH.013',
        `${name} <${email}>`,
        `It lacks ${lacking}.`,
      ),
    );
  }
  if (process.reminderTime === undefined) return issues;
  if (datahubInstant(process.reminderTime) === null) {
    issues.push(datahubIssue(`${base}/ReminderTime`, 'EC.MSG.003', process.reminderTime, isoHint));
  } else if (!complete) {
    issues.push(
      datahubIssue(
        `${base}/ReminderTime`,
        'EC.AUTH.014',
        process.reminderTime,
        'A reminder needs a recipient with name and e-mail; add one or drop the reminder.',
      ),
    );
  }
  return issues;
}

/** Required header fields and the creation time format. */
export function checkDatahubHeader(header: DatahubHeader, base: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of [
    ['MessageId', header.messageId],
    ['MessageType', header.messageType as string],
    ['SenderPartyId', header.senderPartyId],
    ['ReceiverPartyId', header.receiverPartyId],
    ['Created', header.created],
  ] as const) {
    if (value === '') issues.push(missing(`${base}/${name}`));
  }
  if (header.created !== '' && datahubInstant(header.created) === null) {
    issues.push(datahubIssue(`${base}/Created`, 'EC.MSG.003', header.created, isoHint));
  }
  return issues;
}

/** A DH-851 process element names the request to cancel. */
export function checkDh851Process(process: Dh851Process, base: string): ValidationIssue[] {
  return process.requestId === '' ? [missing(`${base}/RequestId`)] : [];
}
