/** QR symbol → text of Unicode half blocks, for scanning a code straight off a terminal. */
import type { QrSymbol } from './encode.ts';

/** Options for `renderTerminal`. */
export interface TerminalOptions {
  /** Quiet zone in modules on every side; 4 by default. */
  margin?: number;
  /**
   * Which modules the glyphs draw. 'light' (default) suits light-on-dark terminals: the glyphs
   * paint the light modules and the dark background shows through as the dark ones. 'dark' suits
   * dark-on-light terminals and paper.
   */
  ink?: 'light' | 'dark';
}

const BLOCKS = { none: ' ', upper: '▀', lower: '▄', both: '█' } as const;

/**
 * Renders `symbol` two module rows per text line with half-block characters, quiet zone included.
 * Lines end with "\n"; the text has `ceil((size + 2 × margin) / 2)` lines.
 *
 * @example
 * ```ts
 * process.stdout.write(renderTerminal(encodeQr(payload)));
 * ```
 */
export function renderTerminal(
  symbol: QrSymbol,
  { margin = 4, ink = 'light' }: TerminalOptions = {},
): string {
  if (!Number.isInteger(margin) || margin < 0) {
    throw new RangeError(
      `consent-sim: renderTerminal margin must be a whole number ≥ 0 (modules of quiet zone), got ${margin}`,
    );
  }
  const side = symbol.size + 2 * margin;
  const isDark = (row: number, column: number): boolean =>
    symbol.modules[row - margin]?.[column - margin] ?? false;
  const inked = (row: number, column: number): boolean => {
    // Below the last row (odd side) is outside the image: never inked.
    if (row >= side) return false;
    switch (ink) {
      case 'light':
        return !isDark(row, column);
      case 'dark':
        return isDark(row, column);
    }
  };
  let text = '';
  for (let row = 0; row < side; row += 2) {
    for (let column = 0; column < side; column++) {
      const top = inked(row, column);
      const bottom = inked(row + 1, column);
      text += top ? (bottom ? BLOCKS.both : BLOCKS.upper) : bottom ? BLOCKS.lower : BLOCKS.none;
    }
    text += '\n';
  }
  return text;
}
