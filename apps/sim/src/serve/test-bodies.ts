/** Valid SUT-protocol bodies the serve tests share (docs/sut-protocol.md § Examples). */
import { SUT_PROTOCOL_VERSION } from '@consent-sim/conformance';

/** A CM_REQ_OFF `reset` of a served DSO with one metering point. */
export const vnbReset = (testId: string) => ({
  protocol: SUT_PROTOCOL_VERSION,
  testId,
  process: 'cm-req-off',
  role: 'vnb',
  seed: 1,
  start: '2026-03-20T10:00:00.000+01:00',
  zone: 'Europe/Vienna',
  parties: [
    { id: 'vnb', role: 'vnb', address: 'AT001000' },
    { id: 'sp', role: 'sp', address: 'EP100200' },
    { id: 'customer', role: 'customer', address: 'olivia@example.net' },
  ],
  parameters: { meteringPoints: 1 },
});
