/** QR symbol → PNG file bytes (what the DSO sends by e-mail or prints, step CM_REQ_OFF_VNB_03). */
import { PNG } from 'pngjs';
import type { QrSymbol } from './encode.ts';
import { type RenderOptions, renderRgba } from './render-rgba.ts';

/**
 * Encodes `symbol` as an 8-bit grayscale PNG: black modules, white background, quiet zone.
 *
 * @example
 * ```ts
 * const png = renderPng(encodeQr(payload), { scale: 4, margin: 4 });
 * decodePng(png) === payload; // true
 * ```
 */
export function renderPng(symbol: QrSymbol, options: RenderOptions = {}): Uint8Array {
  const image = renderRgba(symbol, options);
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  // Grayscale without alpha: a QR image has two colours, so the file is a quarter of RGBA.
  const file = PNG.sync.write(png, { colorType: 0, inputColorType: 6 });
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}
