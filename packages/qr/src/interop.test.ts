/**
 * Interop with independent implementations: zbar (zbarimg) must read our PNGs, and we must read
 * PNGs written by libqrencode (qrencode). Both are required: a missing tool fails the test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capacityBytes } from './capacity.ts';
import { buildCmRequestFixture, textOfBytes } from './cmrequest-fixture.ts';
import { decodeCmRequestPayload } from './cmrequest-payload.ts';
import { decodePng } from './decode.ts';
import { encodeQr } from './encode.ts';
import { packRequests } from './payload.ts';
import { renderPng } from './render-png.ts';

const workDir = mkdtempSync(path.join(tmpdir(), 'consent-sim-qr-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function requireTool(command: string): void {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined) {
    throw new Error(
      `consent-sim: the interop tests need ${command} on PATH (${probe.error.message}): run apt-get install zbar-tools qrencode`,
    );
  }
}

/** Bytes zbar reads from a PNG; -Sbinary keeps them as stored (no character-set guessing). */
function zbarRead(png: Uint8Array, name: string): Uint8Array {
  requireTool('zbarimg');
  const file = path.join(workDir, name);
  writeFileSync(file, png);
  return new Uint8Array(
    execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', file], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
}

/** A PNG written by libqrencode in 8-bit (byte) mode at `level` from the payload's UTF-8 bytes. */
function qrencodePng(payload: string, level: string, name: string): Uint8Array {
  requireTool('qrencode');
  const file = path.join(workDir, name);
  execFileSync('qrencode', ['-8', '-l', level, '-o', file], {
    input: Buffer.from(payload, 'utf8'),
  });
  return new Uint8Array(readFileSync(file));
}

const cmRequestPayload = packRequests([buildCmRequestFixture()]);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('zbarimg reads renderPng', () => {
  it('a CMRequest payload with umlauts, byte for byte', () => {
    expect(cmRequestPayload).toContain('für');
    expect(zbarRead(renderPng(encodeQr(cmRequestPayload)), 'ours-cmrequest.png')).toEqual(
      utf8(cmRequestPayload),
    );
  });

  it('the largest payload at level M (version 40)', () => {
    const payload = textOfBytes(capacityBytes('M'));
    expect(zbarRead(renderPng(encodeQr(payload)), 'ours-largest-m.png')).toEqual(utf8(payload));
  });
});

describe('decodePng reads qrencode', () => {
  it('a CMRequest payload written by qrencode -8 -l M', () => {
    const png = qrencodePng(cmRequestPayload, 'M', 'theirs-cmrequest.png');
    expect(decodePng(png)).toBe(cmRequestPayload);
    expect(decodeCmRequestPayload(png).documents).toEqual([cmRequestPayload]);
  });

  it('two metering points written by qrencode -8 -l L', () => {
    const payload = packRequests([
      buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000001' }),
      buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000002' }),
    ]);
    expect(
      decodeCmRequestPayload(qrencodePng(payload, 'L', 'theirs-two.png')).documents,
    ).toHaveLength(2);
  });

  it('the largest payload at level M', () => {
    const payload = textOfBytes(capacityBytes('M'));
    expect(decodePng(qrencodePng(payload, 'M', 'theirs-largest-m.png'))).toBe(payload);
  });
});
