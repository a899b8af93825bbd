import { describe, expect, it } from 'vitest';
import { checkGsrn, gsrnCheckDigit } from './gsrn.ts';

describe('gsrnCheckDigit (GS1 mod 10)', () => {
  // GS1 weights count from the right, so leading zeros leave the digit of a shorter GS1 key
  // unchanged: the well-known EAN-13 examples 4006381333931 and 5901234123457 carry over.
  it.each([
    ['00000400638133393', 1],
    ['00000590123412345', 7],
    ['64300000000000001', 6],
    ['00000000000000000', 0],
  ])('%s → %i', (first17, digit) => {
    expect(gsrnCheckDigit(first17)).toBe(digit);
  });

  it.each(['6430000000000000', '643000000000000001', '6430000000000000A'])(
    'refuses %j, which is not 17 digits',
    (input) => {
      expect(() => gsrnCheckDigit(input)).toThrow(/^consent-sim: gsrnCheckDigit\(first17\)/);
    },
  );
});

describe('checkGsrn', () => {
  it('accepts 18 digits with a valid check digit', () => {
    expect(checkGsrn('643000000000000016')).toMatchObject({ kind: 'gsrn', valid: true });
    expect(checkGsrn('000004006381333931').valid).toBe(true);
  });

  it.each([
    [17, '64300000000000001'],
    [19, '6430000000000000160'],
  ])('rejects length %i', (length, id) => {
    expect(checkGsrn(id).problems).toEqual([
      `length is ${length}, expected 18 (GSRN: 17 digits + GS1 check digit)`,
    ]);
  });

  it('names a non-digit', () => {
    expect(checkGsrn('64300000000000A016').problems).toEqual([
      "character 15 is 'A': GSRNs are digits only",
    ]);
  });

  it('names the expected check digit', () => {
    expect(checkGsrn('643000000000000015').problems).toEqual([
      "character 18 is '5', expected check digit 6 (GS1 mod-10 over characters 1–17)",
    ]);
  });

  it('reports a non-643 prefix only for Finnish use', () => {
    expect(checkGsrn('000004006381333931').valid).toBe(true);
    expect(checkGsrn('000004006381333931', { finnish: true }).problems).toEqual([
      "characters 1–3 are '000', expected '643': Finnish accounting point ids (Datahub) start with 643",
    ]);
    expect(checkGsrn('643000000000000016', { finnish: true }).valid).toBe(true);
  });
});
