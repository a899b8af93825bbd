import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFaker,
  fakeCustomer,
  fakeDso,
  fakeFinnishBusinessId,
  fakeFinnishPersonalId,
  fakeGsrn,
  fakeMeteringPoint,
  fakeServiceProvider,
} from './builders.ts';
import { checkMarketParticipant, checkMeteringPoint } from './eda-party-checks.ts';
import { checkFinnishBusinessId, checkFinnishPersonalId } from './finnish-ids.ts';
import { checkGsrn } from './gsrn.ts';

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Everything the builders make from one seed, in a fixed order. */
function world(seed: number) {
  const faker = createFaker(seed);
  const dso = fakeDso(faker);
  return {
    dso,
    serviceProvider: fakeServiceProvider(faker),
    energyCommunity: fakeServiceProvider(faker, { prefix: 'RC' }),
    meteringPoint: fakeMeteringPoint(faker, dso.address),
    austrian: fakeCustomer(faker, { country: 'AT' }),
    finnish: fakeCustomer(faker, { country: 'FI' }),
    gsrn: fakeGsrn(faker),
    personalId: fakeFinnishPersonalId(faker),
    businessId: fakeFinnishBusinessId(faker),
  };
}

describe('seeded builders', () => {
  it('give the same values for the same seed', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(world(seed)).toEqual(world(seed));
      }),
      { numRuns: 25 },
    );
  });

  it('give different values for different seeds', () => {
    expect(world(1)).not.toEqual(world(2));
  });

  it('only make identifiers that pass their checkers', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const w = world(seed);
        expect(checkMarketParticipant(w.dso.address, { role: 'dso' }).problems).toEqual([]);
        expect(
          checkMarketParticipant(w.serviceProvider.address, { role: 'service-provider' }).problems,
        ).toEqual([]);
        expect(w.serviceProvider.address.startsWith('EP')).toBe(true);
        expect(w.energyCommunity.address.startsWith('RC')).toBe(true);
        expect(checkMeteringPoint(w.meteringPoint, { dsoAddress: w.dso.address }).problems).toEqual(
          [],
        );
        expect(checkGsrn(w.gsrn, { finnish: true }).problems).toEqual([]);
        expect(checkFinnishPersonalId(w.personalId).problems).toEqual([]);
        expect(checkFinnishPersonalId(w.finnish.personalId ?? '').problems).toEqual([]);
        expect(checkFinnishBusinessId(w.businessId).problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('make business ids whose first draw leaves remainder 1 valid too (many seeds)', () => {
    // About one number in eleven has remainder 1; 500 draws reach that branch many times.
    const faker = createFaker(7);
    for (let i = 0; i < 500; i += 1) {
      expect(checkFinnishBusinessId(fakeFinnishBusinessId(faker)).problems).toEqual([]);
    }
  });

  it('make customers of the requested country, with mail at reserved example domains', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { austrian, finnish } = world(seed);
        expect(austrian).toMatchObject({ country: 'AT', postalAddress: { country: 'AT' } });
        expect(austrian.personalId).toBeUndefined();
        expect(finnish).toMatchObject({ country: 'FI', postalAddress: { country: 'FI' } });
        for (const customer of [austrian, finnish]) {
          expect(customer.email).toMatch(/@example\.(com|net|org)$/);
          expect(customer.name).toBe(`${customer.firstName} ${customer.lastName}`);
          expect(customer.phone.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a metering point for an address that is not a DSO', () => {
    expect(() => fakeMeteringPoint(createFaker(1), 'EP100123')).toThrow(
      /^consent-sim: fakeMeteringPoint: dsoAddress 'EP100123' is not 'AT' \+ 6 digits/,
    );
  });
});
