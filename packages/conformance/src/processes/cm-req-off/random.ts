/** What seeded random runs of CM_REQ_OFF may make parties do (`sim replay`). */
import type { RandomRunMenu } from '../../process/plugin.ts';

export const cmReqOffRandomMenu: RandomRunMenu = {
  // A Monday, away from DST changes.
  start: '2026-03-02T09:00:00+01:00',
  opening: [
    { party: 'customer', event: 'apply', with: { via: 'phone', confirmationChannel: 'email' } },
    { party: 'customer', event: 'apply', with: { via: 'email', confirmationChannel: 'post' } },
  ],
  any: [
    { party: 'customer', event: 'handOver' },
    { party: 'customer', event: 'keepQr' },
    { party: 'customer', event: 'object' },
  ],
  // The SP's own stimuli name a ConsentId it must already hold, which a dropped letter or
  // hand-over makes unknowable in advance; the SP requests by itself after the hand-over and
  // `duplicate` faults repeat its requests.
  mayOpenLate: true,
  channels: ['eda', 'email', 'post', 'phone', 'handover'],
};
