/**
 * QR image as customers hand it over → payload text (step CM_REQ_OFF_SP_02), asynchronously:
 * PNG, JPEG or RGBA pixels, read by zxing (primary), jsqr (the independent second reader), or both
 * with any disagreement reported. The synchronous `decodePng` / `decodeRgba` (jsqr only) stay as
 * they are for the simulated service provider, whose scan must be synchronous and deterministic.
 */
import type { QrLevel } from './capacity.ts';
import { payloadText, readWithJsqr } from './decode.ts';
import { QrDecodeError } from './errors.ts';
import { checkPixelCount, DEFAULT_MAX_PIXELS, type ImageFormat, readImage } from './image-input.ts';
import type { RgbaImage } from './render-rgba.ts';
import type { QrImageReader, QrReading } from './zxing-reader.ts';

/** Which reader decodes: zxing (default), jsqr, or both (and compare). */
export type QrReaderChoice = 'zxing' | 'jsqr' | 'both';

/** Options for `decodeQrImage`. */
export interface DecodeQrImageOptions {
  /** 'zxing' by default. */
  reader?: QrReaderChoice;
  /** The loaded zxing reader (`loadZxingReader`); required unless `reader` is 'jsqr'. */
  zxing?: QrImageReader;
  /** Largest width × height accepted, checked before decoding; `DEFAULT_MAX_PIXELS` by default. */
  maxPixels?: number;
}

/** Both readers ran and did not return the same bytes; null where a reader found nothing. */
export interface ReaderDisagreement {
  zxing: string | null;
  jsqr: string | null;
}

/** A decoded QR image. */
export interface DecodedQrImage {
  /** Exact payload text (strict UTF-8 of the symbol's bytes). */
  text: string;
  /** The reader whose text is returned (zxing whenever it read the code). */
  readBy: 'zxing' | 'jsqr';
  /** Error-correction level of the symbol, when the reader reports it (zxing does). */
  level?: QrLevel;
  version?: number;
  source: ImageFormat | 'rgba';
  width: number;
  height: number;
  /** Only with reader 'both', when the readers differ. */
  disagreement?: ReaderDisagreement;
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes the QR code in a PNG/JPEG file or an RGBA image. Throws `QrDecodeError` ('not-image',
 * 'image-too-large', 'not-png', 'not-jpeg', 'no-qr-code', 'not-utf8').
 *
 * @example
 * ```ts
 * const zxing = await loadNodeZxingReader(); // from '@consent-sim/qr/node'
 * const { text, level } = await decodeQrImage(photoJpeg, { zxing });
 * const both = await decodeQrImage(scanPng, { zxing, reader: 'both' });
 * if (both.disagreement) report(both.disagreement);
 * ```
 */
export async function decodeQrImage(
  input: Uint8Array | RgbaImage,
  { reader = 'zxing', zxing, maxPixels = DEFAULT_MAX_PIXELS }: DecodeQrImageOptions = {},
): Promise<DecodedQrImage> {
  let image: RgbaImage;
  let source: ImageFormat | 'rgba';
  if (input instanceof Uint8Array) {
    const read = readImage(input, { maxPixels });
    image = read;
    source = read.format;
  } else {
    checkPixelCount(input.width, input.height, maxPixels, 'RGBA');
    image = input;
    source = 'rgba';
  }
  const frame = { source, width: image.width, height: image.height };
  if (reader !== 'jsqr' && zxing === undefined) {
    throw new TypeError(
      `consent-sim: decodeQrImage with reader '${reader}' needs options.zxing: load it with loadZxingReader(wasmBytes), or loadNodeZxingReader() from '@consent-sim/qr/node'`,
    );
  }
  const fromZxing = reader === 'jsqr' ? null : await (zxing as QrImageReader).read(image);
  const fromJsqr = reader === 'zxing' ? null : readWithJsqr(image);
  const chosen: [QrReading, 'zxing' | 'jsqr'] | null = fromZxing
    ? [fromZxing, 'zxing']
    : fromJsqr
      ? [fromJsqr, 'jsqr']
      : null;
  if (chosen === null) {
    throw new QrDecodeError(
      'no-qr-code',
      `no QR code found in the ${image.width} × ${image.height} ${source.toUpperCase()} image by ${reader === 'both' ? 'zxing or jsqr' : reader} (rotated and inverted codes tried); send a sharper image with the whole code and its quiet zone`,
    );
  }
  const [reading, readBy] = chosen;
  const decoded: DecodedQrImage = {
    text: payloadText(reading.bytes, reading.version),
    readBy,
    ...(reading.level ? { level: reading.level } : {}),
    ...(reading.version ? { version: reading.version } : {}),
    ...frame,
  };
  if (reader === 'both' && !sameBytes(fromZxing?.bytes, fromJsqr?.bytes)) {
    decoded.disagreement = {
      zxing: fromZxing ? lenient.decode(fromZxing.bytes) : null,
      jsqr: fromJsqr ? lenient.decode(fromJsqr.bytes) : null,
    };
  }
  return decoded;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
