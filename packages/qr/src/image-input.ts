/**
 * Image file bytes → RGBA pixels for the QR readers (step CM_REQ_OFF_SP_02: the customer hands the
 * code over as a PNG from the e-mail, a phone photo or a scan, so JPEG counts as much as PNG). The
 * pixel count is read from the file header and checked before any pixel is decoded: a header can
 * claim 20 000 × 20 000 pixels in a few bytes, and decoding it would take 1.6 GB.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { QrDecodeError } from './errors.ts';
import type { RgbaImage } from './render-rgba.ts';

/** File formats the QR image readers accept. */
export type ImageFormat = 'png' | 'jpeg';

/** What a file header says, before decoding. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/**
 * 50 megapixels by default: a 48-megapixel phone photo (8 000 × 6 000) still passes, and the RGBA
 * buffer stays at 200 MB.
 */
export const DEFAULT_MAX_PIXELS = 50_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** JPEG start-of-frame markers that carry the size (SOF0–SOF15 without DHT, JPG and DAC). */
const JPEG_SOF = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/**
 * Reads format and size from the first bytes of a PNG (IHDR) or JPEG (first SOF segment), or
 * throws `QrDecodeError('not-image')` naming what the bytes start with.
 *
 * @example
 * ```ts
 * readImageHeader(renderPng(encodeQr('x'))); // { format: 'png', width: 116, height: 116 }
 * ```
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte) && bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegFrameSize(bytes);
    if (size !== null) return { format: 'jpeg', ...size };
  }
  const start = Array.from(bytes.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0'));
  throw new QrDecodeError(
    'not-image',
    `the file (${bytes.length} bytes) is neither a PNG nor a JPEG with a readable header: it starts with ${start.join(' ') || '(nothing)'}; send the QR code as PNG or JPEG`,
  );
}

/** Walks the JPEG segments up to the first start-of-frame; null when the file ends before one. */
function jpegFrameSize(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes (0xff 0xff …) may pad between segments.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (JPEG_SOF.has(marker)) {
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      return { width, height };
    }
    offset += 2 + length;
  }
  return null;
}

/**
 * Decodes a PNG or JPEG into RGBA pixels after checking the header's pixel count against
 * `maxPixels`. Throws `QrDecodeError`: 'not-image', 'image-too-large' (naming the limit), or
 * 'not-png' / 'not-jpeg' when the file is damaged.
 *
 * @example
 * ```ts
 * const image = readImage(jpegBytes, { maxPixels: 12_000_000 });
 * ```
 */
export function readImage(
  bytes: Uint8Array,
  { maxPixels = DEFAULT_MAX_PIXELS }: { maxPixels?: number } = {},
): RgbaImage & { format: ImageFormat } {
  const header = readImageHeader(bytes);
  checkPixelCount(header.width, header.height, maxPixels, header.format.toUpperCase());
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (header.format === 'png') {
      const png = PNG.sync.read(buffer);
      const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
      return { format: 'png', data, width: png.width, height: png.height };
    }
    const decoded = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxPixels / 1e6,
      // RGBA at the limit plus jpeg-js's own component buffers.
      maxMemoryUsageInMB: Math.ceil((maxPixels * 8) / 2 ** 20) + 64,
    });
    const data = new Uint8ClampedArray(
      decoded.data.buffer,
      decoded.data.byteOffset,
      decoded.data.length,
    );
    return { format: 'jpeg', data, width: decoded.width, height: decoded.height };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QrDecodeError(
      header.format === 'png' ? 'not-png' : 'not-jpeg',
      `the ${header.format.toUpperCase()} file (${bytes.length} bytes) cannot be read: ${reason}; send an undamaged image`,
    );
  }
}

/** Refuses an image whose width × height exceeds `maxPixels` (`what` names the source). */
export function checkPixelCount(
  width: number,
  height: number,
  maxPixels: number,
  what: string,
): void {
  if (width * height > maxPixels) {
    throw new QrDecodeError(
      'image-too-large',
      `the ${what} image is ${width} × ${height} = ${(width * height).toLocaleString('en')} pixels, over the limit of ${maxPixels.toLocaleString('en')} pixels (maxPixels); scale it down or crop it to the QR code`,
    );
  }
}
