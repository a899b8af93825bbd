import { buildEdaXml, parseEdaXml } from '@consent-sim/messages';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { decodeCmRequestPayload } from './cmrequest-payload.ts';
import { decodePng, decodeRgba } from './decode.ts';
import { encodeQr, type QrSymbol } from './encode.ts';
import { QrDecodeError } from './errors.ts';
import { packRequests } from './payload.ts';
import { renderPng } from './render-png.ts';
import { renderRgba } from './render-rgba.ts';

const umlauts = 'Zählpunkt für Österreich: „Größe“ ✓ €';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A symbol from raw bytes (not necessarily UTF-8), built with qrcode directly. */
function symbolOfBytes(bytes: Uint8Array): QrSymbol {
  const code = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => data[row * size + column] === 1),
  );
  return { version: code.version, size, modules, level: 'M', payloadBytes: bytes.length };
}

describe('round trips', () => {
  it('PNG: UTF-8 text with umlauts comes back byte for byte', () => {
    const png = renderPng(encodeQr(umlauts));
    expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(decodePng(png)).toBe(umlauts);
  });

  it('RGBA: UTF-8 text with umlauts comes back byte for byte', () => {
    expect(decodeRgba(renderRgba(encodeQr(umlauts)))).toBe(umlauts);
  });

  it('keeps a leading byte-order mark instead of swallowing it', () => {
    expect(decodeRgba(renderRgba(encodeQr('\uFEFF<x/>')))).toBe('\uFEFF<x/>');
  });

  it('stores the payload in byte mode even when it is all digits', () => {
    // qrcode would pick numeric mode for "0123…" on its own; byte mode keeps one rule for scanners.
    const digits = '0'.repeat(100);
    const symbol = encodeQr(digits);
    expect(symbol.payloadBytes).toBe(100);
    expect(symbol.version).toBe(
      QRCode.create([{ data: new TextEncoder().encode(digits), mode: 'byte' }]).version,
    );
    expect(symbol.version).toBeGreaterThan(QRCode.create(digits).version);
    expect(decodeRgba(renderRgba(symbol))).toBe(digits);
  });

  it('reads an inverted (light-on-dark) image by falling back to inversion', () => {
    const image = renderRgba(encodeQr('inverted'));
    for (let index = 0; index < image.data.length; index += 4) {
      for (const channel of [0, 1, 2])
        image.data[index + channel] = 255 - (image.data[index + channel] ?? 0);
    }
    expect(decodeRgba(image)).toBe('inverted');
  });
});

describe('decodeCmRequestPayload', () => {
  it('returns the documents of a two-metering-point payload at level L', () => {
    const documents = [
      buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000001' }),
      buildCmRequestFixture({ meteringPoint: 'AT0010000000000000000000000000002' }),
    ];
    const payload = packRequests(documents);
    const result = decodeCmRequestPayload(renderPng(encodeQr(payload, { level: 'L' })));
    expect(result.payload).toBe(payload);
    expect(result.documents).toEqual(documents);
    expect(
      result.parsed.map(({ document, issues }) => [
        document.version,
        document.processDirectory.meteringPoint,
        issues,
      ]),
    ).toEqual([
      ['01.30', 'AT0010000000000000000000000000001', []],
      ['01.30', 'AT0010000000000000000000000000002', []],
    ]);
  });

  it('reads RGBA pixels as well as PNG bytes', () => {
    const document = buildCmRequestFixture();
    expect(decodeCmRequestPayload(renderRgba(encodeQr(document))).documents).toEqual([document]);
  });

  it('carries a document written by @consent-sim/messages (buildEdaXml, compact) unchanged', () => {
    const { document } = parseEdaXml(buildCmRequestFixture({ purpose: 'Wärmepumpe' }));
    const xml = buildEdaXml(document, { compact: true, declaration: false });
    const result = decodeCmRequestPayload(renderPng(encodeQr(packRequests([xml]))));
    expect(result.documents).toEqual([xml]);
    expect(result.parsed[0]?.document).toEqual(document);
  });

  it('tolerant: reads the other readings of OFF-QR-PAYLOAD (declarations kept, pretty print, CRLF); strict refuses them', () => {
    const one = buildCmRequestFixture();
    const two = buildCmRequestFixture({ purpose: 'Wärmepumpe' });
    const declared = `<?xml version="1.0"?>${one}\r\n<?xml version="1.0"?>\n${two}\n`;
    const image = renderRgba(encodeQr(declared, { level: 'L' }));
    expect(decodeCmRequestPayload(image, { tolerant: true }).documents).toEqual([one, two]);
    expect(thrownBy(() => decodeCmRequestPayload(image))).toMatchObject({ code: 'not-cmrequest' });
    const pretty = buildCmRequestFixture({ pretty: true });
    const read = decodeCmRequestPayload(renderRgba(encodeQr(pretty)), { tolerant: true });
    expect(read.parsed[0]?.document).toEqual(parseEdaXml(pretty).document);
  });

  it("'not-cmrequest' for a CMRequest that is not well-formed XML", () => {
    const CP = 'http://www.ebutilities.at/schemata/customerconsent/cmrequest/01p30';
    const broken = `<cp:CMRequest xmlns:cp="${CP}"><cp:MarketParticipantDirectory><cp:ProcessDirectory></cp:CMRequest>`;
    const error = thrownBy(() => decodeCmRequestPayload(renderRgba(encodeQr(broken))));
    expect(error).toMatchObject({
      code: 'not-cmrequest',
      message: expect.stringMatching(
        /line 1 of 1 .* cannot be read as an EDA document: XML input refused/,
      ),
    });
  });

  it('\'not-cmrequest\' for a QR code of "hello", saying what was found', () => {
    const error = thrownBy(() => decodeCmRequestPayload(renderPng(encodeQr('hello'))));
    expect(error).toBeInstanceOf(QrDecodeError);
    expect(error).toMatchObject({
      code: 'not-cmrequest',
      message: expect.stringContaining('found "hello"'),
    });
  });

  it("'not-cmrequest' for XML that is another document type, naming the line", () => {
    const payload = `${buildCmRequestFixture()}\n<cp:CMRevoke xmlns:cp="http://www.ebutilities.at/schemata/customerconsent/cmrevoke/01p10"/>`;
    const error = thrownBy(() =>
      decodeCmRequestPayload(renderRgba(encodeQr(payload, { level: 'L' }))),
    );
    expect(error).toMatchObject({
      code: 'not-cmrequest',
      message: expect.stringMatching(/line 2 of 2 .* is a CMRevoke document/),
    });
  });
});

describe('decode errors', () => {
  it("'no-qr-code' for a PNG without a QR code", () => {
    const blank = renderPng({ version: 1, size: 21, modules: [], level: 'M', payloadBytes: 0 });
    const error = thrownBy(() => decodePng(blank));
    expect(error).toBeInstanceOf(QrDecodeError);
    expect(error).toMatchObject({
      code: 'no-qr-code',
      message: expect.stringContaining('116 × 116'),
    });
  });

  it("'not-png' for garbage bytes, showing the first bytes", () => {
    const error = thrownBy(() => decodePng(new TextEncoder().encode('GIF89a garbage')));
    expect(error).toMatchObject({
      code: 'not-png',
      message: expect.stringContaining('47 49 46 38 39 61 20 67'),
    });
  });

  it("'not-png' for a PNG cut in half", () => {
    const png = renderPng(encodeQr('cut'));
    const error = thrownBy(() => decodePng(png.subarray(0, png.length >> 1)));
    expect(error).toMatchObject({
      code: 'not-png',
      message: expect.stringContaining('cannot be read'),
    });
  });

  it("'not-utf8' for a symbol whose bytes are not UTF-8", () => {
    const latin1 = Uint8Array.from([0x3c, 0x78, 0x3e, 0xe4, 0x3c, 0x2f, 0x78, 0x3e]); // "<x>ä</x>" in ISO-8859-1
    const error = thrownBy(() => decodeRgba(renderRgba(symbolOfBytes(latin1))));
    expect(error).toMatchObject({ code: 'not-utf8', message: expect.stringContaining('8 bytes') });
  });

  it('refuses an RGBA buffer whose size does not match its dimensions', () => {
    expect(() => decodeRgba({ data: new Uint8ClampedArray(10), width: 2, height: 2 })).toThrow(
      /2 × 2 × 4 = 16/,
    );
  });
});
