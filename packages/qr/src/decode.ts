/**
 * QR image → payload text (step CM_REQ_OFF_SP_02: the service provider scans the code). Returns
 * the symbol's exact bytes as UTF-8: jsqr's `data` guesses a character set, so it is ignored in
 * favour of `binaryData`, decoded strictly.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { QrDecodeError } from './errors.ts';
import type { RgbaImage } from './render-rgba.ts';

// fatal: a byte sequence that is not UTF-8 is an error, not U+FFFD; ignoreBOM: keep a BOM as
// U+FEFF so the returned text is exactly the stored bytes.
// jsqr is CommonJS whose typings declare an ES default export: from ESM the default import is
// module.exports, and jsqr sets module.exports.default to the function itself, so this works in
// both the type checker's view and at run time.
const jsQR = jsQRModule.default;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Finds and reads the QR symbol in an RGBA image. Tries dark-on-light first and only then also
 * inverted images (jsqr's 'attemptBoth' costs ~50 %, TOOLCHAIN.md).
 *
 * @example
 * ```ts
 * decodeRgba(renderRgba(encodeQr('Grüße'))); // 'Grüße'
 * ```
 */
export function decodeRgba(image: RgbaImage): string {
  const expected = image.width * image.height * 4;
  if (image.data.length !== expected) {
    throw new RangeError(
      `consent-sim: decodeRgba needs width × height × 4 bytes (${image.width} × ${image.height} × 4 = ${expected}), got ${image.data.length}`,
    );
  }
  const found = readWithJsqr(image);
  if (found === null) {
    throw new QrDecodeError(
      'no-qr-code',
      `no QR code found in the ${image.width} × ${image.height} image (dark-on-light and inverted tried); send a sharper image with the whole code and its quiet zone`,
    );
  }
  return payloadText(found.bytes, found.version);
}

/**
 * jsqr on its own, dark-on-light first and only then also inverted; null when nothing was found.
 * The second, independent reader beside zxing (`decodeQrImage` with reader 'jsqr' or 'both').
 */
export function readWithJsqr(image: RgbaImage): { bytes: Uint8Array; version: number } | null {
  const found =
    jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' }) ??
    jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found === null
    ? null
    : { bytes: Uint8Array.from(found.binaryData), version: found.version };
}

/** The symbol's bytes as strict UTF-8 (OFF-QR-PAYLOAD), or QrDecodeError('not-utf8'). */
export function payloadText(bytes: Uint8Array, version?: number): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new QrDecodeError(
      'not-utf8',
      `the QR code (version ${version ?? 'unknown'}) holds ${bytes.length} bytes that are not UTF-8; OFF-QR-PAYLOAD stores UTF-8 text in byte mode: re-encode the documents as UTF-8`,
    );
  }
}

/**
 * Reads the QR symbol in a PNG file.
 *
 * @example
 * ```ts
 * decodePng(renderPng(encodeQr(payload))) === payload; // true
 * ```
 */
export function decodePng(bytes: Uint8Array): string {
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new QrDecodeError(
      'not-png',
      `the image is not a PNG file: it starts with bytes ${hex(bytes.subarray(0, 8))}, a PNG starts with ${hex(Uint8Array.from(PNG_SIGNATURE))}; send the QR code as PNG`,
    );
  }
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QrDecodeError(
      'not-png',
      `the PNG file (${bytes.length} bytes) cannot be read: ${reason}; send an undamaged PNG`,
    );
  }
  // pngjs always unpacks to 8-bit RGBA, whatever the file's colour type.
  const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength);
  return decodeRgba({ data, width: png.width, height: png.height });
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ') || '(none)';
}
