import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleXml } from '@consent-sim/messages';
import { packRequests } from '@consent-sim/qr';
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

describe('sim qr with independent tools (zbar-tools, qrencode; `.ci/run` installs them)', () => {
  const tool = (name: string) => {
    const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
    if (!found) throw new Error(`${name} is missing: apt-get install zbar-tools qrencode`);
  };

  it('writes a PNG that zbarimg reads back to the exact payload', async () => {
    tool('zbarimg');
    const dir = mkdtempSync(join(tmpdir(), 'consent-sim-qr-'));
    const files = memoryIo({ '/work/request.xml': request });
    expect(await runMain(['qr', 'encode', 'request.xml', '--out', 'request.png'], files)).toBe(0);
    writeFileSync(
      join(dir, 'request.png'),
      files.files.get('/work/request.png') ?? new Uint8Array(),
    );
    const read = spawnSync('zbarimg', ['--raw', '-q', '-Sbinary', join(dir, 'request.png')]);
    expect(read.status).toBe(0);
    const decode = memoryIo(Object.fromEntries(files.files));
    await runMain(['qr', 'decode', 'request.png'], decode);
    expect(read.stdout.toString('utf8').replace(/\n$/, '')).toBe(decode.out().trim());
  });

  it('decodes a PNG written by qrencode from a CMRequest payload', async () => {
    tool('qrencode');
    const dir = mkdtempSync(join(tmpdir(), 'consent-sim-qr-'));
    const payload = packRequests([request]);
    const png = join(dir, 'theirs.png');
    const made = spawnSync('qrencode', ['-8', '-l', 'M', '-o', png], { input: payload });
    expect(made.status).toBe(0);
    const io = memoryIo({ '/work/theirs.png': readFileSync(png) });
    expect(await runMain(['qr', 'decode', 'theirs.png'], io)).toBe(0);
    expect(io.out().trim()).toBe(payload);
    expect(io.err()).toContain('OK theirs.png [document 1 of 1]: CMRequest 01.30 ANFORDERUNG_CMQF');
  });
});
