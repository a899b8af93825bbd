/**
 * QR symbol → RGBA pixels, written straight from the module matrix (no PNG round trip: the engine
 * renders and decodes a QR image on every CM_REQ_OFF_BP_04 hand-over, see bench/qr.ts).
 */
import type { QrSymbol } from './encode.ts';

/** An RGBA image, 4 bytes per pixel, rows top to bottom: what jsqr and canvas ImageData use. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const WHITE = 0xffffffff;
const BLACK = new Uint32Array(Uint8Array.from([0, 0, 0, 255]).buffer)[0] ?? 0;

/** Pixel layout shared by the raster and SVG renderers. */
export interface RenderOptions {
  /** Pixels per module (a positive integer); 4 by default. */
  scale?: number;
  /** Quiet zone in modules on every side; 4 by default, the ISO/IEC 18004 minimum. */
  margin?: number;
}

/** Resolves and checks render options (integers, since a module is a whole number of pixels). */
export function resolveRenderOptions({ scale = 4, margin = 4 }: RenderOptions = {}): {
  scale: number;
  margin: number;
} {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(
      `consent-sim: render option scale must be a whole number ≥ 1 (pixels per module), got ${scale}`,
    );
  }
  if (!Number.isInteger(margin) || margin < 0) {
    throw new RangeError(
      `consent-sim: render option margin must be a whole number ≥ 0 (modules of quiet zone), got ${margin}`,
    );
  }
  return { scale, margin };
}

/**
 * Draws `symbol` as black modules on a white, opaque background.
 *
 * @example
 * ```ts
 * const image = renderRgba(encodeQr(payload), { scale: 2 });
 * decodeRgba(image) === payload; // true
 * ```
 */
export function renderRgba(symbol: QrSymbol, options: RenderOptions = {}): RgbaImage {
  const { scale, margin } = resolveRenderOptions(options);
  const side = (symbol.size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  // Whole pixels at a time through a 32-bit view (the round trip is on the engine's hot path,
  // bench/qr.ts); the byte order of BLACK comes from the platform, so it is R, G, B 0, alpha 255.
  const pixels = new Uint32Array(data.buffer);
  pixels.fill(WHITE);
  symbol.modules.forEach((row, moduleRow) => {
    const top = (moduleRow + margin) * scale;
    // Draw the module row's first pixel row run by run, then copy it down `scale - 1` times.
    let column = 0;
    while (column < row.length) {
      if (!row[column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < row.length && row[column]) column++;
      const left = top * side + (start + margin) * scale;
      pixels.fill(BLACK, left, left + (column - start) * scale);
    }
    const first = top * side;
    for (let y = 1; y < scale; y++) pixels.copyWithin(first + y * side, first, first + side);
  });
  return { data, width: side, height: side };
}
