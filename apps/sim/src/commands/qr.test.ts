import { sampleXml } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo } from '../testing.ts';

const request = sampleXml('ANFORDERUNG_CMQF', { seed: 5 });

describe('sim qr', () => {
  it('encodes a CMRequest into a PNG that decodes back to the same document', async () => {
    const io = memoryIo({ '/work/request.xml': request });
    expect(await runMain(['qr', 'encode', 'request.xml', '--out', 'request.png'], io)).toBe(0);
    expect(io.out()).toMatch(/wrote \/work\/request\.png: QR version \d+ .* level M/);
    const decode = memoryIo(Object.fromEntries(io.files));
    expect(await runMain(['qr', 'decode', 'request.png'], decode)).toBe(0);
    const payload = decode.out().trim();
    expect(payload).not.toContain('<?xml');
    expect(payload).toContain('<cp:CMRequest');
    expect(decode.err()).toContain(
      'OK request.png [document 1 of 1]: CMRequest 01.30 ANFORDERUNG_CMQF',
    );
  });

  it('fails with exit 1, the sizes and the online-process remedy when the payload does not fit', async () => {
    const io = memoryIo({ '/work/request.xml': request });
    expect(
      await runMain(['qr', 'encode', 'request.xml', '--level', 'H', '--out', 'x.png'], io),
    ).toBe(1);
    expect(io.err()).toMatch(/bytes but a QR code at level H holds at most 1[ ,]?273 bytes/);
    expect(io.err()).toContain('CM_REQ_ONL');
  });

  it('refuses a document that is not a CMRequest', async () => {
    const io = memoryIo({ '/work/answer.xml': sampleXml('ANTWORT_CMQF', { seed: 1 }) });
    expect(await runMain(['qr', 'encode', 'answer.xml', '--out', 'x.png'], io)).toBe(1);
    expect(io.err()).toContain('is a CMNotification document');
  });

  it('reports an image without a QR code clearly', async () => {
    const io = memoryIo({ '/work/request.xml': request });
    await runMain(['qr', 'encode', 'request.xml', '--out', 'ok.png'], io);
    const png = io.files.get('/work/ok.png');
    expect(png).toBeDefined();
    const decode = memoryIo({ '/work/noise.png': new Uint8Array([1, 2, 3]) });
    expect(await runMain(['qr', 'decode', 'noise.png'], decode)).toBe(1);
    expect(decode.err()).toMatch(/noise\.png: .*PNG/i);
  });

  it('plans capacity per level', async () => {
    const io = memoryIo({ '/work/request.xml': request });
    expect(await runMain(['qr', 'capacity', 'request.xml'], io)).toBe(0);
    expect(io.out()).toMatch(/level M: capacity 2331 bytes — fits/);
    expect(io.out()).toMatch(/level H: capacity 1273 bytes — too large/);
  });
});
