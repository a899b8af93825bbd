/**
 * Regression guard for the reader on a small fixed subset of the seeded corpus (the full corpus
 * is `pnpm bench qr-corpus`): each image here was read by zxing when the subset was chosen.
 */
import { describe, expect, it } from 'vitest';
import { decodeQrImage } from '../decode-image.ts';
import { loadNodeZxingReader } from '../node/index.ts';
import { corpusCases, type DegradationClass } from './cases.ts';
import { renderCorpusCase } from './render.ts';

const zxing = await loadNodeZxingReader();
const all = corpusCases({ seed: 2026, perClass: 20 });
const pick = (id: string) => {
  const found = all.find((corpusCase) => corpusCase.id === id);
  if (found === undefined) throw new Error(`corpus case ${id} is missing`);
  return found;
};
/** One case per class, read by zxing at the time of writing (2026-12-04). */
const SUBSET: Record<DegradationClass, string> = {
  undistorted: 'undistorted-0',
  'rescale-bilinear': 'rescale-bilinear-0',
  'rescale-nearest': 'rescale-nearest-0',
  rotated: 'rotated-0',
  perspective: 'perspective-0',
  blurred: 'blurred-0',
  noisy: 'noisy-0',
  'low-contrast': 'low-contrast-0',
  jpeg: 'jpeg-0',
  photo: 'photo-0',
  'print-scan': 'print-scan-1',
};

describe('degradation corpus', () => {
  it('is the same for the same seed (no Math.random)', () => {
    const again = corpusCases({ seed: 2026, perClass: 20 });
    expect(again).toEqual(all);
    expect(renderCorpusCase(pick('noisy-0')).file).toEqual(renderCorpusCase(pick('noisy-0')).file);
  });

  it.each(Object.entries(SUBSET))('%s (%s) decodes to the exact payload', async (_, id) => {
    const image = renderCorpusCase(pick(id));
    const decoded = await decodeQrImage(image.file, { zxing });
    expect(decoded.text).toBe(image.payload);
  });

  it('a JPEG photo-like image decodes', async () => {
    const photo = renderCorpusCase(pick('photo-0'));
    expect(photo.format).toBe('jpeg');
    expect(photo.corpusCase.params).toMatchObject({ quality: expect.any(Number) });
    expect((await decodeQrImage(photo.file, { zxing })).text).toBe(photo.payload);
  });
});
