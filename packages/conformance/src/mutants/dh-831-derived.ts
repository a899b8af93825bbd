/**
 * DH-831 roles that decide as the reference does but do not take a field from where the
 * documents say (processes/dh-831/derivations.ts): a seller that moves the requested start, a
 * Datahub whose ACK copies only part of the process element or grants what the customer
 * removed, a customer app that loses the decision's details. Each is killed by a `derived` FAIL.
 */
import { dh831 } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import { type OutboxRewrite, restampXml } from './stamps.ts';
import type { Mutant } from './types.ts';

const MACHINES: Record<'datahub' | 'seller' | 'customer', () => AnyStateMachine> = {
  datahub: () => dh831.datahubMachine,
  seller: () => dh831.sellerMachine,
  customer: () => dh831.customerMachine,
};

const mutant = (
  role: 'datahub' | 'seller' | 'customer',
  id: string,
  wrong: string,
  documents: OutboxRewrite,
  focus: readonly string[],
): Mutant => ({
  id: `dh-831/${id}`,
  process: 'dh-831',
  role,
  wrong,
  machine: MACHINES[role],
  documents,
  focus,
});

const ofType =
  (type: string, rewrite: (xml: string) => string): OutboxRewrite =>
  (item) =>
    item.document !== null && item.messageCode === type
      ? { ...item, document: rewrite(item.document) }
      : item;

/** One day later, the offset kept. */
const dayLater = (value: string) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(value)?.[1] ?? 'Z';
  const sign = offset === 'Z' ? 0 : offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6) || 0));
  return `${new Date(ms + 86_400_000 + minutes * 60_000).toISOString().slice(0, 23)}${offset === 'Z' ? 'Z' : offset}`;
};

/** Rewrites the content (and the JSON document) of the customer's decision. */
const decision =
  (rewrite: (content: Record<string, unknown>) => Record<string, unknown>): OutboxRewrite =>
  (item) => {
    if (item.messageCode !== 'AS-DECISION' || item.content == null) return item;
    const content = rewrite(item.content);
    return { ...item, content, document: JSON.stringify(content, null, 2) };
  };

/** AUTHORIZATION_END with `reason: "other"` whatever the seller was asked to give. */
const endReasonOther: OutboxRewrite = (item) => {
  if (item.messageCode !== 'AUTHORIZATION_END' || item.content == null) return item;
  const content = { ...item.content, reason: 'other' };
  return { ...item, content, document: JSON.stringify(content, null, 2) };
};

/** The notification and reminder e-mails sent to one fixed mailbox, not the request's recipient. */
const emailToOneMailbox: OutboxRewrite = (item) => {
  if (item.messageCode !== 'EMAIL' || item.content == null) return item;
  const address = 'notifications@seller.example';
  return {
    ...item,
    content: { ...item.content, recipientEmail: address },
    document: item.document?.replace(/^To: .*$/m, `To: ${address}`) ?? null,
  };
};

export const DH_831_DERIVED_MUTANTS: readonly Mutant[] = [
  mutant(
    'datahub',
    'email-to-one-mailbox',
    "the Datahub e-mails every notification to one fixed mailbox, not the request's recipient (DH-831.DH.NOTIFY_EMAIL)",
    emailToOneMailbox,
    ['approved'],
  ),
  mutant(
    'seller',
    'seller-end-reason-other',
    'the seller ends an authorization for wrong accounting points but sends reason "other" (DH-CANCEL: AUTHORIZATION_END carries the reason it was asked to give)',
    endReasonOther,
    ['wrong-accounting-points'],
  ),
  mutant(
    'seller',
    'seller-start-next-day',
    'the seller sends the authorization start one day after the start time it was asked for (DH-831.SELLER.SEND: exactly the values of the request)',
    ofType('DH-831', (xml) => restampXml(xml, 'Start', dayLater)),
    ['approved'],
  ),
  mutant(
    'seller',
    'seller-drops-reminder',
    'the seller leaves the reminder time it was asked for out of its DH-831 (DH-831.SELLER.SEND)',
    ofType('DH-831', (xml) =>
      xml.replace(/\s*<([\w.-]+:)?ReminderTime>[^<]*<\/([\w.-]+:)?ReminderTime>/, ''),
    ),
    ['reminder-sent'],
  ),
  mutant(
    'datahub',
    'ack-copy-without-description',
    "the Datahub's ACK copies the request's process element without its Description (the ACK copies the process element of the original message)",
    ofType('ACK', (xml) =>
      xml.replace(/\s*<([\w.-]+:)?Description>[^<]*<\/([\w.-]+:)?Description>/, ''),
    ),
    ['approved'],
  ),
  mutant(
    'datahub',
    'ack-copy-own-request-id',
    "the Datahub's ACK copies the process element under a RequestId of its own (its storage key), not the seller's",
    ofType('ACK', (xml) => restampXml(xml, 'RequestId', (v) => `DH-${v}`)),
    ['approved'],
  ),
  mutant(
    'customer',
    'decision-keeps-removed-points',
    "the customer's decision does not list the accounting points the customer removed (DH-PARTIAL)",
    decision((c) => ({ ...c, removedAccountingPoints: [] })),
    ['approved-partially'],
  ),
  mutant(
    'customer',
    'decision-always-approve',
    "the customer's app sends 'approve' whatever the customer decided (AS-DECISION)",
    decision((c) => ({ ...c, decision: 'approve' })),
    ['rejected-by-customer'],
  ),
];
