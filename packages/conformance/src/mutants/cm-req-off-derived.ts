/**
 * CM_REQ_OFF roles that decide as the reference does but do not take a field from where the
 * documents say (processes/cm-req-off/derivations.ts): each a writer a team could build — an
 * SP that fills the request from its own defaults, a DSO that keeps its own conversation, a
 * customer app that drops what it thinks optional. Each is killed by a `derived` FAIL.
 */
import { cmReqOff } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import { type OutboxRewrite, restampXml } from './stamps.ts';
import type { Mutant } from './types.ts';

const MACHINES: Record<'vnb' | 'sp' | 'customer', () => AnyStateMachine> = {
  vnb: () => cmReqOff.vnbMachine,
  sp: () => cmReqOff.serviceProviderMachine,
  customer: () => cmReqOff.cmReqOffCustomerMachine,
};

const mutant = (
  role: 'vnb' | 'sp' | 'customer',
  id: string,
  wrong: string,
  documents: OutboxRewrite,
  focus: readonly string[],
): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role,
  wrong,
  machine: MACHINES[role],
  documents,
  focus,
});

/** Rewrites one element of the EDA documents with `code`, whatever its prefix. */
const inDocuments =
  (codes: readonly string[], name: string, value: (written: string) => string): OutboxRewrite =>
  (item) =>
    item.document !== null && item.messageCode !== null && codes.includes(item.messageCode)
      ? { ...item, document: restampXml(item.document, name, value) }
      : item;

/** Leaves out one element of the EDA documents with `code`. */
const withoutElement =
  (codes: readonly string[], name: string): OutboxRewrite =>
  (item) =>
    item.document !== null && item.messageCode !== null && codes.includes(item.messageCode)
      ? {
          ...item,
          document: item.document.replace(
            new RegExp(`\\s*<([\\w.-]+:)?${name}>[^<]*</([\\w.-]+:)?${name}>`, 'g'),
            '',
          ),
        }
      : item;

const nextDay = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : new Date(ms + 86_400_000).toISOString().slice(0, 10);
};

/** Rewrites the `topic.application` of a customer's call or e-mail. */
const application =
  (rewrite: (app: Record<string, unknown>) => Record<string, unknown>): OutboxRewrite =>
  (item) => {
    const topic = item.content?.topic as { application?: Record<string, unknown> } | undefined;
    if (item.content == null || topic?.application === undefined) return item;
    return {
      ...item,
      content: { ...item.content, topic: { ...topic, application: rewrite(topic.application) } },
    };
  };

export const CM_REQ_OFF_DERIVED_MUTANTS: readonly Mutant[] = [
  mutant(
    'sp',
    'sp-own-date-to',
    "the SP writes its own DateTo (the day after the QR template's) into ANFORDERUNG_CMQF instead of copying the template's CMRequest body (SP_04, OFF-QR-PAYLOAD)",
    inDocuments(['ANFORDERUNG_CMQF'], 'DateTo', nextDay),
    ['happy-path'],
  ),
  mutant(
    'sp',
    'sp-drops-metering-intervall',
    "the SP leaves the QR template's MeteringIntervall out of its ANFORDERUNG_CMQF (the schema allows it; the template has it: OFF-QR-PAYLOAD)",
    withoutElement(['ANFORDERUNG_CMQF'], 'MeteringIntervall'),
    ['happy-path'],
  ),
  mutant(
    'vnb',
    'dso-own-conversation-id',
    "the DSO answers in a ConversationId of its own, not the request's (OFF-ANSWER-CODES)",
    inDocuments(['ANTWORT_CMQF', 'ABLEHNUNG_CMQF'], 'ConversationId', (v) => `${v.slice(0, 30)}X`),
    ['happy-path'],
  ),
  mutant(
    'vnb',
    'dso-qr-date-to-exclusive',
    'the DSO writes the day after the applied DateTo into its QR templates (an exclusive end), not the DateTo the customer applied for (VNB_02, OFF-QR-PAYLOAD)',
    (item) => {
      const payload = item.content?.qrPayload;
      if (typeof payload !== 'string' || item.content == null) return item;
      return {
        ...item,
        content: { ...item.content, qrPayload: restampXml(payload, 'DateTo', nextDay) },
      };
    },
    ['happy-path'],
  ),
  mutant(
    'customer',
    'customer-application-without-date-to',
    "the customer's application leaves out the DateTo the customer asked for (BP_01)",
    application((app) => {
      const request = { ...(app.request as Record<string, unknown>) };
      delete request.dateTo;
      return { ...app, request };
    }),
    ['happy-path'],
  ),
  mutant(
    'customer',
    'customer-application-first-point-only',
    "the customer's application names only the first of the metering points the customer asked for (BP_01)",
    application((app) => ({
      ...app,
      meteringPoints: (app.meteringPoints as unknown[]).slice(0, 1),
    })),
    ['1918582cc7f7'],
  ),
];
