/** What seeded random runs of DH-831 may make parties do (`sim replay`). */
import type { RandomRunMenu } from '../../process/plugin.ts';

export const dh831RandomMenu: RandomRunMenu = {
  // A Monday, away from DST changes.
  start: '2026-01-12T10:00:00+02:00',
  opening: [{ party: 'seller', event: 'sendRequest' }],
  any: [
    { party: 'seller', event: 'sendRequest' },
    { party: 'seller', event: 'cancel' },
    { party: 'seller', event: 'fetchData', with: { accountingPoint: 1 } },
    { party: 'seller', event: 'endAuthorization' },
    { party: 'customer', event: 'approve' },
    { party: 'customer', event: 'reject' },
  ],
  channels: ['datahub', 'email', 'authorization-service'],
  // Decisions and cancellations refer to the last request sent: a run always sends one first.
  mayOpenLate: false,
};
