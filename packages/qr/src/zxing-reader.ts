/**
 * The primary QR reader: ZXing-C++ compiled to WebAssembly (npm `zxing-wasm`). Out of the box the
 * package fetches its `.wasm` from a CDN, which fails offline and would make a scan depend on the
 * network; this package does no I/O, so the caller hands over the bytes of the installed package's
 * `zxing_reader.wasm` (`@consent-sim/qr/node` reads them for Node).
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { QrLevel } from './capacity.ts';
import { medianFilter3 } from './median-filter.ts';
import type { RgbaImage } from './render-rgba.ts';

/** What a reader found in an image: the symbol's exact bytes and, when known, its level/version. */
export interface QrReading {
  bytes: Uint8Array;
  /** Error-correction level of the symbol (zxing reports it; jsqr does not). */
  level?: QrLevel;
  /** Symbol version 1–40. */
  version?: number;
}

/** A loaded QR reader over RGBA pixels; null when no QR code was found. */
export interface QrImageReader {
  readonly name: 'zxing' | 'jsqr';
  read(image: RgbaImage): Promise<QrReading | null>;
}

type ZxingInput = Parameters<typeof readBarcodes>[0];
type ZxingOptions = NonNullable<Parameters<typeof readBarcodes>[1]>;

/** One symbol, QR only; ZXing's defaults otherwise (tryHarder, tryRotate, tryInvert, tryDownscale). */
const OPTIONS: ZxingOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1 };
/**
 * First try: the image as `renderRgba` draws it (upright, square modules, quiet zone), which ZXing
 * reads without searching for finder patterns, ~40 % faster; the engine's own round trip
 * (CM_REQ_OFF_VNB_02 → SP_02) is always such an image. A photo fails this try in well under a
 * millisecond and goes on to the full search.
 */
const PURE: ZxingOptions = {
  ...OPTIONS,
  isPure: true,
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
};
const LEVELS = new Set<string>(['L', 'M', 'Q', 'H']);

/**
 * Instantiates zxing-wasm's reader from the given wasm bytes (never from the network) and returns
 * a reader. Loading takes ~30 ms; the module is shared, so later calls are cheap.
 *
 * @example
 * ```ts
 * import { loadZxingReader } from '@consent-sim/qr';
 * const zxing = await loadZxingReader(wasmBytes); // bytes of zxing-wasm/reader/zxing_reader.wasm
 * const reading = await zxing.read(renderRgba(encodeQr('hi')));
 * ```
 */
export async function loadZxingReader(
  wasmBinary: Uint8Array | ArrayBuffer,
): Promise<QrImageReader> {
  const bytes =
    wasmBinary instanceof Uint8Array
      ? wasmBinary.buffer.slice(
          wasmBinary.byteOffset,
          wasmBinary.byteOffset + wasmBinary.byteLength,
        )
      : wasmBinary;
  await prepareZXingModule({ overrides: { wasmBinary: bytes }, fireImmediately: true });
  return { name: 'zxing', read: readWithZxing };
}

async function readWithZxing(image: RgbaImage): Promise<QrReading | null> {
  // zxing-wasm takes anything shaped like ImageData ({ data, width, height }). Last pass on a
  // median-filtered copy: only images the full search missed pay for it.
  const input = image as unknown as ZxingInput;
  const found =
    (await readBarcodes(input, PURE))[0] ??
    (await readBarcodes(input, OPTIONS))[0] ??
    (await readBarcodes(medianFilter3(image) as unknown as ZxingInput, OPTIONS))[0];
  if (found === undefined || !found.isValid) return null;
  const version = Number.parseInt(found.version, 10);
  return {
    bytes: found.bytes,
    ...(LEVELS.has(found.ecLevel) ? { level: found.ecLevel as QrLevel } : {}),
    ...(Number.isInteger(version) ? { version } : {}),
  };
}
