/**
 * Wrong CM_REQ_OFF service providers a team would build (issue 12, build 1): each asks the DSO
 * for data in a state where it holds no active consent (OFF-DATA-DELIVERY, SP_07). The generated
 * paths tempt the SP one hour after every receipt, rejection and revocation (model fragments,
 * `spTempted`); the reference SP sends nothing there, these send ANFORDERUNG_DATEN.
 */
import { cmReqOff } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import type { Mutant } from './types.ts';

type SpStatus = 'requested' | 'received' | 'granted' | 'rejected' | 'revoked';

/** An SP whose data guard lets these record states through (the reference: `granted` only). */
const asksWhen = (allowed: readonly SpStatus[]) => (): AnyStateMachine =>
  cmReqOff.serviceProviderMachine.provide({
    guards: {
      holdsActiveConsent: ({ context, event }) => {
        if (event.type !== 'stimulus.requestData') return false;
        const status = context.records[event.consentId]?.status;
        return status !== undefined && allowed.includes(status);
      },
    },
  });

const sp = (id: string, wrong: string, allowed: readonly SpStatus[], focus: string[]): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role: 'sp',
  wrong,
  machine: asksWhen(allowed),
  focus,
});

/** The catalogue of wrong SPs. */
export const CM_REQ_OFF_SP_MUTANTS: readonly Mutant[] = [
  sp(
    'sp-data-on-receipt',
    'the SP takes the receipt (ANTWORT_CMQF 99) for the grant and asks for data before the 175 (SP_05, OFF-DATA-DELIVERY)',
    ['requested', 'granted'],
    ['00fd9a332c17'],
  ),
  sp(
    'sp-data-after-rejection',
    'the SP ignores ABLEHNUNG_CMQF and asks for data on the rejected consent (SP_06, OFF-DATA-DELIVERY)',
    ['rejected', 'granted'],
    ['00fd9a332c17'],
  ),
  sp(
    'sp-data-after-revocation',
    'the SP answers AUFHEBUNG_CCMC with 176 but keeps asking for data on the revoked consent (OFF-LATE-OBJECTION, OFF-DATA-DELIVERY)',
    ['revoked', 'granted'],
    ['058dd95c9c0c'],
  ),
  sp(
    'sp-data-always',
    'the SP asks for data whenever it is asked to, whatever the consent (no guard at all)',
    ['requested', 'received', 'granted', 'rejected', 'revoked'],
    ['00fd9a332c17'],
  ),
];
