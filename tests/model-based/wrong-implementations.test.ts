// The generated suites can fail: each deliberately wrong role implementation (the real machine
// with one guard, delay or action swapped by `provide`, plugged in through the process wiring)
// makes at least one named generated path fail, while the real machines pass them all.
import { generatePaths, type ModelPath, PROCESSES } from '@consent-sim/conformance';
import {
  addCalendarDays,
  calendarDaysBetween,
  cmReqOff,
  dh831,
  HELSINKI,
  VIENNA,
} from '@consent-sim/core';
import { runScenario } from '@consent-sim/sim';
import { afterEach, describe, expect, it } from 'vitest';
import { type AnyStateMachine, assign, enqueueActions } from 'xstate';

const DAY_MS = 86_400_000;
const cmPaths = generatePaths(PROCESSES['cm-req-off']).paths;
const dhPaths = generatePaths(PROCESSES['dh-831']).paths;

const named = (paths: readonly ModelPath[], events: readonly string[]): ModelPath => {
  const path = paths.find((p) => p.events.join() === events.join());
  if (path === undefined) throw new Error(`consent-sim: no generated path ${events.join(' → ')}`);
  return path;
};

/** The wrong role machine the current test swapped in (`useDso`, `useDatahub`). */
let swapped: Record<string, AnyStateMachine> = {};

/**
 * Runs the generated paths that contain the named path's last event (the named path among them)
 * with the machine swapped in now; returns the ids of those that fail. The real machines pass
 * every generated path (cm-req-off.test.ts, dh-831.test.ts).
 */
function failing(paths: readonly ModelPath[], target: ModelPath): string[] {
  const key = target.events.at(-1) === 'NOTHING_MORE' ? target.events.at(-2) : target.events.at(-1);
  return paths
    .filter((path) => key !== undefined && path.events.includes(key))
    .filter(
      (path) => !runScenario(path.toScenario(), { processes: PROCESSES, machines: swapped }).passed,
    )
    .map((path) => path.id);
}

/** The wrong implementation swapped in now must fail the named path. */
function expectCaught(paths: readonly ModelPath[], events: readonly string[]): void {
  const target = named(paths, events);
  expect(failing(paths, target), `${target.title} [${target.id}]`).toContain(target.id);
}

afterEach(() => {
  swapped = {};
});

// ---- CM_REQ_OFF: wrong DSOs ----------------------------------------------------------------

const useDso = (vnb: typeof cmReqOff.vnbMachine) => {
  swapped = { vnb };
};

/** A DSO whose per-ConsentId machines are `consent` (core's `vnbWithConsentMachine` hook). */
const dsoWithConsents = (consent: typeof cmReqOff.vnbConsentMachine) =>
  cmReqOff.vnbWithConsentMachine(consent);

describe('wrong DSOs (CM_REQ_OFF) fail generated paths', { timeout: 60_000 }, () => {
  it('the replaced startConsents with the real consent machine passes the paths the wrong ones fail', () => {
    useDso(dsoWithConsents(cmReqOff.vnbConsentMachine));
    for (const events of [
      ['APPLY', 'HAND_OVER_REDEMPTION_DEADLINE_PLUS_1MS'],
      ['APPLY', 'HAND_OVER_DAY_6', 'OBJECT_OBJECTION_DEADLINE'],
    ]) {
      const path = named(cmPaths, events);
      expect(runScenario(path.toScenario(), { processes: PROCESSES }).passed, path.title).toBe(
        true,
      );
    }
  });

  it('a DSO counting the 30 days as 30 × 24 h (not calendar days, OFF-DAYS) fails "redeem 1 ms after the deadline"', () => {
    useDso(
      dsoWithConsents(
        cmReqOff.vnbConsentMachine.provide({
          delays: {
            redemptionTimeout: ({ context }) =>
              Math.max(0, context.issuedAt + 30 * DAY_MS + 1 - context.startedAt),
          },
        }),
      ),
    );
    expectCaught(cmPaths, ['APPLY', 'HAND_OVER_REDEMPTION_DEADLINE_PLUS_1MS']);
  });

  it('a DSO whose objection window is 4 days fails "object at the deadline"', () => {
    const fourDays = (receivedAt: number) => addCalendarDays(receivedAt, 4, VIENNA);
    useDso(
      dsoWithConsents(
        cmReqOff.vnbConsentMachine.provide({
          delays: {
            objectionTimeout: ({ context }) => {
              const receivedAt = context.redemption?.receivedAt ?? 0;
              return fourDays(receivedAt) + 1 - receivedAt;
            },
          },
          guards: {
            objectionInTime: ({ context, event }) =>
              event.type === 'objection' &&
              event.at <= fourDays(context.redemption?.receivedAt ?? 0),
          },
        }),
      ),
    );
    expectCaught(cmPaths, ['APPLY', 'HAND_OVER_DAY_6', 'OBJECT_OBJECTION_DEADLINE']);
  });

  it('a DSO that accepts a duplicate ConsentRequest (no 179) fails "resend the same document"', () => {
    useDso(
      cmReqOff.vnbMachine.provide({
        guards: {
          requestRejected: ({ context, event }) => {
            if (event.type === 'receive.invalid') return true;
            if (event.type !== 'receive.ANFORDERUNG_CMQF') return false;
            const code = cmReqOff.consentRequestRejection(context.registry, context, event.message);
            return code !== undefined && code !== 179;
          },
        },
      }),
    );
    expectCaught(cmPaths, [
      'APPLY',
      'HAND_OVER_DAY_6',
      'SEND_DUPLICATE',
      'OBJECTION_DEADLINE_PLUS_1MS',
      'NOTHING_MORE',
    ]);
  });

  it('a DSO that releases data with the receipt answer (objection window) fails "hand over day 6 → no objection"', () => {
    useDso(
      cmReqOff.vnbMachine.provide({
        actions: {
          relayReport: enqueueActions(({ context, event, enqueue }) => {
            if (event.type !== 'consent.report') return;
            const reported = event.event;
            if (reported.type === 'consent') {
              const record = context.registry.consents.get(reported.consentId);
              if (record) record.status = reported.status;
            }
            enqueue.emit(reported);
            // The wrong part: data leave with ANTWORT_CMQF 99, before VNB_16 (175).
            if (
              reported.type === 'send' &&
              reported.channel === 'eda' &&
              reported.message.messageCode === 'ANTWORT_CMQF' &&
              reported.message.responseCodes.includes(99)
            ) {
              enqueue.emit({
                type: 'data',
                consentId: reported.message.consentId ?? '',
                meteringPoint: reported.message.meteringPoint ?? '',
                kind: 'on-request',
              });
            }
          }),
        },
      }),
    );
    expectCaught(cmPaths, [
      'APPLY',
      'HAND_OVER_DAY_6',
      'OBJECTION_DEADLINE_PLUS_1MS',
      'NOTHING_MORE',
    ]);
  });

  it('a DSO answering 177 instead of 180 for an expired ConsentId fails "hand over day 40"', () => {
    useDso(
      cmReqOff.vnbMachine.provide({
        actions: {
          rejectRequest: enqueueActions(({ context, event, enqueue }) => {
            if (event.type !== 'receive.ANFORDERUNG_CMQF') return;
            const request = event.message;
            const code = cmReqOff.consentRequestRejection(context.registry, context, request);
            if (code === undefined) return;
            context.registry.seenMessageIds.add(request.messageId);
            context.registry.seenCmRequestIds.add(request.cmRequestId);
            enqueue.emit({
              type: 'send',
              channel: 'eda',
              to: request.senderAddress,
              message: {
                messageCode: 'ABLEHNUNG_CMQF',
                conversationId: request.conversationId,
                cmRequestId: request.cmRequestId,
                ...(request.consentId === undefined ? {} : { consentId: request.consentId }),
                ...(request.meteringPoint === undefined
                  ? {}
                  : { meteringPoint: request.meteringPoint }),
                // The wrong part: an expired ConsentId is answered as unknown.
                responseCodes: [code === 180 ? 177 : code],
              },
            });
          }),
        },
      }),
    );
    expectCaught(cmPaths, ['APPLY', 'REDEMPTION_DEADLINE_PLUS_1MS', 'HAND_OVER_DAY_40']);
  });
});

// ---- DH-831: wrong Datahubs ------------------------------------------------------------------

const request = dh831.authorizationRequestMachine;
const useDatahub = (datahub: AnyStateMachine) => {
  swapped = { datahub };
};
/** A wrong machine from the mutant catalogue of `sim mutants`. */
const mutantMachine = (id: string): AnyStateMachine => {
  const mutant = PROCESSES['dh-831'].mutants.find((candidate) => candidate.id === id);
  if (mutant === undefined) throw new Error(`no mutant ${id} in the catalogue`);
  return mutant.machine();
};
const datahubWith = (child: typeof request) =>
  dh831.datahubMachine.provide({ actors: { authorizationRequest: child } });

/** A request machine whose validation result is changed by `alter` (DH-831.DH.VALIDATE). */
const validatingWith = (
  alter: (v: dh831.RequestValidation, receivedAt: number) => dh831.RequestValidation,
) =>
  request.provide({
    actions: {
      validate: assign({
        validation: ({ context }) =>
          alter(
            dh831.validateAuthorizationRequest(context.document.process, context.receivedAt, {
              duplicate: context.duplicate,
            }),
            context.receivedAt,
          ),
      }),
    },
  });

describe('wrong Datahubs (DH-831) fail generated paths', { timeout: 60_000 }, () => {
  it('a Datahub that accepts a start 91 days ahead fails "send, start at 00:00 on day 91"', () => {
    useDatahub(
      datahubWith(
        validatingWith((v) => ({
          ...v,
          errorIds: v.errorIds.filter((id) => id !== 'EC.AUTH.002'),
        })),
      ),
    );
    expectCaught(dhPaths, ['SEND_START_DAY_91']);
  });

  it('a Datahub that refuses a start on day 90 fails "send, start in the last second of day 90"', () => {
    useDatahub(
      datahubWith(
        validatingWith((v, receivedAt) =>
          calendarDaysBetween(receivedAt, v.times.startAt, HELSINKI) === 90
            ? { ...v, errorIds: [...v.errorIds, 'EC.AUTH.002'] }
            : v,
        ),
      ),
    );
    expectCaught(dhPaths, ['SEND_START_DAY_90', 'APPROVE']);
  });

  it('a Datahub that e-mails the reminder when a request closes fails "reminder on day 2 → reject before it"', () => {
    // The same wrong Datahub `sim mutants` serves (DH-831.GW.REMINDER_OPEN).
    useDatahub(mutantMachine('dh-831/reminder-when-closed'));
    expectCaught(dhPaths, ['SEND_WITH_REMINDER', 'REJECT', 'NOTHING_MORE']);
  });

  it('a Datahub that lets DH-851 through for an approved request fails "approve → cancel"', () => {
    useDatahub(
      dh831.datahubMachine.provide({
        guards: {
          cancelRefused: ({ context, event }) => {
            if (event.type !== 'receive.DH-851') return false;
            const refusal = dh831.cancelRefusal(context, event.from, event.message);
            return refusal !== null && refusal !== 'EC.AUTH.030';
          },
        },
      }),
    );
    expectCaught(dhPaths, ['SEND_VALID', 'APPROVE', 'CANCEL']);
  });

  it('a Datahub whose negative ACK lacks the error id fails "send, start yesterday"', () => {
    // The same wrong Datahub `sim mutants` serves (DH-831.DH.ACK_NEGATIVE).
    useDatahub(mutantMachine('dh-831/negative-ack-without-error'));
    expectCaught(dhPaths, ['SEND_START_YESTERDAY']);
  });
});
