/**
 * The result of handing one document to a reference party, shared by the DSO and Datahub and
 * sent as the JSON body of the HTTP answer: accepted, invalid (schema or field rules; the party
 * may still answer it, as the reference does), refused at the door (hostile or not XML, the
 * messages package's guard), or a message type the party does not take.
 */
import type { ValidationIssue } from '@consent-sim/messages';
import type { OutboxMessage } from './outbox.ts';

/** An issue as the HTTP answer shows it: element path, rule, offending value, explanation. */
export interface DeliveryIssue {
  readonly path: string;
  readonly rule: string;
  readonly value?: string;
  readonly message: string;
}

export type DeliveryResult =
  | {
      readonly status: 'accepted';
      readonly messageCode: string;
      readonly messageId: string;
      /** What the party sent in reaction, at once (later answers wait in the outbox). */
      readonly answers: readonly OutboxMessage[];
    }
  | {
      readonly status: 'invalid';
      readonly messageCode?: string;
      readonly issues: readonly DeliveryIssue[];
      readonly answers: readonly OutboxMessage[];
    }
  | { readonly status: 'refused'; readonly issues: readonly DeliveryIssue[] }
  | { readonly status: 'unsupported'; readonly messageCode: string; readonly message: string };

export const toDeliveryIssues = (issues: readonly ValidationIssue[]): DeliveryIssue[] =>
  issues.map((i) => ({
    path: i.path,
    rule: i.rule,
    ...(i.value === undefined ? {} : { value: i.value }),
    message: i.message,
  }));

/** The guard of @consent-sim/messages reports refused input with the rule `xml <code>`. */
export const refusedByGuard = (issues: readonly ValidationIssue[]): boolean =>
  issues.some((i) => i.path === '/' && i.rule.startsWith('xml '));

/** The HTTP status of a delivery: 202, 400 for invalid or refused, 422 for unsupported. */
export function httpStatus(result: DeliveryResult): number {
  switch (result.status) {
    case 'accepted':
      return 202;
    case 'invalid':
    case 'refused':
      return 400;
    case 'unsupported':
      return 422;
  }
}
