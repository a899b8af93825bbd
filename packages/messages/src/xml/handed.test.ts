import { describe, expect, it } from 'vitest';
import { validateDatahubXml } from '../datahub/index.ts';
import { validateEdaXml } from '../eda/index.ts';
import { handReading } from './handed.ts';

const NOT_XML = '<a><b></a>';
/** A reading no parse of NOT_XML could give, so a test sees whose reading came back. */
const marked = () => ({ issues: [{ path: '/', rule: 'handed', message: 'from the worker' }] });

describe('readings handed from another thread (sim serve, issue 13 build 3)', () => {
  it('every read of the same text gets the handed reading, each its own copy', () => {
    handReading('eda', `${NOT_XML} `, marked());
    const first = validateEdaXml(`${NOT_XML} `);
    const second = validateEdaXml(`${NOT_XML} `);
    expect(first).toEqual(marked());
    expect(second).toEqual(marked());
    // Own copies: what one caller does with its result never reaches another.
    first.issues.push({ path: '/x', rule: 'x', message: 'x' });
    expect(validateEdaXml(`${NOT_XML} `)).toEqual(marked());
  });

  it('a reading serves only its own reader, only its own text, and only without other limits', () => {
    handReading('eda', NOT_XML, marked());
    expect(validateDatahubXml(NOT_XML)).not.toEqual(marked());
    expect(validateEdaXml(`${NOT_XML}\n`)).not.toEqual(marked());
    expect(validateEdaXml(NOT_XML, { limits: { maxBytes: 5 } })).not.toEqual(marked());
    expect(validateEdaXml(NOT_XML)).toEqual(marked());
  });

  it('holds at most four readings: an older one is dropped, and that text is read again', () => {
    const texts = Array.from({ length: 5 }, (_, i) => `${NOT_XML}${'\t'.repeat(i + 1)}`);
    for (const text of texts) handReading('eda', text, marked());
    expect(validateEdaXml(texts[0] ?? '')).not.toEqual(marked());
    expect(validateEdaXml(texts[4] ?? '')).toEqual(marked());
  });
});
