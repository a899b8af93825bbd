import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { decodeRgba } from './decode.ts';
import { decodeQrImage } from './decode-image.ts';
import { encodeQr } from './encode.ts';
import { readImageHeader } from './image-input.ts';
import { loadNodeZxingReader } from './node/index.ts';
import { renderPng } from './render-png.ts';
import { renderRgba } from './render-rgba.ts';
import type { QrImageReader } from './zxing-reader.ts';

const payload = buildCmRequestFixture();
const symbol = encodeQr(payload, { level: 'Q' });
const zxing = await loadNodeZxingReader();

/** A PNG header (signature + IHDR) that claims `width` × `height`, with no pixel data at all. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe('decodeQrImage', () => {
  it('reads a PNG with zxing, the exact text, and reports level and version', async () => {
    const decoded = await decodeQrImage(renderPng(symbol), { zxing });
    expect(decoded).toMatchObject({ text: payload, readBy: 'zxing', level: 'Q', source: 'png' });
    expect(decoded.version).toBe(symbol.version);
  });

  it('reads a JPEG (jpeg-js) and RGBA pixels, with zxing and with jsqr', async () => {
    const pixels = renderRgba(symbol, { scale: 3 });
    const file = jpeg.encode({ ...pixels }, 60).data;
    const fromJpeg = await decodeQrImage(new Uint8Array(file), { zxing });
    expect(fromJpeg).toMatchObject({ text: payload, source: 'jpeg' });
    expect(await decodeQrImage(pixels, { reader: 'jsqr' })).toMatchObject({
      text: payload,
      readBy: 'jsqr',
      source: 'rgba',
    });
  });

  it("'both' returns zxing's text and reports when the readers differ", async () => {
    const agreeing = await decodeQrImage(renderRgba(symbol), { zxing, reader: 'both' });
    expect(agreeing.disagreement).toBeUndefined();
    const blind: QrImageReader = { name: 'zxing', read: async () => null };
    const lopsided = await decodeQrImage(renderRgba(symbol), { zxing: blind, reader: 'both' });
    expect(lopsided).toMatchObject({
      readBy: 'jsqr',
      disagreement: { zxing: null, jsqr: payload },
    });
    const liar: QrImageReader = {
      name: 'zxing',
      read: async () => ({ bytes: new TextEncoder().encode('something else') }),
    };
    const differing = await decodeQrImage(renderRgba(symbol), { zxing: liar, reader: 'both' });
    expect(differing.disagreement).toEqual({ zxing: 'something else', jsqr: payload });
  });

  it('refuses a PNG declaring 20000 × 20000 from its header alone, naming the limit', async () => {
    const error = await decodeQrImage(pngHeader(20000, 20000), { zxing }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'image-too-large' });
    expect(String(error)).toContain('over the limit of 50,000,000 pixels (maxPixels)');
    await expect(decodeQrImage(renderPng(symbol), { zxing, maxPixels: 1000 })).rejects.toThrow(
      /over the limit of 1,000 pixels/,
    );
  });

  it('names what a file is when it is neither PNG nor JPEG, and needs a zxing reader', async () => {
    await expect(decodeQrImage(new Uint8Array([1, 2, 3]), { zxing })).rejects.toMatchObject({
      code: 'not-image',
    });
    await expect(decodeQrImage(renderRgba(symbol))).rejects.toThrow(/needs options\.zxing/);
  });

  it('reads width and height from a JPEG header', () => {
    const file = new Uint8Array(jpeg.encode({ ...renderRgba(symbol, { scale: 1 }) }, 80).data);
    expect(readImageHeader(file)).toEqual({
      format: 'jpeg',
      width: symbol.size + 8,
      height: symbol.size + 8,
    });
  });

  it('leaves the synchronous jsqr API as it was (the simulated SP depends on it)', () => {
    expect(decodeRgba(renderRgba(symbol))).toBe(payload);
  });
});
