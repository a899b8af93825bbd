/**
 * N concurrent offline consents with seeded random outcomes through ONE real CM_REQ_OFF DSO
 * machine (`cmReqOff.vnbMachine`, one vnbConsent actor per ConsentId). The driver plays the
 * customers and the service provider by sending the DSO the events the engine would deliver, so
 * the same script can run on two clocks: the engine's heap clock and xstate's SimulatedClock.
 */
import { addCalendarDays, cmReqOff, VIENNA } from '@consent-sim/core';
import { createRng } from '@consent-sim/sim';
import { createActor } from 'xstate';

/** What a clock must offer the driver: XState's Clock plus "run everything due, in order". */
export interface DriverClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /** Runs every scheduled task in due order until none is left; returns how many ran. */
  drain(): number;
}

export interface LoadStats {
  consents: number;
  outcomes: Record<string, number>;
  tasks: number;
}

const DSO = 'AT001000';
const SP = 'EP100200';
const DAY = 86_400_000;

type Plan = 'never' | 'late' | 'objects' | 'objectsLate' | 'active';

export function runLoad(n: number, clock: DriverClock, seed = 1): LoadStats {
  const rng = createRng(seed).fork('load');
  const start = clock.now();
  const plans = new Map<string, Plan>();
  const meteringPointOf = new Map<string, string>();
  const outcomes: Record<string, number> = {};
  const count = (key: string) => {
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  };
  const dso = createActor(cmReqOff.vnbMachine, {
    clock,
    input: { address: DSO, registeredServiceProviders: [SP] },
  });
  let serial = 0;
  const at = (ms: number, fn: () => void) => clock.setTimeout(fn, Math.max(0, ms - clock.now()));

  const redeem = (consentId: string, meteringPoint: string) => {
    serial += 1;
    const id = String(serial).padStart(10, '0');
    dso.send({
      type: 'receive.ANFORDERUNG_CMQF',
      at: clock.now(),
      from: 'sp',
      message: {
        messageId: `${SP}2026030200000000${id}`,
        conversationId: `${SP}T${id}`,
        cmRequestId: id.slice(-8),
        consentId,
        meteringPoint,
        senderAddress: SP,
        receiverAddress: DSO,
        reqDatType: 'MeteringData',
        dateFrom: '2026-03-03',
      },
    });
  };

  dso.on('*', (emitted) => {
    switch (emitted.type) {
      case 'qr.request': {
        const { applicationId } = emitted;
        for (const document of emitted.documents) {
          meteringPointOf.set(document.consentId, document.meteringPoint);
        }
        dso.send({ type: 'qr.created', at: clock.now(), applicationId, payload: 'qr' });
        break;
      }
      case 'send': {
        const message = emitted.message as { topic?: { kind: string; consentIds?: string[] } };
        const topic = message.topic;
        if (topic?.kind === 'qrCode') {
          // The customer got the QR code: decide this consent's fate (seeded).
          for (const consentId of topic.consentIds ?? []) {
            const roll = rng.next();
            const plan: Plan =
              roll < 0.1
                ? 'never'
                : roll < 0.2
                  ? 'late'
                  : roll < 0.35
                    ? 'objects'
                    : roll < 0.4
                      ? 'objectsLate'
                      : 'active';
            plans.set(consentId, plan);
            if (plan === 'never') continue;
            const day = plan === 'late' ? 31 : rng.int(1, 29);
            const meteringPoint = meteringPointOf.get(consentId) ?? '';
            at(addCalendarDays(clock.now(), day, VIENNA), () => redeem(consentId, meteringPoint));
          }
        } else if (topic?.kind === 'consentRequestNotice') {
          const notice = topic as unknown as { consentId: string };
          const plan = plans.get(notice.consentId);
          if (plan === 'objects' || plan === 'objectsLate') {
            const day = plan === 'objects' ? rng.int(1, 4) : 7;
            at(addCalendarDays(clock.now(), day, VIENNA), () =>
              dso.send({
                type: 'mail.received',
                at: clock.now(),
                from: 'customer',
                channel: 'email',
                mail: {
                  subject: 'Widerspruch',
                  text: '',
                  topic: { kind: 'objection', consentIds: [notice.consentId] },
                },
              }),
            );
          }
        } else if ((emitted.message as { messageCode?: string }).messageCode === 'AUFHEBUNG_CCMC') {
          const revoke = emitted.message as {
            consentId: string;
            meteringPoint: string;
            conversationId?: string;
          };
          dso.send({
            type: 'receive.ANTWORT_CCMC',
            at: clock.now(),
            from: 'sp',
            message: {
              messageId: `${SP}R${revoke.consentId}`.slice(0, 35),
              conversationId: revoke.conversationId ?? 'C',
              consentId: revoke.consentId,
              meteringPoint: revoke.meteringPoint,
              senderAddress: SP,
              responseCodes: [176],
            },
          });
        }
        break;
      }
      case 'consent':
        if (emitted.status !== 'issued') count(emitted.status);
        break;
      default:
        break;
    }
  });

  dso.start();
  for (let i = 0; i < n; i++) {
    const meteringPoint = `${DSO}${String(i).padStart(25, '0')}`;
    at(start + Math.floor((i * DAY) / n), () =>
      dso.send({
        type: 'mail.received',
        at: clock.now(),
        from: `customer-${i}`,
        channel: 'email',
        mail: {
          subject: 'Antrag',
          text: '',
          topic: {
            kind: 'application',
            application: {
              meteringPoints: [meteringPoint],
              request: { reqDatType: 'MeteringData', dateFrom: '2026-03-03' },
              confirmationChannel: 'email',
              canAuthenticate: true,
            },
          },
        },
      }),
    );
  }
  const tasks = clock.drain();
  dso.stop();
  return { consents: n, outcomes, tasks };
}
