import { describe, expect, it } from 'vitest';
import { markSeen } from '../eda/dso-registry.ts';
import type { ConsentStatus } from './events.ts';
import type { ConsentRequestView } from './messages.ts';
import { consentRequestRejection, emptyRegistry } from './vnb-registry.ts';

const dso = { address: 'AT001000', registeredServiceProviders: new Set(['EP100200']) };
const MP = 'AT0010000000000000000000000000001';
const request: ConsentRequestView = {
  messageId: 'M1',
  conversationId: 'C1',
  cmRequestId: 'R1',
  consentId: 'K1',
  meteringPoint: MP,
  senderAddress: 'EP100200',
  receiverAddress: 'AT001000',
  reqDatType: 'X',
  dateFrom: '2026-03-01',
};

function registryWith(status: ConsentStatus) {
  const registry = emptyRegistry();
  registry.consents.set('K1', { status, meteringPoint: MP });
  return registry;
}

describe('consentRequestRejection (OFF-RESPONSE-CODES)', () => {
  it('accepts an issued ConsentId for its metering point', () => {
    expect(consentRequestRejection(registryWith('issued'), dso, request)).toBeUndefined();
  });

  it.each([
    ['redeemed', 178],
    ['active', 178],
    ['expired', 180],
    ['invalidated', 180],
    ['rejected', 180],
    ['revoked', 180],
  ] as const)('a ConsentId in status %s → %i', (status, code) => {
    expect(consentRequestRejection(registryWith(status), dso, request)).toBe(code);
  });

  it('checks in order: duplicate before sender before metering point before ConsentId', () => {
    const registry = registryWith('expired');
    markSeen(registry, { messageId: 'M1' });
    const everythingWrong = {
      ...request,
      senderAddress: 'EP999999',
      meteringPoint: 'AT0020000000000000000000000000001',
    };
    expect(consentRequestRejection(registry, dso, everythingWrong)).toBe(179);
    expect(consentRequestRejection(registryWith('expired'), dso, everythingWrong)).toBe(76);
    expect(
      consentRequestRejection(registryWith('expired'), dso, {
        ...everythingWrong,
        senderAddress: 'EP100200',
      }),
    ).toBe(56);
    expect(
      consentRequestRejection(registryWith('expired'), dso, { ...request, consentId: 'K2' }),
    ).toBe(177);
  });

  it('an ended ConsentId is 180 even for the wrong metering point; a live one is 187', () => {
    const other = { ...request, meteringPoint: 'AT0010000000000000000000000000002' };
    expect(consentRequestRejection(registryWith('expired'), dso, other)).toBe(180);
    expect(consentRequestRejection(registryWith('redeemed'), dso, other)).toBe(187);
  });

  it('a repeated CMRequestId with a new MessageId is a duplicate too (179)', () => {
    const registry = registryWith('issued');
    markSeen(registry, { cmRequestId: 'R1' });
    expect(consentRequestRejection(registry, dso, { ...request, messageId: 'M2' })).toBe(179);
  });
});
