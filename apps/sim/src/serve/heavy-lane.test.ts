import { createSutHandler, PROCESSES } from '@consent-sim/conformance';
import { readXmlTree } from '@consent-sim/messages';
import { afterAll, describe, expect, it } from 'vitest';
import { offThreadReader } from './off-thread.ts';
import { startSutServer } from './server.ts';
import { vnbReset } from './test-bodies.ts';

const NS = 'http://www.ebutilities.at/schemata/customerprocesses/cmrequest/01p10';

/** Well-formed, 64 KiB and more: a heavy body, parsed in the worker. */
function heavyDocument(elements: number): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8"?>\n<cp:CMRequest xmlns:cp="${NS}">`];
  for (let i = 0; i < elements; i += 1)
    parts.push(`<cp:E a='${i}'>${'x &amp; y'.repeat(4)}</cp:E>`);
  parts.push('</cp:CMRequest>');
  return parts.join('\n');
}

const reader = offThreadReader();
afterAll(() => reader.close());

describe('issue 13 build 3: heavy documents are parsed off the event loop', () => {
  it('the worker gives the tree the main thread would build, line numbers and references included', async () => {
    const text = heavyDocument(3_000);
    const tree = await reader.read(text);
    expect(tree).not.toBeNull();
    expect(tree).toEqual(readXmlTree(text));
  });

  it('a document the guard refuses comes back as null, so the main thread refuses it with its own position', async () => {
    expect(await reader.read('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toBeNull();
    expect(await reader.read('<a><b></a>')).toBeNull();
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
