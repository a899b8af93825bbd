// Issue 12 item 4: every conform path ends. An SP that resends its request whenever an EDA
// document reaches it ping-pongs with the DSO's duplicate answers (179); before, the path ran
// on until 5 000 exchanges (minutes over HTTP) and the check inside one instant was missing.
import { describe, expect, it } from 'vitest';
import { shippedScenario } from '../coverage/test-scenarios.ts';
import { PROCESSES } from '../processes/index.ts';
import { SutClient, type SutTransport } from './client.ts';
import { deliveryBound } from './drive.ts';
import { inMemoryTransport } from './in-memory.ts';
import type { OutboxItem } from './protocol.ts';
import { runAgainstSut } from './remote-party.ts';

/** The reference SP, plus: every EDA document it receives makes it send its first request again. */
function resendingSp(): { transport: SutTransport; deliveries: () => number } {
  const reference = inMemoryTransport(PROCESSES, 'sp');
  let first: OutboxItem | undefined;
  let deliveries = 0;
  const transport: SutTransport = async (path, body) => {
    const answer = await reference(path, body);
    const request = body as { channel?: string; at?: string };
    const outbox = (answer.body as { outbox?: OutboxItem[] }).outbox;
    if (!path.endsWith('/deliver') || outbox === undefined) return answer;
    deliveries += 1;
    first ??= outbox.find((item) => item.messageCode === 'ANFORDERUNG_CMQF');
    if (request.channel === 'eda' && first !== undefined && request.at !== undefined)
      outbox.push({ ...first, at: request.at });
    return answer;
  };
  return { transport, deliveries: () => deliveries };
}

describe('issue 12 item 4: a path against a system that never settles ends', () => {
  it('an SP that resends on every answer fails the run within the delivery bound, saying why', async () => {
    const scenario = shippedScenario('cm-req-off', 'happy-path');
    const sut = resendingSp();
    const checks = await runAgainstSut({
      processes: PROCESSES,
      client: new SutClient(sut.transport),
      role: 'sp',
      path: { id: 'happy-path', scenario },
    });
    const run = checks.find((c) => c.id.includes(':run#') && c.verdict === 'FAIL');
    expect(run?.actual ?? run?.title).toMatch(
      /more than \d+ messages to your sp — the SUT keeps sending/,
    );
    // A handful of reference messages: the bound is a few hundred deliveries, not 5 000 exchanges.
    expect(sut.deliveries()).toBeLessThanOrEqual(deliveryBound(40));
  });

  it('the reference SP on the same path stays far below the bound and passes', async () => {
    const scenario = shippedScenario('cm-req-off', 'happy-path');
    const checks = await runAgainstSut({
      processes: PROCESSES,
      client: new SutClient(inMemoryTransport(PROCESSES, 'sp')),
      role: 'sp',
      path: { id: 'happy-path', scenario },
    });
    expect(checks.filter((c) => c.verdict === 'FAIL')).toEqual([]);
  });
});
