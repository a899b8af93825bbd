/**
 * The degradation corpus: QR codes as customers hand them over in CM_REQ_OFF (step
 * CM_REQ_OFF_SP_02: a forwarded e-mail image, a phone photo, a scan of the letter). Generated from
 * a seed, nothing downloaded: each case names its payload size, level, module size and the
 * parameters of one degradation class, and renders to the same image bytes on every machine.
 */
import { capacityBytes, type QrLevel } from '../capacity.ts';
import { buildCmRequestFixture } from '../cmrequest-fixture.ts';
import type { Quad } from './geometry.ts';
import { caseSeed, type Random, seededRandom } from './random.ts';

/** One kind of damage per class, so a success rate says which damage a reader copes with. */
export const DEGRADATION_CLASSES = [
  'undistorted',
  'rescale-bilinear',
  'rescale-nearest',
  'rotated',
  'perspective',
  'blurred',
  'noisy',
  'low-contrast',
  'jpeg',
  'photo',
  'print-scan',
] as const;

export type DegradationClass = (typeof DEGRADATION_CLASSES)[number];

/** Parameters of a case's degradation (only those its class uses are set). */
export interface DegradationParams {
  factor?: number;
  degrees?: number;
  corners?: Quad;
  sigma?: number;
  noise?: number;
  contrast?: number;
  mid?: number;
  light?: number;
  quality?: number;
  threshold?: number;
  speckle?: number;
}

/** One image of the corpus, before rendering. */
export interface CorpusCase {
  /** `<class>-<index>`, stable for a given seed and size. */
  id: string;
  degradation: DegradationClass;
  /** Seed of this case alone (noise, speckle). */
  seed: number;
  payloadBytes: number;
  level: QrLevel;
  /** Pixels per module before degradation. */
  moduleSize: number;
  params: DegradationParams;
}

export interface CorpusOptions {
  /** 2026 by default. */
  seed?: number;
  /** Cases per degradation class; 20 by default. */
  perClass?: number;
  /** Only these classes (all by default). */
  classes?: readonly DegradationClass[];
}

const LEVELS: readonly QrLevel[] = ['L', 'M', 'Q'];
const MODULE_SIZES = [2, 3, 4, 5];
const MIN_BYTES = 300;
const MAX_BYTES = 2300;

/**
 * Lists the corpus cases for a seed: payloads of 300–2 300 bytes (within the level's capacity) at
 * L/M/Q and 2–5 pixels per module, with the class's parameters drawn from the seed.
 *
 * @example
 * ```ts
 * const cases = corpusCases({ seed: 2026, perClass: 20 }); // 220 cases
 * const image = renderCorpusCase(cases[0]);
 * ```
 */
export function corpusCases({
  seed = 2026,
  perClass = 20,
  classes = DEGRADATION_CLASSES,
}: CorpusOptions = {}): CorpusCase[] {
  return classes.flatMap((degradation) => {
    const classIndex = DEGRADATION_CLASSES.indexOf(degradation);
    return Array.from({ length: perClass }, (_, index) => {
      const own = caseSeed(seed, classIndex * 100_000 + index);
      const random = seededRandom(own);
      const level = LEVELS[index % LEVELS.length] ?? 'M';
      const moduleSize = random.pick(MODULE_SIZES);
      return {
        id: `${degradation}-${index}`,
        degradation,
        seed: own,
        payloadBytes: random.integer(MIN_BYTES, Math.min(MAX_BYTES, capacityBytes(level))),
        level,
        moduleSize,
        params: drawParams(degradation, moduleSize, random),
      };
    });
  });
}

function drawParams(
  degradation: DegradationClass,
  moduleSize: number,
  random: Random,
): DegradationParams {
  // Rescale factors are log-uniform in 0.4–2.5, so shrinking and enlarging are equally common.
  const factor = () => Math.exp(random.between(Math.log(0.4), Math.log(2.5)));
  // Corners move inwards only: outwards would crop the quiet zone, which no reader forgives.
  const jitter = (amount: number): Quad => {
    const j = () => random.between(0, amount);
    return [
      [j(), j()],
      [1 - j(), j()],
      [1 - j(), 1 - j()],
      [j(), 1 - j()],
    ];
  };
  switch (degradation) {
    case 'undistorted':
      return {};
    case 'rescale-bilinear':
    case 'rescale-nearest':
      return { factor: factor() };
    case 'rotated':
      return { degrees: random.between(-180, 180) };
    case 'perspective':
      return { corners: jitter(0.2) };
    case 'blurred':
      return { sigma: moduleSize * random.between(0.2, 0.6) };
    case 'noisy':
      return { noise: random.between(20, 70) };
    case 'low-contrast':
      return { contrast: random.between(0.15, 0.5), mid: random.between(80, 180) };
    case 'jpeg':
      return { factor: random.between(0.6, 1.6), quality: random.integer(30, 90) };
    case 'photo':
      return {
        corners: jitter(0.1),
        degrees: random.between(-15, 15),
        sigma: moduleSize * random.between(0.2, 0.4),
        light: random.between(0.2, 0.5),
        noise: random.between(4, 12),
        contrast: random.between(0.6, 0.9),
        mid: random.between(110, 150),
        quality: random.integer(30, 90),
      };
    case 'print-scan':
      return {
        degrees: random.between(-2, 2),
        sigma: moduleSize * 0.3,
        threshold: random.between(90, 170),
        speckle: random.between(0.005, 0.03),
      };
  }
}

/**
 * A CMRequest-like payload of exactly `bytes` UTF-8 bytes: fixture documents (with umlauts)
 * joined by "\n", cut at a character boundary and padded with "x".
 */
export function corpusPayload(bytes: number): string {
  const encoder = new TextEncoder();
  const document = buildCmRequestFixture();
  let text = '';
  let length = 0;
  for (const character of Array(Math.ceil(bytes / document.length) + 1)
    .fill(document)
    .join('\n')) {
    const size = encoder.encode(character).length;
    if (length + size > bytes) break;
    text += character;
    length += size;
  }
  return text + 'x'.repeat(bytes - length);
}
