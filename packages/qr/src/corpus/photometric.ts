/**
 * Photometric degradations of a grayscale image: focus, sensor noise, a dull print or a dim
 * photo, uneven light, and a print-and-scan look (toner threshold and speckle). All randomness
 * comes from the seeded `Random` passed in.
 */
import type { GrayImage } from './geometry.ts';
import type { Random } from './random.ts';

const clamp = (value: number): number => (value < 0 ? 0 : value > 255 ? 255 : Math.round(value));

/** Separable Gaussian blur with standard deviation `sigma` pixels (edges clamp). */
export function gaussianBlur(image: GrayImage, sigma: number): GrayImage {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = kernel.reduce((sum, weight) => sum + weight, 0);
  const weights = kernel.map((weight) => weight / total);
  const { width, height } = image;
  const pass = (source: Uint8Array, horizontal: boolean): Uint8Array => {
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const sx = horizontal ? Math.min(width - 1, Math.max(0, x + k)) : x;
          const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + k));
          sum += (source[sy * width + sx] ?? 255) * (weights[k + radius] ?? 0);
        }
        out[y * width + x] = clamp(sum);
      }
    }
    return out;
  };
  return { data: pass(pass(image.data, true), false), width, height };
}

/** Adds Gaussian noise of standard deviation `sigma` grey levels to every pixel. */
export function addNoise(image: GrayImage, sigma: number, random: Random): GrayImage {
  const data = image.data.map((value) => clamp(value + sigma * random.gaussian()));
  return { ...image, data };
}

/**
 * Squeezes the grey range to `contrast` (0.25 = a quarter of black-to-white) around `mid`: a faded
 * print, a photo in dim light.
 */
export function reduceContrast(image: GrayImage, contrast: number, mid: number): GrayImage {
  const data = image.data.map((value) => clamp(mid + (value - 127.5) * contrast));
  return { ...image, data };
}

/** Light falling off across the image (a lamp to one side): brightness × (1 − strength … 1). */
export function unevenLight(image: GrayImage, strength: number, angle: number): GrayImage {
  const { width, height } = image;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const span = Math.abs(dx) * width + Math.abs(dy) * height || 1;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t =
        ((dx >= 0 ? x : width - x) * Math.abs(dx) + (dy >= 0 ? y : height - y) * Math.abs(dy)) /
        span;
      data[y * width + x] = clamp((image.data[y * width + x] ?? 255) * (1 - strength * t));
    }
  }
  return { data, width, height };
}

/**
 * A printed-and-scanned look: binarise at `threshold` (toner spreads when it is high, fades when
 * low), then flip a fraction `speckle` of the pixels (dust, toner specks, paper grain).
 */
export function printAndScan(
  image: GrayImage,
  threshold: number,
  speckle: number,
  random: Random,
): GrayImage {
  const data = image.data.map((value) => {
    const ink = value < threshold;
    const flipped = random.next() < speckle ? !ink : ink;
    return flipped ? 0 : 255;
  });
  return { ...image, data };
}
