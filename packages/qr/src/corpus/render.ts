/**
 * Corpus case → image file and pixels. Degradations run in gray; the result is stored the way a
 * customer would hand it over (PNG, or JPEG for the 'jpeg' and 'photo' classes), and the pixels
 * are read back from that file, so every reader (ours, jsqr, zbarimg) sees the same image.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { encodeQr } from '../encode.ts';
import { readImage } from '../image-input.ts';
import { type RgbaImage, renderRgba } from '../render-rgba.ts';
import { type CorpusCase, corpusPayload } from './cases.ts';
import { type GrayImage, perspective, type Quad, rescale, rotate } from './geometry.ts';
import {
  addNoise,
  gaussianBlur,
  printAndScan,
  reduceContrast,
  unevenLight,
} from './photometric.ts';
import { seededRandom } from './random.ts';

/** A rendered corpus case. */
export interface CorpusImage {
  corpusCase: CorpusCase;
  /** The text the QR code holds. */
  payload: string;
  format: 'png' | 'jpeg';
  /** The image file as handed over. */
  file: Uint8Array;
  /** The file's pixels (decoded from `file`). */
  pixels: RgbaImage;
}

/**
 * Renders one case: encode the payload at the case's level, draw it at its module size, degrade,
 * store as PNG or JPEG.
 *
 * @example
 * ```ts
 * const { file, payload } = renderCorpusCase(corpusCases({ classes: ['photo'] })[0]);
 * ```
 */
export function renderCorpusCase(corpusCase: CorpusCase): CorpusImage {
  const payload = corpusPayload(corpusCase.payloadBytes);
  const symbol = encodeQr(payload, { level: corpusCase.level });
  const clean = toGray(renderRgba(symbol, { scale: corpusCase.moduleSize }));
  const degraded = degrade(clean, corpusCase);
  const quality = corpusCase.params.quality;
  const rgba = toRgba(degraded);
  const file = quality === undefined ? encodePng(rgba) : encodeJpeg(rgba, quality);
  return {
    corpusCase,
    payload,
    format: quality === undefined ? 'png' : 'jpeg',
    file,
    pixels: quality === undefined ? rgba : readImage(file),
  };
}

function degrade(image: GrayImage, corpusCase: CorpusCase): GrayImage {
  const random = seededRandom(corpusCase.seed);
  const p = corpusCase.params;
  switch (corpusCase.degradation) {
    case 'undistorted':
      return image;
    case 'rescale-bilinear':
      return rescale(image, p.factor ?? 1, 'bilinear');
    case 'rescale-nearest':
      return rescale(image, p.factor ?? 1, 'nearest');
    case 'rotated':
      return rotate(image, p.degrees ?? 0);
    case 'perspective':
      return perspective(image, scaleQuad(p.corners, image));
    case 'blurred':
      return gaussianBlur(image, p.sigma ?? 1);
    case 'noisy':
      return addNoise(image, p.noise ?? 0, random);
    case 'low-contrast':
      return reduceContrast(image, p.contrast ?? 1, p.mid ?? 127.5);
    case 'jpeg':
      return rescale(image, p.factor ?? 1, 'bilinear');
    case 'photo': {
      const seen = rotate(perspective(image, scaleQuad(p.corners, image)), p.degrees ?? 0);
      const lit = unevenLight(
        gaussianBlur(seen, p.sigma ?? 1),
        p.light ?? 0,
        random.between(0, 6.28),
      );
      return addNoise(reduceContrast(lit, p.contrast ?? 1, p.mid ?? 127.5), p.noise ?? 0, random);
    }
    case 'print-scan': {
      const scanned = gaussianBlur(rotate(image, p.degrees ?? 0), p.sigma ?? 1);
      return printAndScan(scanned, p.threshold ?? 128, p.speckle ?? 0, random);
    }
  }
}

/** Corners given as fractions of the image → pixel coordinates. */
function scaleQuad(corners: Quad | undefined, image: GrayImage): Quad {
  const unit: Quad = corners ?? [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];
  const w = image.width - 1;
  const h = image.height - 1;
  return unit.map(([x, y]) => [x * w, y * h]) as Quad;
}

function toGray(image: RgbaImage): GrayImage {
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4] ?? 255;
  return { data, width: image.width, height: image.height };
}

function toRgba(image: GrayImage): RgbaImage {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  image.data.forEach((value, i) => {
    data[i * 4] = value;
    data[i * 4 + 1] = value;
    data[i * 4 + 2] = value;
    data[i * 4 + 3] = 255;
  });
  return { data, width: image.width, height: image.height };
}

function encodePng(image: RgbaImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const file = PNG.sync.write(png, { colorType: 0, inputColorType: 6 });
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}

function encodeJpeg(image: RgbaImage, quality: number): Uint8Array {
  const encoded = jpeg.encode(
    { data: image.data, width: image.width, height: image.height },
    quality,
  );
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}
