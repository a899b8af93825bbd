import { createSutHandler, PROCESSES } from '@consent-sim/conformance';
import { listSamples, sampleXml } from '@consent-sim/messages';
import { DATA_NAMESPACE, readingKindOf, readingOf } from '@consent-sim/sim';
import { afterAll, describe, expect, it } from 'vitest';
import { offThreadReader } from './off-thread.ts';
import { startSutServer } from './server.ts';
import { vnbReset } from './test-bodies.ts';

const NS = 'http://www.ebutilities.at/schemata/customerprocesses/cmrequest/01p10';

/** Well-formed, 64 KiB and more: a heavy body, read in the worker. */
function heavyDocument(elements: number): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<cp:CMRequest xmlns:cp="${NS}">`];
  for (let i = 0; i < elements; i += 1)
    parts.push(`<cp:E a='${i}'>${'x &amp; y'.repeat(4)}</cp:E>`);
  parts.push('</cp:CMRequest>');
  return parts.join('\n');
}

const reader = offThreadReader();
afterAll(() => reader.close());

/** The worker's reading and this thread's, for the reader `channel` gets. */
async function bothReadings(channel: string, text: string) {
  const kind = readingKindOf(channel, text);
  if (kind === undefined) throw new Error(`no reader for channel ${channel}`);
  return { worker: await reader.read(kind, text), main: readingOf(kind, text) };
}

describe('issue 13 build 3: heavy documents are read off the event loop', () => {
  it('the reading made in the worker equals the main thread one, types and issue positions included', async () => {
    const documents: [string, string][] = [
      ['eda', heavyDocument(3_000)],
      ...listSamples().map((s): [string, string] => [
        s.family,
        sampleXml(s.messageCode, { seed: 7 }),
      ]),
      ['eda', `<DataRequest xmlns="${DATA_NAMESPACE}"><MessageId>x</MessageId></DataRequest>`],
    ];
    for (const [channel, text] of documents) {
      const { worker, main } = await bothReadings(channel, text);
      expect(worker, text.slice(0, 120)).not.toBeNull();
      expect(worker, text.slice(0, 120)).toStrictEqual(main);
    }
  });

  it('a refused document comes back as the same refusal, with its position', async () => {
    for (const text of ['<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', '<a><b></a>']) {
      for (const channel of ['eda', 'datahub']) {
        const { worker, main } = await bothReadings(channel, text);
        expect((main as { issues: unknown[] }).issues).toHaveLength(1);
        expect(worker).toStrictEqual(main);
      }
    }
  });

  it('a served role answers a heavy delivery exactly as the in-process handler does', async () => {
    const server = await startSutServer({ processes: PROCESSES, role: 'vnb' });
    const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
    const reset = vnbReset('heavy');
    const deliver = {
      protocol: 'consent-sim.sut/1',
      testId: 'heavy',
      deliveryId: 'd1',
      channel: 'eda',
      from: 'sp',
      to: 'vnb',
      messageCode: 'ANFORDERUNG_CMQF',
      document: heavyDocument(3_000),
      at: '2026-03-20T10:00:00.000+01:00',
    };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}/consent-sim/v1/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      expect(JSON.stringify(deliver).length).toBeGreaterThan(64 * 1024);
      await post('reset', reset);
      await handle('/consent-sim/v1/reset', reset);
      const served = await post('deliver', deliver);
      const direct = await handle('/consent-sim/v1/deliver', deliver);
      expect(served.status).toBe(200);
      expect(served).toEqual({ status: direct.status, body: direct.body });
    } finally {
      await server.close();
    }
  });
});
