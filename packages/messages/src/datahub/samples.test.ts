import { describe, expect, it } from 'vitest';
import { listDatahubSamples, sampleDatahubDocument } from './samples.ts';
import { validateDatahub } from './validate.ts';

describe('sampleDatahubDocument', () => {
  it('lists the DH-831 request, both ACKs, DH-851 and its ACKs, and the DH-825 notice', () => {
    expect(listDatahubSamples().map((s) => s.kind)).toEqual([
      'DH-831',
      'DH-831-ACK-POSITIVE',
      'DH-831-ACK-NEGATIVE',
      'DH-851',
      'DH-851-ACK-POSITIVE',
      'DH-851-ACK-NEGATIVE',
      'DH-825',
    ]);
  });

  it.each(listDatahubSamples().map((s) => s.kind))(
    '%s: same seed → same document; other seed → other; valid',
    (kind) => {
      expect(sampleDatahubDocument(kind, { seed: 5 })).toEqual(
        sampleDatahubDocument(kind, { seed: 5 }),
      );
      expect(sampleDatahubDocument(kind, { seed: 5 })).not.toEqual(
        sampleDatahubDocument(kind, { seed: 6 }),
      );
      expect(validateDatahub(sampleDatahubDocument(kind, { seed: 5 }))).toEqual([]);
    },
  );

  it('ACKs refer to the message they acknowledge', () => {
    const request = sampleDatahubDocument('DH-831', { seed: 9 });
    const negative = sampleDatahubDocument('DH-831-ACK-NEGATIVE', { seed: 9 });
    expect(negative.acknowledgement).toMatchObject({
      result: 'negative',
      originalMessageId: request.header.messageId,
      errors: [{ errorId: 'EC.AUTH.012' }, { errorId: 'EC.AUTH.002' }],
    });
    expect(
      sampleDatahubDocument('DH-851-ACK-NEGATIVE', { seed: 9 }).acknowledgement.errors[0]?.errorId,
    ).toBe('EC.AUTH.030');
  });
});
