import { describe, expect, it } from 'vitest';
import {
  businessIdCheckDigit,
  checkFinnishBusinessId,
  checkFinnishPersonalId,
  personalIdCheckCharacter,
} from './finnish-ids.ts';

describe('checkFinnishPersonalId (henkilötunnus)', () => {
  it('accepts the classic published example 131052-308T and reads the birth date', () => {
    expect(checkFinnishPersonalId('131052-308T')).toMatchObject({
      kind: 'finnish-personal-id',
      valid: true,
      parts: {
        birthDate: '1952-10-13',
        centurySign: '-',
        individualNumber: '308',
        temporary: 'no',
      },
    });
  });

  // DVV's examples for the century signs introduced in 2023 (dvv.fi/hetu-uudistus).
  it.each([
    ['010594Y9032', '1994-05-01'],
    ['010594Y9021', '1994-05-01'],
    ['020594X903P', '1994-05-02'],
    ['020594X902N', '1994-05-02'],
    ['030594W903B', '1994-05-03'],
    ['030694W9024', '1994-06-03'],
    ['040594V9030', '1994-05-04'],
    ['040594V902Y', '1994-05-04'],
    ['050594U903M', '1994-05-05'],
    ['050594U902L', '1994-05-05'],
    ['010516B903X', '2016-05-01'],
    ['010516B902W', '2016-05-01'],
    ['020516C903K', '2016-05-02'],
    ['020516C902J', '2016-05-02'],
    ['030516D9037', '2016-05-03'],
  ])('accepts the 2023 century sign example %s (DVV)', (id, birthDate) => {
    const check = checkFinnishPersonalId(id);
    expect(check.problems).toEqual([]);
    expect(check.parts).toMatchObject({ birthDate, temporary: 'yes' });
  });

  it('reads + as the 1800s and A as the 2000s', () => {
    expect(
      checkFinnishPersonalId(`010199+123${personalIdCheckCharacter('010199123')}`).parts.birthDate,
    ).toBe('1899-01-01');
    expect(
      checkFinnishPersonalId(`290200A123${personalIdCheckCharacter('290200123')}`).parts.birthDate,
    ).toBe('2000-02-29');
  });

  it('rejects 31 February even with a correct check character (310299-1234)', () => {
    expect(personalIdCheckCharacter('310299123')).toBe('4');
    expect(checkFinnishPersonalId('310299-1234').problems).toEqual([
      "characters 1–6 '310299' with century sign '-' give 31.02.1999, which is not a calendar date",
    ]);
  });

  it('knows that 1900 was not a leap year but 2000 was', () => {
    expect(checkFinnishPersonalId('290200-1239').problems).toEqual([
      "characters 1–6 '290200' with century sign '-' give 29.02.1900, which is not a calendar date",
    ]);
    expect(checkFinnishPersonalId('290200A1239').valid).toBe(true);
  });

  it.each([
    [10, '131052-308'],
    [12, '131052-308TT'],
  ])('rejects length %i', (length, id) => {
    expect(checkFinnishPersonalId(id).problems).toEqual([
      `length is ${length}, expected 11 (DDMMYY + century sign + ZZZ + check character)`,
    ]);
  });

  it('names an unknown century sign, including lower case', () => {
    for (const sign of ['G', 'a']) {
      expect(checkFinnishPersonalId(`131052${sign}308T`).problems).toEqual([
        `character 7 is '${sign}', expected a century sign: + (1800s), - or U–Y (1900s), A–F (2000s)`,
      ]);
    }
  });

  it('names the expected check character and how it was computed', () => {
    expect(checkFinnishPersonalId('131052-308U').problems).toEqual([
      "character 11 is 'U', expected 'T' (131052308 mod 31 = 25 in 0123456789ABCDEFHJKLMNPRSTUVWXY)",
    ]);
  });

  it('rejects the unissued individual numbers 000 and 001, accepts 002 and 899', () => {
    const id = (individual: string): string =>
      `131052-${individual}${personalIdCheckCharacter(`131052${individual}`)}`;
    expect(checkFinnishPersonalId(id('001')).problems).toEqual([
      "characters 8–10 are '001': individual numbers run 002–899 (900–999 temporary); 000 and 001 are not issued",
    ]);
    expect(checkFinnishPersonalId(id('000')).valid).toBe(false);
    expect(checkFinnishPersonalId(id('002')).valid).toBe(true);
    expect(checkFinnishPersonalId(id('899')).parts.temporary).toBe('no');
    expect(checkFinnishPersonalId(id('900')).parts.temporary).toBe('yes');
  });

  it('names non-digits in the date and the individual number', () => {
    expect(checkFinnishPersonalId('13105X-3O8T').problems).toEqual([
      "character 6 is 'X': the birth date DDMMYY (characters 1–6) is digits only",
      "character 9 is 'O': the individual number (characters 8–10) is digits only",
    ]);
  });
});

describe('checkFinnishBusinessId (Y-tunnus)', () => {
  it('accepts 0112038-9 (a published business id) and its parts', () => {
    expect(checkFinnishBusinessId('0112038-9')).toMatchObject({
      kind: 'finnish-business-id',
      valid: true,
      parts: { number: '0112038', checkDigit: '9' },
    });
  });

  it('gives check digit 0 for remainder 0 and 11 − r otherwise', () => {
    expect(businessIdCheckDigit('1000002')).toBe(0); // 7 + 2·2 = 11
    expect(businessIdCheckDigit('1000000')).toBe(4); // 7 → 11 − 7
    expect(checkFinnishBusinessId('1000002-0').valid).toBe(true);
  });

  it('rejects every check digit when the remainder is 1 (0000006: 6·2 = 12)', () => {
    expect(businessIdCheckDigit('0000006')).toBeNull();
    for (const digit of '0123456789') {
      expect(checkFinnishBusinessId(`0000006-${digit}`).problems).toEqual([
        "characters 1–7 '0000006' leave remainder 1 mod 11 (weights 7, 9, 10, 5, 8, 4, 2): no check digit exists, so no business id has this number",
      ]);
    }
  });

  it('names the expected check digit', () => {
    expect(checkFinnishBusinessId('0112038-8').problems).toEqual([
      "character 9 is '8', expected check digit 9",
    ]);
  });

  it.each([
    [8, '112038-9'],
    [10, '00112038-9'],
  ])('rejects length %i and mentions the leading zero of old ids', (length, id) => {
    expect(checkFinnishBusinessId(id).problems).toEqual([
      `length is ${length}, expected 9 (NNNNNNN-C; older 6-digit ids are written with a leading 0)`,
    ]);
  });

  it('names a wrong separator and non-digits', () => {
    expect(checkFinnishBusinessId('0112038/9').problems).toEqual([
      "character 8 is '/', expected '-'",
    ]);
    expect(checkFinnishBusinessId('011203A-X').problems).toEqual([
      "character 7 is 'A': the number (characters 1–7) is digits only",
      "character 9 is 'X': the check digit is a digit",
    ]);
  });
});
