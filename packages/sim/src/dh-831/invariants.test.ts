// The DH-831 invariants can fail: each runs a shipped scenario against a deliberately wrong
// Datahub (core machine with one effect swapped via provide) and must name the broken rule,
// while the real Datahub passes the same scenario.
import { readFileSync } from 'node:fs';
import { dh831, HELSINKI, isoInZone } from '@consent-sim/core';
import { ackError } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { enqueueActions, sendParent } from 'xstate';
import { runScenario } from '../process/run-scenario.ts';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import { loadScenario } from '../scenario/load.ts';
import { DH831_INVARIANT_NAMES } from './invariants.ts';

const scenario = (name: string) =>
  loadScenario(
    readFileSync(new URL(`../../../../scenarios/dh-831/${name}.yaml`, import.meta.url), 'utf8'),
    `scenarios/dh-831/${name}.yaml`,
    TEST_PROCESSES,
  );

const child = dh831.authorizationRequestMachine;
type Output = dh831.Dh831Output;
const out = (output: Output) => ({ type: 'request.output' as const, output });

/** A Datahub whose per-request machine has some effects replaced. */
const datahubWith = (request: typeof child) =>
  dh831.datahubMachine.provide({ actors: { authorizationRequest: request } });

function runWith(datahub: ReturnType<typeof datahubWith>, name: string) {
  return runScenario(scenario(name), { processes: TEST_PROCESSES, machines: { datahub } });
}

const names = (result: ReturnType<typeof runScenario>) => result.violations.map((v) => v.invariant);

describe('DH-831 invariants', () => {
  it('are the four documented ones', () => {
    expect(DH831_INVARIANT_NAMES).toHaveLength(4);
  });

  it('dh831-no-data-without-approved-authorization: DH-825 grants a point the customer removed', () => {
    const grantsEverything = child.provide({
      actions: {
        sendApprovalNotice: sendParent(({ context, event }) =>
          out({
            type: 'send',
            channel: 'datahub',
            to: context.from,
            message: {
              messageCode: 'DH-825',
              requestId: context.document.process.requestId,
              approvedAt: isoInZone(event.type === 'decision' ? event.at : 0, HELSINKI),
              // Wrong on purpose: the requested points, not those left after removal.
              grantedAccountingPoints: context.document.process.accountingPoints,
            },
          }),
        ),
      },
    });
    expect(
      names(runScenario(scenario('approved-partially'), { processes: TEST_PROCESSES })),
    ).toEqual([]);
    const result = runWith(datahubWith(grantsEverything), 'approved-partially');
    expect(names(result)).toContain('dh831-no-data-without-approved-authorization');
    expect(result.passed).toBe(false);
  });

  it('dh831-reminder-only-while-open: a reminder sent when the request is rejected', () => {
    const remindsOnEveryStatus = child.provide({
      actions: {
        recordStatus: enqueueActions(
          ({ context, enqueue }, params: { status: dh831.RequestStatus }) => {
            const requestId = context.document.process.requestId;
            enqueue.sendParent(out({ type: 'request', requestId, status: params.status }));
            if (params.status === 'Open') return;
            // Wrong on purpose: reminds regardless of the status (DH-831.GW.REMINDER_OPEN ignored).
            const mail = dh831.reminderMail({
              process: context.document.process,
              sellerPartyId: context.from,
              requestEndAt: context.validation?.times.requestEndAt ?? 0,
            });
            enqueue.sendParent(
              out({ type: 'send', channel: 'email', to: mail.recipientEmail, message: mail }),
            );
          },
        ),
      },
    });
    expect(
      names(runScenario(scenario('reminder-not-sent-when-closed'), { processes: TEST_PROCESSES })),
    ).toEqual([]);
    const result = runWith(datahubWith(remindsOnEveryStatus), 'reminder-not-sent-when-closed');
    expect(names(result)).toEqual(['dh831-reminder-only-while-open']);
    expect(result.violations[0]?.message).toContain('while its status was Rejected');
  });

  it('dh831-negative-ack-has-error-id-and-text: a refusal without a text', () => {
    const silentRefusal = child.provide({
      actions: {
        sendNegativeAck: sendParent(({ context }) =>
          out({
            type: 'send',
            channel: 'datahub',
            to: context.from,
            message: {
              messageCode: 'ACK',
              original: { messageType: 'DH-831', process: context.document.process },
              acknowledgement: {
                result: 'negative',
                originalMessageId: context.document.header.messageId,
                errors: (context.validation?.errorIds ?? []).map((id) => ({
                  ...ackError(id),
                  text: '',
                })),
              },
            },
          }),
        ),
      },
    });
    expect(names(runScenario(scenario('start-in-past'), { processes: TEST_PROCESSES }))).toEqual(
      [],
    );
    const result = runWith(datahubWith(silentRefusal), 'start-in-past');
    expect(names(result)).toEqual(['dh831-negative-ack-has-error-id-and-text']);
  });

  it('dh831-at-most-one-final-status: a rejected request also recorded as cancelled', () => {
    const twoFinals = child.provide({
      actions: {
        recordStatus: enqueueActions(
          ({ context, enqueue }, params: { status: dh831.RequestStatus }) => {
            const requestId = context.document.process.requestId;
            enqueue.sendParent(out({ type: 'request', requestId, status: params.status }));
            // Wrong on purpose: a second final status.
            if (params.status === 'Rejected') {
              enqueue.sendParent(out({ type: 'request', requestId, status: 'Cancelled' }));
            }
          },
        ),
      },
    });
    expect(
      names(runScenario(scenario('rejected-by-customer'), { processes: TEST_PROCESSES })),
    ).toEqual([]);
    const result = runWith(datahubWith(twoFinals), 'rejected-by-customer');
    expect(names(result)).toEqual(['dh831-at-most-one-final-status']);
    expect(result.violations[0]?.message).toContain('Rejected → Cancelled');
  });
});
