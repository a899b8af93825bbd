import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleXml } from '@consent-sim/messages';
import { packRequests } from '@consent-sim/qr';
import { corpusCases, renderCorpusCase } from '@consent-sim/qr/corpus';
import { describe, expect, it } from 'vitest';
import { runMain } from '../cli.ts';
import { memoryIo } from '../testing.ts';

const request = sampleXml('ANFORDERUNG_CMQF', { seed: 5 });
const strict = packRequests([request]);

/** A PNG written by libqrencode from `payload` (the interop tool `.ci/run` installs). */
function qrencode(payload: string, level: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'consent-sim-qr-read-'));
  const png = join(dir, 'theirs.png');
  const made = spawnSync('qrencode', ['-l', level, '-o', png], { input: payload });
  if (made.error)
    throw new Error(`qrencode is missing: apt-get install qrencode (${made.error.message})`);
  expect(made.status).toBe(0);
  return readFileSync(png);
}

describe('sim qr decode / check: verdicts instead of refusals (OFF-QR-PAYLOAD)', () => {
  it('`qrencode -l M < sample.xml` (XML declaration, trailing newline) decodes with WARNINGs and exit 0', async () => {
    const sample = `<?xml version="1.0" encoding="UTF-8"?>\n${packRequests([request])}\n`;
    const io = memoryIo({ '/work/x.png': qrencode(sample, 'M') });
    expect(await runMain(['qr', 'decode', 'x.png'], io)).toBe(0);
    expect(io.err()).toMatch(/WARNING +OFF-QR-PAYLOAD xml-declaration: holds 1 XML declaration/);
    expect(io.err()).toMatch(/WARNING +OFF-QR-PAYLOAD line-breaks: has a trailing line break/);
    expect(io.err()).toMatch(/read by zxing \(version \d+, level M\)/);
    expect(io.err()).not.toContain('FAIL');
    expect(io.out().trim()).toBe(strict);
    expect(io.err()).toContain('OK x.png [document 1 of 1]: CMRequest 01.30 ANFORDERUNG_CMQF');
  });

  it('`sim sample` output as it is (declaration, indentation, trailing newline) decodes with WARNINGs', async () => {
    const io = memoryIo({ '/work/sample.png': qrencode(request, 'M') });
    expect(await runMain(['qr', 'decode', 'sample.png'], io)).toBe(0);
    expect(io.err()).toMatch(/WARNING +OFF-QR-PAYLOAD pretty-printing/);
    expect(io.err()).toMatch(/WARNING +OFF-QR-PAYLOAD xml-declaration/);
    expect(io.err()).toContain('OK sample.png [document 1 of 1]: CMRequest 01.30 ANFORDERUNG_CMQF');
  });

  it('check: a strict payload passes every rule; the jsqr reader and --reader both agree', async () => {
    const io = memoryIo({ '/work/ours.png': qrencode(strict, 'M') });
    expect(await runMain(['qr', 'check', 'ours.png', '--reader', 'both'], io)).toBe(0);
    expect(io.out()).not.toMatch(/WARNING|FAIL/);
    expect(io.out()).toContain('ours.png: PASS');
    expect(io.err()).not.toContain('readers:');
  });

  it('check: a payload file that is not a CMRequest FAILs with exit 1', async () => {
    const io = memoryIo({ '/work/answer.xml': sampleXml('ANTWORT_CMQF', { seed: 1 }) });
    expect(await runMain(['qr', 'check', 'answer.xml'], io)).toBe(1);
    expect(io.out()).toMatch(/FAIL +OFF-QR-PAYLOAD cmrequest: .*CMNotification/);
  });

  it('check: over the capacity of the level claimed FAILs under OFF-QR-TOO-LARGE', async () => {
    const io = memoryIo({ '/work/payload.txt': strict });
    expect(await runMain(['qr', 'check', 'payload.txt', '--level', 'H', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out()) as {
      verdict: string;
      checks: Array<{ rule: string; key: string; verdict: string }>;
    };
    expect(report.verdict).toBe('FAIL');
    expect(report.checks.find((check) => check.rule === 'capacity')).toMatchObject({
      key: 'OFF-QR-TOO-LARGE',
      verdict: 'FAIL',
    });
    expect(report.checks.find((check) => check.rule === 'level')).toMatchObject({
      verdict: 'WARNING',
    });
  });

  it('refuses a PNG that declares 20000 × 20000 pixels from its header, naming the limit', async () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 20000);
    new DataView(png.buffer).setUint32(20, 20000);
    const io = memoryIo({ '/work/huge.png': png });
    expect(await runMain(['qr', 'decode', 'huge.png'], io)).toBe(1);
    expect(io.err()).toContain(
      '20000 × 20000 = 400,000,000 pixels, over the limit of 50,000,000 pixels',
    );
    expect(io.err()).toContain('--max-pixels');
  });

  it('decodes a JPEG phone photo of the code from the corpus', async () => {
    const [photo] = corpusCases({ seed: 2026, perClass: 1, classes: ['photo'] }).map(
      renderCorpusCase,
    );
    if (photo === undefined) throw new Error('the corpus has no photo case');
    expect(photo.format).toBe('jpeg');
    const io = memoryIo({ '/work/photo.jpg': photo.file });
    await runMain(['qr', 'check', 'photo.jpg'], io);
    expect(io.err()).toMatch(/photo\.jpg: JPEG \d+×\d+, read by zxing/);
  });

  it('usage errors: an unknown reader, a bad pixel limit', async () => {
    const io = memoryIo({ '/work/payload.txt': strict });
    expect(await runMain(['qr', 'check', 'payload.txt', '--reader', 'zbar'], io)).toBe(2);
    expect(io.err()).toContain('--reader must be one of zxing, jsqr, both');
    expect(await runMain(['qr', 'decode', 'payload.txt', '--max-pixels', 'lots'], io)).toBe(2);
  });
});
