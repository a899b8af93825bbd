import { describe, expect, it } from 'vitest';
import { decodeRgba } from './decode.ts';
import { encodeQr, type QrSymbol } from './encode.ts';
import { renderRgba } from './render-rgba.ts';
import { renderSvg } from './render-svg.ts';
import { renderTerminal } from './render-terminal.ts';

const symbol = encodeQr('consent-sim');

/** Reads the whole image back from half-block text: true where the text shows a dark module. */
function imageFromTerminal(text: string, ink: 'light' | 'dark'): boolean[][] {
  expect(text.endsWith('\n')).toBe(true);
  const rows: boolean[][] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const glyphs = Array.from(line);
    rows.push(glyphs.map((glyph) => glyph === '█' || glyph === '▀'));
    rows.push(glyphs.map((glyph) => glyph === '█' || glyph === '▄'));
  }
  return rows.map((row) => row.map((inked) => (ink === 'dark' ? inked : !inked)));
}

/** The symbol's modules inside an image with a `margin`-module quiet zone. */
function modulesInside(image: boolean[][], margin: number): boolean[][] {
  return image
    .slice(margin, margin + symbol.size)
    .map((row) => row.slice(margin, margin + symbol.size));
}

describe('encodeQr', () => {
  it('exposes version, size and a square boolean matrix with the three finder patterns', () => {
    expect(symbol).toMatchObject({ version: 1, size: 21, level: 'M', payloadBytes: 11 });
    expect(symbol.modules).toHaveLength(21);
    expect(symbol.modules.every((row) => row.length === 21)).toBe(true);
    const finderTopRow = [true, true, true, true, true, true, true, false];
    expect(symbol.modules[0]?.slice(0, 8)).toEqual(finderTopRow);
    expect(symbol.modules[0]?.slice(13)).toEqual([...finderTopRow].reverse());
    expect(symbol.modules[20]?.slice(0, 8)).toEqual(finderTopRow);
  });
});

describe('renderRgba', () => {
  it('draws each module as scale × scale pixels inside the quiet zone', () => {
    const image = renderRgba(symbol, { scale: 3, margin: 2 });
    expect(image.width).toBe((21 + 4) * 3);
    const pixel = (x: number, y: number) =>
      Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([255, 255, 255, 255]); // quiet zone
    expect(pixel(6, 6)).toEqual([0, 0, 0, 255]); // module (0, 0), a finder corner
    expect(pixel(8, 8)).toEqual([0, 0, 0, 255]); // same module, last pixel
    expect(pixel(9, 9)).toEqual([255, 255, 255, 255]); // module (1, 1), light ring of the finder
    expect(pixel(6 + 3 * 7, 6)).toEqual([255, 255, 255, 255]); // module (0, 7), separator
  });

  it('refuses a fractional scale or a negative margin', () => {
    expect(() => renderRgba(symbol, { scale: 1.5 })).toThrow(/scale must be a whole number/);
    expect(() => renderRgba(symbol, { margin: -1 })).toThrow(/margin must be a whole number/);
  });
});

describe('renderSvg', () => {
  it('covers exactly the dark modules with unit-height runs', () => {
    const svg = renderSvg(symbol, { scale: 5, margin: 4 });
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="145" height="145" viewBox="0 0 29 29"/,
    );
    const covered = new Set<string>();
    for (const [, x, y, length] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let dx = 0; dx < Number(length); dx++)
        covered.add(`${Number(x) + dx - 4},${Number(y) - 4}`);
    }
    const dark = new Set<string>();
    symbol.modules.forEach((row, y) => {
      row.forEach((isDark, x) => {
        if (isDark) dark.add(`${x},${y}`);
      });
    });
    expect(covered).toEqual(dark);
  });
});

describe('renderTerminal', () => {
  it.each(['light', 'dark'] as const)(
    'ink %s: the half blocks give back the module matrix',
    (ink) => {
      const text = renderTerminal(symbol, { ink, margin: 4 });
      const lines = text.slice(0, -1).split('\n');
      expect(lines).toHaveLength(Math.ceil((21 + 8) / 2));
      expect(lines.every((line) => Array.from(line).length === 29)).toBe(true);
      const image = imageFromTerminal(text, ink);
      expect(modulesInside(image, 4)).toEqual(symbol.modules);
      // Quiet zone: no dark module in the first four rows (the odd last half-row is padding).
      expect(image.slice(0, 4).flat().some(Boolean)).toBe(false);
    },
  );

  it('the default (light-ink) text scans when drawn light-on-dark', () => {
    const image = imageFromTerminal(renderTerminal(symbol), 'light').slice(0, 29);
    const whole: QrSymbol = { ...symbol, size: image.length, modules: image };
    expect(decodeRgba(renderRgba(whole, { margin: 0 }))).toBe('consent-sim');
  });
});
