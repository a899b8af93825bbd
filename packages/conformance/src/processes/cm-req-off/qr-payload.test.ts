// The QR payload of a SUT DSO's letter is judged by OFF-QR-PAYLOAD rule by rule (issue 16): the
// strict form passes, the readings a tolerant SP reads WARN, a schema-broken template FAILs,
// and a hand-over (the customer passing on what the DSO wrote) is not the sender's to answer for.
import { buildEdaXml, sampleEdaDocument } from '@consent-sim/messages';
import { packRequests } from '@consent-sim/qr';
import { describe, expect, it } from 'vitest';
import { worstOf } from '../../sut/judge/findings.ts';
import { cmReqOffQrPayload } from './qr-payload.ts';

const template = (seed: number) =>
  buildEdaXml(sampleEdaDocument('ANFORDERUNG_CMQF', { seed }), {
    compact: true,
    declaration: false,
  });
const strict = packRequests([template(1), template(2)]);
const read = (qrPayload: string, channel = 'post') =>
  cmReqOffQrPayload.read({ channel, content: { subject: 'QR', text: '', qrPayload } });

describe('cm-req-off mail rules: the QR payload (OFF-QR-PAYLOAD)', () => {
  it('the strict form (compact CMRequests, one per line) passes every rule', () => {
    const findings = read(strict);
    expect(findings.length).toBeGreaterThan(5);
    expect(findings.filter((f) => f.verdict !== 'PASS')).toEqual([]);
  });

  it('a declaration and line breaks are WARNINGs under OFF-QR-PAYLOAD', () => {
    const pretty = `<?xml version="1.0" encoding="UTF-8"?>\n${template(1).replace(/></g, '>\n  <')}`;
    const worst = worstOf(read(pretty));
    expect(worst?.verdict).toBe('WARNING');
    expect(worst?.keys).toEqual(['OFF-QR-PAYLOAD']);
  });

  it('a template with an element the schema does not have FAILs, naming the rule and the path', () => {
    const broken = strict.replace(/(<\/\w+:MessageId>)/, '$1<cp:Remark>QR</cp:Remark>');
    const failing = read(broken).filter((f) => f.verdict === 'FAIL');
    expect(failing.map((f) => f.path)).toEqual(['$.content.qrPayload (schema-rules)']);
    expect(failing[0]?.written).toMatch(/Remark/);
  });

  it('text that is not a CMRequest FAILs; a hand-over and a letter without payload are not judged', () => {
    expect(worstOf(read('hello'))?.verdict).toBe('FAIL');
    expect(read(strict, 'handover')).toEqual([]);
    expect(cmReqOffQrPayload.read({ channel: 'post', content: { subject: 'x' } })).toEqual([]);
  });
});
