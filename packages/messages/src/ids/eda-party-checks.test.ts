import { describe, expect, it } from 'vitest';
import { checkMarketParticipant, checkMeteringPoint } from './eda-party-checks.ts';

const VALID_POINT = 'AT0010000000000000000000000012345';

describe('checkMeteringPoint', () => {
  it('accepts AT + 6-digit DSO number + 25 letters/digits and reads the DSO from it', () => {
    const check = checkMeteringPoint(VALID_POINT);
    expect(check).toMatchObject({ kind: 'metering-point', valid: true, problems: [], notes: [] });
    expect(check.parts).toMatchObject({
      dsoAddress: 'AT001000',
      pointNumber: '0000000000000000000012345',
    });
  });

  it.each([
    [32, VALID_POINT.slice(0, 32)],
    [34, `${VALID_POINT}0`],
  ])('rejects length %i with the expected length', (length, id) => {
    expect(checkMeteringPoint(id).problems).toEqual([
      `length is ${length}, expected 33 ('AT' + 6-digit DSO number + 25 letters/digits)`,
    ]);
  });

  it('names the position and the XSD class of a character outside [0-9A-Za-z]', () => {
    expect(checkMeteringPoint('AT001000000-000000000000000012345').problems).toEqual([
      "character 12 is '-': metering point ids use A–Z, a–z and 0–9 only (XSD pattern [0-9A-Za-z]*)",
    ]);
  });

  it('shows an invisible character by its code point', () => {
    expect(checkMeteringPoint('AT001000000 000000000000000012345').problems[0]).toMatch(
      /^character 12 is U\+0020:/,
    );
  });

  it('accepts lower case, which the XSD pattern allows, and notes that published ids are upper case', () => {
    const check = checkMeteringPoint('AT001000000a000000000000000012345');
    expect(check.valid).toBe(true);
    expect(check.notes).toEqual([
      "character 12 is 'a': lower case is schema-valid but published metering point ids are upper case",
    ]);
  });

  it('requires the AT country prefix', () => {
    expect(checkMeteringPoint('DE0010000000000000000000000012345').problems).toEqual([
      "characters 1–2 are 'DE', expected 'AT' (Austrian metering point)",
    ]);
  });

  it('reports the anonymised DSO number of the shared samples as one run of non-digits', () => {
    expect(checkMeteringPoint('ATXXXXXX00000000000000000XXXXXXXX').problems).toEqual([
      "characters 3–8 are 'XXXXXX': the DSO number (characters 3–8) is digits only",
    ]);
  });

  it('checks ownership when the DSO address is given', () => {
    expect(checkMeteringPoint(VALID_POINT, { dsoAddress: 'AT001000' }).valid).toBe(true);
    expect(checkMeteringPoint(VALID_POINT, { dsoAddress: 'AT002000' }).problems).toEqual([
      "characters 1–8 are 'AT001000', expected the DSO address 'AT002000': the metering point does not belong to that DSO",
    ]);
  });
});

describe('checkMarketParticipant', () => {
  it.each([
    ['AT001000', 'dso'],
    ['EP100123', 'service-provider'],
    ['RC100130', 'service-provider'],
    ['GC100007', 'service-provider'],
    ['CC100001', 'service-provider'],
  ])('accepts %s as a %s address', (id, role) => {
    const check = checkMarketParticipant(id);
    expect(check.problems).toEqual([]);
    expect(check.parts.role).toBe(role);
  });

  it.each([
    ['AT00100', 7],
    ['AT0010000', 9],
  ])('rejects %s (length %i)', (id, length) => {
    expect(checkMarketParticipant(id).problems).toContain(
      `length is ${length}, expected 8 (two-letter prefix + 6 digits)`,
    );
  });

  it('rejects an unknown prefix and says which are known', () => {
    expect(checkMarketParticipant('XX100123').problems).toEqual([
      "characters 1–2 are 'XX', expected AT (DSO) or EP, RC, GC, CC (service providers)",
    ]);
  });

  it('names a non-digit in the participant number', () => {
    expect(checkMarketParticipant('EP10012A').problems).toEqual([
      "character 8 is 'A': the participant number (characters 3–8 of an address) is digits only",
    ]);
  });

  it('checks the role when one is required', () => {
    expect(checkMarketParticipant('EP100123', { role: 'dso' }).problems).toEqual([
      "characters 1–2 are 'EP', a service-provider prefix, expected a dso address (AT)",
    ]);
    expect(checkMarketParticipant('AT001000', { role: 'service-provider' }).valid).toBe(false);
  });
});
