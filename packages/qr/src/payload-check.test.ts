import { describe, expect, it } from 'vitest';
import { capacityBytes } from './capacity.ts';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { packRequests } from './payload.ts';
import { checkQrPayload, type QrPayloadReport } from './payload-check.ts';

const strict = packRequests([buildCmRequestFixture()]);
const verdictOf = (report: QrPayloadReport, rule: string) =>
  report.checks.find((check) => check.rule === rule)?.verdict;

describe('checkQrPayload (OFF-QR-PAYLOAD)', () => {
  it('the strict form passes every rule', () => {
    const report = checkQrPayload(strict, { level: 'M' });
    expect(report.verdict).toBe('PASS');
    expect(report.checks.map((check) => check.rule)).toEqual([
      'bom',
      'xml-declaration',
      'line-breaks',
      'pretty-printing',
      'namespace-prefix',
      'level',
      'cmrequest',
      'schema-rules',
      'capacity',
    ]);
    expect(report.documents).toEqual([strict]);
  });

  it.each([
    ['bom', `\uFEFF${strict}`],
    ['xml-declaration', `<?xml version="1.0" encoding="UTF-8"?>${strict}`],
    ['line-breaks', `${strict}\n`],
    ['line-breaks', `${strict}\r\n`],
    [
      'pretty-printing',
      buildCmRequestFixture({ pretty: true })
        .trim()
        .replace(/^<\?xml[^>]*>\n/, ''),
    ],
    ['namespace-prefix', strict.replace(/cp:/g, 'ns0:').replace('xmlns:cp=', 'xmlns:ns0=')],
  ])('%s: WARNING with the key, and the documents still read', (rule, payload) => {
    const report = checkQrPayload(payload);
    expect(report.verdict).toBe('WARNING');
    expect(report.checks.find((check) => check.rule === rule)).toMatchObject({
      key: 'OFF-QR-PAYLOAD',
      verdict: 'WARNING',
    });
    expect(report.documents.length).toBeGreaterThan(0);
  });

  it('a level other than M is a WARNING; over the capacity of the claimed level FAILs (OFF-QR-TOO-LARGE)', () => {
    expect(verdictOf(checkQrPayload(strict, { level: 'Q' }), 'level')).toBe('WARNING');
    const report = checkQrPayload(strict, { level: 'H' });
    expect(strict.length).toBeGreaterThan(capacityBytes('H'));
    expect(report.checks.find((check) => check.rule === 'capacity')).toMatchObject({
      key: 'OFF-QR-TOO-LARGE',
      verdict: 'FAIL',
    });
  });

  it('FAILs what is not a CMRequest, and a CMRequest that breaks the schema rules', () => {
    const hello = checkQrPayload('hello');
    expect(hello.verdict).toBe('FAIL');
    expect(verdictOf(hello, 'cmrequest')).toBe('FAIL');
    // MessageId has at most 35 characters in the schema.
    const broken = checkQrPayload(
      strict.replace(/<ct:MessageId>[^<]*</, `<ct:MessageId>${'y'.repeat(40)}<`),
    );
    expect(verdictOf(broken, 'cmrequest')).toBe('PASS');
    expect(verdictOf(broken, 'schema-rules')).toBe('FAIL');
    expect(broken.checks.find((check) => check.rule === 'schema-rules')?.message).toContain(
      'MessageId',
    );
  });
});
