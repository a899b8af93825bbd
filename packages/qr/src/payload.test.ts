import { describe, expect, it } from 'vitest';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { QrDecodeError, QrPayloadError } from './errors.ts';
import { packRequests, unpackRequests } from './payload.ts';

const first = buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000001' });
const second = buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000002' });

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('packRequests (OFF-QR-PAYLOAD)', () => {
  it('joins one-line documents with a single "\\n" and unpacks them unchanged', () => {
    const payload = packRequests([first, second]);
    expect(payload).toBe(`${first}\n${second}`);
    expect(unpackRequests(payload)).toEqual([first, second]);
  });

  it('drops the XML declaration and pretty-printing whitespace, keeping text as it is', () => {
    const pretty = buildCmRequestFixture({ pretty: true, purpose: 'zwei  Leerzeichen > eins' });
    expect(pretty).toContain('<?xml');
    expect(pretty.split('\n').length).toBeGreaterThan(20);
    expect(packRequests([pretty])).toBe(
      buildCmRequestFixture({ purpose: 'zwei  Leerzeichen > eins' }),
    );
  });

  it('refuses an empty list', () => {
    expect(thrownBy(() => packRequests([]))).toMatchObject({
      documentIndex: -1,
      message: expect.stringContaining('at least one cp:CMRequest'),
    });
  });

  it('refuses a line break inside text and names the document', () => {
    const broken = buildCmRequestFixture({ purpose: 'Zeile eins\nZeile zwei' });
    const error = thrownBy(() => packRequests([first, broken]));
    expect(error).toBeInstanceOf(QrPayloadError);
    expect(error).toMatchObject({
      documentIndex: 1,
      message: expect.stringMatching(/document 1 still has a line break/),
    });
  });

  it('refuses a document that is not a CMRequest', () => {
    const notification =
      '<cp:CMNotification xmlns:cp="http://www.ebutilities.at/schemata/customerconsent/cmnotification/01p20"><cp:MarketParticipantDirectory/><cp:ProcessDirectory/></cp:CMNotification>';
    expect(() => packRequests([notification])).toThrow(/document 0 is a CMNotification document/);
  });
});

describe('unpackRequests', () => {
  it.each([
    ['a trailing line break', `${first}\n`, /line 2 of 2 .* is empty/],
    ['a blank line between documents', `${first}\n\n${second}`, /line 2 of 3 .* is empty/],
    ['CRLF line ends', `${first}\r\n${second}`, /line 1 of 2 .* carriage return/],
    ['an XML declaration', `<?xml version="1.0"?>${first}`, /line 1 of 1 .* XML declaration/],
    ['plain text', 'hello', /line 1 of 1 .* is not an XML document: found "hello"/],
    ['text after a document', `${first}\nsee you`, /line 2 of 2 .* found "see you"/],
  ])('refuses %s, naming the line', (_case, payload, message) => {
    const error = thrownBy(() => unpackRequests(payload));
    expect(error).toBeInstanceOf(QrDecodeError);
    expect(error).toMatchObject({ code: 'not-cmrequest', message: expect.stringMatching(message) });
  });
});
