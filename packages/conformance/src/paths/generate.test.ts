import { describe, expect, it } from 'vitest';
import { cmReqOffModel } from '../model/cm-req-off/index.ts';
import { endOfLocalDay, startOfLocalDay } from '../model/local-day.ts';
import { PROCESSES } from '../processes/index.ts';
import { generatePaths } from './generate.ts';
import { pathId } from './path-id.ts';
import { replayEvents } from './to-scenario.ts';

describe('generatePaths', () => {
  it('ids are a pinned hash of process and events, the same on every machine', () => {
    expect(pathId('cm-req-off', ['APPLY', 'KEEP_QR'])).toBe('119470bc1f6d');
    expect(pathId('cm-req-off', ['APPLY'])).not.toBe(pathId('dh-831', ['APPLY']));
    expect(pathId('cm-req-off', ['APPLY', 'KEEP_QR'])).toMatch(/^[0-9a-f]{12}$/);
  });

  it('ends every path in a final state, sorted by id, and bounds the count', () => {
    const { paths, stats } = generatePaths(PROCESSES['cm-req-off'], { maxPaths: 10, now: () => 0 });
    expect(stats).toMatchObject({ count: 10, dropped: stats.total - 10, generationMs: 0 });
    expect(paths.map((p) => p.id)).toEqual([...paths.map((p) => p.id)].sort());
    expect(paths.every((p) => p.title.split(' → ').length === p.events.length)).toBe(true);
  });

  it('derives the expectation from the model: redeeming 1 ms late is refused with 180', () => {
    const scenario = generatePaths(PROCESSES['cm-req-off'])
      .paths.find((p) => p.events.join() === 'APPLY,HAND_OVER_REDEMPTION_DEADLINE_PLUS_1MS')
      ?.toScenario();
    expect(scenario?.expect.outcome).toBe('expired,refused');
    expect(scenario?.expect.messages?.at(-1)).toMatchObject({
      code: 'ABLEHNUNG_CMQF',
      responseCodes: [180],
    });
    // 30 calendar days across the DST change: 2026-04-19 10:00 +02:00, hand-over 3 s earlier + 1 ms.
    expect(scenario?.stimuli[1]?.at).toBe('2026-04-19T09:59:57.001+02:00');
  });

  it('refuses an event the model does not define', () => {
    expect(() => replayEvents(cmReqOffModel, ['APPLY', 'DANCE'])).toThrow(
      /"DANCE" is not an abstract event/,
    );
  });
});

describe('local day boundaries', () => {
  it('finds midnight and 23:59:59.999 in the zone, also on a DST day', () => {
    const zone = 'Europe/Helsinki';
    expect(startOfLocalDay(Date.parse('2026-03-29T12:00:00+03:00'), zone)).toBe(
      Date.parse('2026-03-29T00:00:00+02:00'),
    );
    expect(endOfLocalDay(Date.parse('2026-10-25T12:00:00+02:00'), zone)).toBe(
      Date.parse('2026-10-25T23:59:59.999+02:00'),
    );
  });
});
