/**
 * Coverage of CM_REQ_OFF from a trace. How each item is recognised (docs/test-vectors.md,
 * "Coverage"):
 * - steps: `step` events, read through `stepById` so an alias counts for its canonical step
 *   (`OFF-STEP-IDS`).
 * - gateway branches: the first branch target the same party performs after the gateway step;
 *   the negative branches of VNB_06 all lead back to VNB_04, so they are told apart by the
 *   ResponseCode of the DSO's ABLEHNUNG_CMQF (`OFF-RESPONSE-CODES`); 76 is `schema` when the
 *   request the DSO answered was damaged by a `corrupt` fault, else `sender`.
 * - message and response codes: what a party sends (`send` events).
 * - deadlines: the instant a ConsentRequest / an objection reaches the DSO against the deadline
 *   computed with the core's arithmetic (`OFF-DAYS`, `OFF-DEADLINE-BOUNDARY`).
 */
import { cmReqOff } from '@consent-sim/core';
import { validateEdaXml } from '@consent-sim/messages';
import type { TraceEvent } from '@consent-sim/sim';
import {
  emptyObserved,
  envelopeOf,
  nextStepAmong,
  type Observed,
  type ProcessCoverageModel,
} from './observed.ts';

const VNB_06 = 'CM_REQ_OFF_VNB_06';
const REJECTION = 'ABLEHNUNG_CMQF';

/** Deadline sides: in time (≤ deadline), exactly at it (the inclusive boundary), late. */
const DEADLINE_SIDES = ['inTime', 'atDeadline', 'late'] as const;

function deadlineSide(at: number, deadline: number, observed: Observed, key: string): void {
  const inTime = cmReqOff.isInTime(at, deadline);
  observed.deadlines.add(`${key}.${inTime ? 'inTime' : 'late'}`);
  if (at === deadline) observed.deadlines.add(`${key}.atDeadline`);
}

/** Envelopes a `corrupt` fault damaged (their receiver got `receive.invalid`). */
function corruptedEnvelopes(events: readonly TraceEvent[]): Set<string> {
  const damaged = new Set<string>();
  for (const event of events) {
    const envelope = envelopeOf(event);
    if (event.kind === 'fault' && envelope !== null) {
      const fault = (event.detail as { fault?: unknown }).fault;
      if (fault === 'corrupt') damaged.add(envelope);
    }
  }
  return damaged;
}

function observeVnb06(events: readonly TraceEvent[], index: number, observed: Observed): void {
  const gateway = cmReqOff.CM_REQ_OFF_GATEWAYS.find((g) => g.gateway === VNB_06);
  if (gateway === undefined) return;
  const damaged = corruptedEnvelopes(events);
  // A document that breaks the schema (the negative suite's, coverage source `conform`).
  const invalid = (envelope: string) => {
    const sent = events.find((e) => e.kind === 'send' && envelopeOf(e) === envelope);
    return typeof sent?.document === 'string' && validateEdaXml(sent.document).issues.length > 0;
  };
  // The request being decided: the last one delivered to the DSO before the gateway step.
  let request: TraceEvent | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const event = events[i] as TraceEvent;
    if (event.kind === 'deliver' && event.to === 'vnb' && event.channel === 'eda') {
      request = event;
      break;
    }
  }
  for (let i = index + 1; i < events.length; i++) {
    const event = events[i] as TraceEvent;
    if (event.party !== 'vnb') continue;
    if (event.kind === 'step' && event.step === VNB_06) return;
    if (event.kind === 'step' && event.step === 'CM_REQ_OFF_VNB_07') {
      observed.gateways.add('VNB_06.yes');
      return;
    }
    if (event.kind === 'send' && event.messageCode === REJECTION) {
      const code = Number(event.responseCodes[0]);
      const envelope = request === undefined ? null : envelopeOf(request);
      const schema = envelope !== null && (damaged.has(envelope) || invalid(envelope));
      const branch = gateway.branches.find(
        (b) =>
          b.responseCode === code &&
          (code !== 76 || (schema ? b.id.endsWith('.schema') : b.id.endsWith('.sender'))),
      );
      if (branch !== undefined) observed.gateways.add(branch.id);
      return;
    }
  }
}

function observe(events: readonly TraceEvent[]): Observed {
  const observed = emptyObserved();
  let lastIssue: number | null = null;
  let lastReceipt: number | null = null;
  let validReceipt: number | null = null;
  events.forEach((event, index) => {
    if (event.kind === 'step' && event.step !== null) {
      const match = cmReqOff.stepById(event.step);
      if (match !== undefined) observed.steps.add(match.step.id);
      switch (match?.step.id) {
        case 'CM_REQ_OFF_VNB_02':
          lastIssue = event.atMs;
          break;
        case 'CM_REQ_OFF_VNB_05':
          lastReceipt = event.atMs;
          break;
        case 'CM_REQ_OFF_VNB_07':
          // The objection window runs from the receipt of the request that passed VNB_06.
          validReceipt = lastReceipt;
          break;
        case VNB_06:
          observeVnb06(events, index, observed);
          break;
        default:
          break;
      }
      for (const gateway of cmReqOff.CM_REQ_OFF_GATEWAYS) {
        if (gateway.gateway !== event.step || gateway.gateway === VNB_06) continue;
        const targets = gateway.branches.map((b) => b.to);
        const next = nextStepAmong(events, index, event.party, targets, gateway.gateway);
        const branch = gateway.branches.find((b) => b.to === next?.step);
        if (branch !== undefined) observed.gateways.add(branch.id);
      }
    }
    if (event.kind === 'send') {
      if (event.messageCode !== null) observed.messageCodes.add(event.messageCode);
      for (const code of event.responseCodes) observed.responseCodes.add(code);
    }
    if (event.kind === 'deliver' && event.to === 'vnb') {
      if (event.messageCode === 'ANFORDERUNG_CMQF' && lastIssue !== null) {
        deadlineSide(event.atMs, cmReqOff.redemptionDeadline(lastIssue), observed, 'redemption');
      }
      const objection = event.step === 'CM_REQ_OFF_BP_07' || event.step === 'CM_REQ_OFF_BP_08';
      if (objection && validReceipt !== null) {
        deadlineSide(event.atMs, cmReqOff.objectionDeadline(validReceipt), observed, 'objection');
      }
    }
  });
  return observed;
}

const UNUSED_CODE =
  'the reference never sends it in CM_REQ_OFF: OFF-RESPONSE-CODES maps every rejection to 56, 76, 177, 178, 179, 180 or 187 and OFF-ANSWER-CODES the answers to 99, 172, 175; the code is listed for other EDA processes';

/** CM_REQ_OFF: catalogue items, trace recognition, gaps by design. */
export const CM_REQ_OFF_COVERAGE: ProcessCoverageModel = {
  universe: {
    steps: cmReqOff.CM_REQ_OFF_STEPS.map((step) => ({
      id: step.id,
      aliases: step.aliases.map((alias) => alias.id),
    })),
    gateways: cmReqOff.CM_REQ_OFF_GATEWAYS.flatMap((g) => g.branches.map((b) => ({ id: b.id }))),
    messageCodes: cmReqOff.CM_REQ_OFF_MESSAGE_CODES.map((entry) => ({ id: entry.code })),
    responseCodes: cmReqOff.CM_RESPONSE_CODES.map((entry) => ({ id: String(entry.code) })),
    deadlines: Object.keys(cmReqOff.CM_REQ_OFF_DEADLINES).flatMap((key) =>
      DEADLINE_SIDES.map((side) => ({ id: `${key}.${side}` })),
    ),
  },
  observe,
  gaps: {
    ...Object.fromEntries(
      [57, 82, 86, 104, 181, 182, 184, 203].map((code) => [`responseCodes:${code}`, UNUSED_CODE]),
    ),
    'responseCodes:173':
      'OFF-CUSTOMER-DECLINES: a customer who keeps the QR code is not answered with 173; the DSO times out (VNB_17) and, not knowing the SP yet, sends no EDA message',
  },
};
