/** QR symbol → SVG text (scales without blur for print, step CM_REQ_OFF_VNB_03 by post). */
import type { QrSymbol } from './encode.ts';
import { type RenderOptions, resolveRenderOptions } from './render-rgba.ts';

/**
 * Draws `symbol` as one SVG path in module units (one horizontal run of dark modules per
 * sub-path) on a white rectangle; `scale` sets the width and height attributes in pixels.
 *
 * @example
 * ```ts
 * const svg = renderSvg(encodeQr(payload), { scale: 8 });
 * svg.startsWith('<svg'); // true
 * ```
 */
export function renderSvg(symbol: QrSymbol, options: RenderOptions = {}): string {
  const { scale, margin } = resolveRenderOptions(options);
  const side = symbol.size + 2 * margin;
  const runs: string[] = [];
  symbol.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      runs.push(`M${start + margin} ${y + margin}h${x - start}v1h-${x - start}z`);
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side * scale}" height="${side * scale}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`,
    `<rect width="${side}" height="${side}" fill="#fff"/>`,
    `<path fill="#000" d="${runs.join('')}"/>`,
    '</svg>',
  ].join('');
}
