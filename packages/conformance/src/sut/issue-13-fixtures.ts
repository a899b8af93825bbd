/** Valid protocol bodies for the issue 13 tests (docs/sut-protocol.md § Examples). */
import { SUT_PROTOCOL_VERSION } from './protocol.ts';

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
  parameters: {
    meteringPoints: 1,
    request: {
      reqDatType: 'HistoricalMeteringData',
      dateFrom: '2026-02-01',
      dateTo: '2026-02-28',
      meteringIntervall: 'QH',
    },
  },
});

export const phoneApplication = (testId: string, deliveryId = 'd1') => ({
  protocol: SUT_PROTOCOL_VERSION,
  testId,
  deliveryId,
  channel: 'phone',
  from: 'customer',
  to: 'vnb',
  messageCode: null,
  document: 'PHONE from Olivia Kurrat\nSubject: Antrag Datenfreigabe',
  content: {
    subject: 'Antrag Datenfreigabe',
    text: 'Datenfreigabe für 1 Zählpunkt(e)',
    topic: {
      kind: 'application',
      application: {
        meteringPoints: ['AT0010004416320525444476033257029'],
        request: {
          reqDatType: 'HistoricalMeteringData',
          dateFrom: '2026-02-01',
          dateTo: '2026-02-28',
          meteringIntervall: 'QH',
        },
        confirmationChannel: 'email',
        canAuthenticate: true,
      },
    },
  },
  at: '2026-03-20T10:00:00.000+01:00',
});
