// Seeded builders of parties and identifiers for scenarios (faker 10). Everything they return
// passes the matching checker; the same seed gives the same values.

import { base, de, de_AT, en, Faker, fi } from '@faker-js/faker';
import { DateTime } from 'luxon';
import { businessIdCheckDigit, CENTURY_SIGNS, personalIdCheckCharacter } from './finnish-ids.ts';
import { gsrnCheckDigit } from './gsrn.ts';

/**
 * A Faker seeded with `seed`, Austrian German first (parent locale `de`, then `en`, `base` as
 * fallbacks). Finnish data comes from {@link fakeCustomer} with `country: 'FI'`, which draws a
 * Finnish-locale Faker from this one's stream.
 *
 * @example createFaker(42).person.lastName() // same name on every run
 */
export function createFaker(seed: number): Faker {
  return new Faker({ locale: [de_AT, de, en, base], seed });
}

/** A Finnish-locale Faker seeded from the caller's stream, so results stay reproducible. */
function finnishFaker(faker: Faker): Faker {
  return new Faker({ locale: [fi, en, base], seed: faker.number.int({ max: 2 ** 31 - 1 }) });
}

/** A party with its EDA address. */
export interface FakeParty {
  address: string;
  name: string;
}

/**
 * A DSO: address `AT` + 6 digits (real ones look like AT001000), name "<city> Netz GmbH".
 *
 * @example fakeDso(createFaker(1)) // → { address: 'AT00…', name: '… Netz GmbH' }
 */
export function fakeDso(faker: Faker): FakeParty {
  return {
    address: `AT00${faker.string.numeric(4)}`,
    name: `${faker.location.city()} Netz GmbH`,
  };
}

/** Service-provider address prefixes (cm-req-off.md "Identifier facts"). */
export type ServiceProviderPrefix = 'EP' | 'RC' | 'GC' | 'CC';

/**
 * A service provider: address prefix (default `EP`) + 6 digits and a company name.
 *
 * @example fakeServiceProvider(createFaker(1), { prefix: 'RC' }).address // → 'RC……'
 */
export function fakeServiceProvider(
  faker: Faker,
  options: { prefix?: ServiceProviderPrefix } = {},
): FakeParty {
  return {
    address: `${options.prefix ?? 'EP'}${faker.string.numeric({ length: 6, allowLeadingZeros: false })}`,
    name: faker.company.name(),
  };
}

/** A postal address. */
export interface FakePostalAddress {
  street: string;
  postalCode: string;
  city: string;
  country: 'AT' | 'FI';
}

/** An end customer (BP in CM_REQ_OFF, loppuasiakas in DH-831). */
export interface FakeCustomer {
  country: 'AT' | 'FI';
  firstName: string;
  lastName: string;
  name: string;
  /** Always at a reserved example domain (RFC 2606), never a real mailbox. */
  email: string;
  phone: string;
  postalAddress: FakePostalAddress;
  /** Finnish customers only: a valid henkilötunnus. */
  personalId?: string;
}

/**
 * An end customer of the given country, with locale-appropriate name, phone and address.
 *
 * @example fakeCustomer(createFaker(7), { country: 'FI' }).personalId // → valid henkilötunnus
 */
export function fakeCustomer(faker: Faker, options: { country: 'AT' | 'FI' }): FakeCustomer {
  const { country } = options;
  const local = country === 'FI' ? finnishFaker(faker) : faker;
  const firstName = local.person.firstName();
  const lastName = local.person.lastName();
  const customer: FakeCustomer = {
    country,
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    email: local.internet.exampleEmail({ firstName, lastName }),
    phone: local.phone.number(),
    postalAddress: {
      street: local.location.streetAddress(),
      postalCode: local.location.zipCode(),
      city: local.location.city(),
      country,
    },
  };
  if (country === 'FI') customer.personalId = fakeFinnishPersonalId(local);
  return customer;
}

/**
 * A metering point of a DSO: its address + 25 digits (33 characters).
 *
 * @example fakeMeteringPoint(createFaker(1), 'AT001000') // → 'AT001000' + 25 digits
 */
export function fakeMeteringPoint(faker: Faker, dsoAddress: string): string {
  if (!/^AT\d{6}$/.test(dsoAddress)) {
    throw new Error(
      `consent-sim: fakeMeteringPoint: dsoAddress '${dsoAddress}' is not 'AT' + 6 digits; pass a DSO address such as fakeDso(faker).address`,
    );
  }
  return `${dsoAddress}${faker.string.numeric(25)}`;
}

/**
 * A Finnish accounting point id: a GSRN with prefix 643 and a valid check digit.
 *
 * @example fakeGsrn(createFaker(1)) // → '643' + 15 digits
 */
export function fakeGsrn(faker: Faker): string {
  const first17 = `643${faker.string.numeric(14)}`;
  return `${first17}${gsrnCheckDigit(first17)}`;
}

const SIGNS_BY_CENTURY: Readonly<Record<number, string[]>> = Object.entries(CENTURY_SIGNS).reduce<
  Record<number, string[]>
>((acc, [sign, century]) => {
  acc[century] = [...(acc[century] ?? []), sign];
  return acc;
}, {});

/**
 * A valid henkilötunnus of someone born 1930–2006, with a century sign chosen from the old and
 * the 2023 signs, individual number 002–899.
 *
 * @example fakeFinnishPersonalId(createFaker(1)) // → e.g. '010594Y902N'
 */
export function fakeFinnishPersonalId(faker: Faker): string {
  const year = faker.number.int({ min: 1930, max: 2006 });
  const month = faker.number.int({ min: 1, max: 12 });
  const day = faker.number.int({ min: 1, max: DateTime.utc(year, month).daysInMonth ?? 28 });
  const century = year < 2000 ? 1900 : 2000;
  const sign = faker.helpers.arrayElement(SIGNS_BY_CENTURY[century] ?? ['-']);
  const date = [day, month, year % 100].map((n) => String(n).padStart(2, '0')).join('');
  const individual = String(faker.number.int({ min: 2, max: 899 })).padStart(3, '0');
  return `${date}${sign}${individual}${personalIdCheckCharacter(date + individual)}`;
}

/**
 * A valid Y-tunnus NNNNNNN-C. Numbers whose remainder is 1 have no check digit; changing the
 * last digit by one shifts the sum by 2 (or −18), which never leaves remainder 1.
 *
 * @example fakeFinnishBusinessId(createFaker(1)) // → e.g. '2345678-5'
 */
export function fakeFinnishBusinessId(faker: Faker): string {
  let number = faker.string.numeric(7);
  if (businessIdCheckDigit(number) === null) {
    number = `${number.slice(0, 6)}${(Number(number[6]) + 1) % 10}`;
  }
  return `${number}-${businessIdCheckDigit(number)}`;
}
