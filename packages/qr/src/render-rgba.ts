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
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  const rowBytes = side * 4;
  symbol.modules.forEach((row, moduleRow) => {
    const top = (moduleRow + margin) * scale;
    row.forEach((dark, moduleColumn) => {
      if (!dark) return;
      const left = (moduleColumn + margin) * scale;
      for (let y = top; y < top + scale; y++) {
        const start = y * rowBytes + left * 4;
        // Black pixel = R, G, B 0 with alpha kept at 255.
        for (let offset = start; offset < start + scale * 4; offset += 4) {
          data[offset] = 0;
          data[offset + 1] = 0;
          data[offset + 2] = 0;
        }
      }
    });
  });
  return { data, width: side, height: side };
}
