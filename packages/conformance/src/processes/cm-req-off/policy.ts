/**
 * How CM_REQ_OFF is judged: the codes the page fixes (175 on exactly the activation, no
 * positive code on a rejection), calendar days in Vienna (OFF-DAYS), step ids and their aliases
 * (OFF-STEP-IDS), and what an ANTWORT_CCMC may name (OFF-LATE-OBJECTION).
 */
import { cmReqOff } from '@consent-sim/core';
import type { JudgingPolicy } from '../../process/policy.ts';
import { CM_REQ_OFF_DERIVATIONS } from './derivations.ts';
import { readEdaCodes, readEdaFacts } from './documents.ts';
import { cmReqOffInstants } from './instants.ts';
import { cmReqOffQrPayload } from './qr-payload.ts';

/** The only ResponseCode the CM_REQ_OFF page names: 175 "Zustimmung erteilt" (OFF-ANSWER-CODES). */
const GRANTED = '175';
/** Codes that confirm rather than refuse (99 received, 175 granted): never on a rejection. */
const POSITIVE = new Set(['99', GRANTED]);

export const cmReqOffPolicy: JudgingPolicy = {
  readCodes: (_channel, xml) => readEdaCodes(xml),
  readFacts: readEdaFacts,
  // An ANTWORT_CCMC answers a CMRevoke, which carries no CMRequestId: which CMRequestId and
  // ConversationId it names is open; the reference names its own request's.
  openUnder: (e) => (e.messageCode === 'ANTWORT_CCMC' ? 'OFF-LATE-OBJECTION' : null),
  // 175 on exactly the activation (the page names it); a rejection "mit negativem
  // ResponseCode"; any other code the documents leave open (OFF-RESPONSE-CODES, -ANSWER-CODES).
  codeVerdict(want, got) {
    if (want.responseCodes.includes(GRANTED) !== got.responseCodes.includes(GRANTED)) {
      return {
        verdict: 'FAIL',
        key: 'OFF-ANSWER-CODES',
        why: want.responseCodes.includes(GRANTED)
          ? '175 missing'
          : '175 where consent is not granted',
      };
    }
    if (want.messageCode === 'ABLEHNUNG_CMQF' && got.responseCodes.some((c) => POSITIVE.has(c))) {
      return { verdict: 'FAIL', key: 'OFF-RESPONSE-CODES', why: 'positive code on a rejection' };
    }
    const key = want.messageCode === 'ANTWORT_CMQF' ? 'OFF-ANSWER-CODES' : 'OFF-RESPONSE-CODES';
    return { verdict: 'WARNING', key, why: 'other code' };
  },
  omittedKey: 'OFF-ANSWER-CODES',
  isKey: (cover) => /^OFF-[A-Z0-9-]+$/.test(cover),
  stepIn: (text) => /\b(CM_REQ_OFF_[A-Z]+_\d+)\b/.exec(text)?.[1] ?? null,
  canonicalStep(step) {
    const match = cmReqOff.stepById(step);
    if (match === undefined || match.matched.as === 'canonical') return { id: step, alias: null };
    return { id: match.step.id, alias: { as: step, key: 'OFF-STEP-IDS' } };
  },
  laneOf: (step) => cmReqOff.stepById(step)?.step.lane ?? null,
  stateKeepers: ['vnb'],
  receiverJudgesBusinessRules: {},
  instants: cmReqOffInstants,
  derivations: CM_REQ_OFF_DERIVATIONS,
  mailRules: cmReqOffQrPayload,
};
