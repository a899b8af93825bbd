/**
 * How DH-831 is judged: a positive ACK where a negative one is due (or the reverse) is a FAIL
 * (DH-831.DH.ACK_POSITIVE / ACK_NEGATIVE), another error id a WARNING (DH-ERROR-IDS); "today"
 * is the Helsinki date (DH-START-WINDOW); a seller's request may break business rules on
 * purpose, for the Datahub to refuse.
 */
import { dh831 } from '@consent-sim/core';
import type { JudgingPolicy } from '../../process/policy.ts';
import { DH_831_DERIVATIONS } from './derivations.ts';
import { readDatahubCodes, readDatahubFacts } from './documents.ts';
import { dh831Instants } from './instants.ts';

export const dh831Policy: JudgingPolicy = {
  readCodes: (_channel, xml) => readDatahubCodes(xml),
  readFacts: readDatahubFacts,
  openUnder: () => null,
  codeVerdict(want, got) {
    if ((want.responseCodes.length === 0) !== (got.responseCodes.length === 0)) {
      return {
        verdict: 'FAIL',
        key: null,
        why:
          want.responseCodes.length === 0
            ? 'negative where positive is due'
            : 'positive where negative is due',
      };
    }
    return { verdict: 'WARNING', key: 'DH-ERROR-IDS', why: 'other error id' };
  },
  omittedKey: null,
  isKey: (cover) => /^DH-[A-Z0-9-]+$/.test(cover),
  stepIn: (text) => /\b(DH-8\d\d\.[A-Z_.]+)\b/.exec(text)?.[1] ?? null,
  canonicalStep: (step) => ({ id: step, alias: null }),
  laneOf: (step) => dh831.catalogue.steps.find((s) => s.id === step)?.lane ?? null,
  stateKeepers: ['datahub'],
  receiverJudgesBusinessRules: { seller: 'Datahub' },
  instants: dh831Instants,
  derivations: DH_831_DERIVATIONS,
};
