import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { capacityBytes, QR_LEVELS } from './capacity.ts';
import { corpusPayload } from './corpus/cases.ts';
import { createWithBestMask } from './mask-choice.ts';

describe('createWithBestMask', () => {
  // The symbol must be the one qrcode picks by itself: same modules, module for module.
  it.each(QR_LEVELS)('chooses the mask qrcode chooses, at level %s', (level) => {
    const sizes = [1, 17, 120, 300, 531, 777, 1000, 1273, 1459, 1663, 2000, 2331, 2953];
    for (const bytes of sizes.filter((size) => size <= capacityBytes(level))) {
      const payload = new TextEncoder().encode(corpusPayload(bytes));
      const theirs = QRCode.create([{ data: payload, mode: 'byte' }], {
        errorCorrectionLevel: level,
      });
      const ours = createWithBestMask(payload, level);
      expect({ version: ours.version, size: ours.size }).toEqual({
        version: theirs.version,
        size: theirs.modules.size,
      });
      expect(Array.from(ours.data)).toEqual(
        Array.from(theirs.modules.data, (bit) => (bit ? 1 : 0)),
      );
    }
  });
});
