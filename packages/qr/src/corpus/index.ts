// `@consent-sim/qr/corpus`: the seeded degradation corpus (bench and regression tests), by name.
export {
  type CorpusCase,
  type CorpusOptions,
  corpusCases,
  corpusPayload,
  DEGRADATION_CLASSES,
  type DegradationClass,
  type DegradationParams,
} from './cases.ts';
export { type GrayImage, perspective, type Quad, rescale, rotate } from './geometry.ts';
export {
  addNoise,
  gaussianBlur,
  printAndScan,
  reduceContrast,
  unevenLight,
} from './photometric.ts';
export { type Random, seededRandom } from './random.ts';
export { type CorpusImage, renderCorpusCase } from './render.ts';
