/**
 * The three DH-831 parties of a run — `seller`, `datahub`, `customer` (PROCESS_ROLES) — with
 * identities from the scenario's `parties` overrides or the run's seeded faker. The seller and
 * Datahub have party ids in the documents' headers; the customer is reached by e-mail, so its
 * address is its e-mail address (the Datahub machine names a mail's recipient by address).
 */
import { createFaker, fakeCustomer, isEmailAddress } from '@consent-sim/messages';
import type { Rng } from '../rng.ts';
import type { PartyOverride } from '../scenario/types.ts';

export type Dh831Role = 'seller' | 'datahub' | 'customer';

export interface Dh831Party {
  readonly id: Dh831Role;
  /** Datahub party id (seller, datahub) or e-mail address (customer). */
  readonly address: string;
  readonly name: string;
  readonly email: string;
}

export interface Dh831Parties {
  readonly seller: Dh831Party;
  readonly datahub: Dh831Party;
  readonly customer: Dh831Party & { readonly personalId: string };
}

/**
 * Builds the parties; `problems` collects overrides the DH-831 model cannot honour.
 *
 * @example buildParties({}, createRng(1).fork('parties'), []).customer.address // an e-mail address
 */
export function buildParties(
  overrides: Readonly<Record<string, PartyOverride>>,
  rng: Rng,
  problems: string[],
): Dh831Parties {
  const faker = createFaker(rng.fakerSeed());
  const person = fakeCustomer(faker, { country: 'FI' });
  const seller = overrides.seller ?? {};
  const datahub = overrides.datahub ?? {};
  const customer = overrides.customer ?? {};
  if (seller.registered === false) {
    problems.push(
      'parties.seller.registered: false is not modelled for DH-831 (the seed names no check of the sender); remove it',
    );
  }
  for (const [role, override] of Object.entries({ datahub, customer })) {
    if (override.registered !== undefined) {
      problems.push(`parties.${role}.registered: only the seller can be (un)registered; remove it`);
    }
  }
  for (const [role, override] of Object.entries({ seller, datahub, customer })) {
    if (override.channel !== undefined && override.channel !== 'email') {
      problems.push(
        `parties.${role}.channel: DH-831 notifies by e-mail only (seed: "sähköpostitse"), got "${override.channel}"; remove it or write email`,
      );
    }
  }
  if (customer.address !== undefined) {
    problems.push(
      'parties.customer.address: the customer has no market-participant address in DH-831; give parties.customer.email instead',
    );
  }
  const customerEmail = customer.email ?? person.email;
  if (!isEmailAddress(customerEmail)) {
    problems.push(
      `parties.customer.email: "${customerEmail}" is not local@domain.tld; write e.g. maija@example.fi`,
    );
  }
  // 2 letters + 6 digits, the scenario format's party-address shape; Datahub itself is fixed.
  const sellerAddress =
    seller.address ?? `FI${faker.string.numeric({ length: 6, allowLeadingZeros: false })}`;
  const datahubAddress = datahub.address ?? 'FI000001';
  if (sellerAddress === datahubAddress) {
    problems.push(
      `parties.seller.address: "${sellerAddress}" is Datahub's address too; give the two parties different addresses`,
    );
  }
  return {
    seller: {
      id: 'seller',
      address: sellerAddress,
      name: seller.name ?? faker.company.name(),
      email: seller.email ?? 'seller@consent-sim.invalid',
    },
    datahub: {
      id: 'datahub',
      address: datahubAddress,
      name: datahub.name ?? 'Datahub',
      email: datahub.email ?? 'valtuutuspalvelu@datahub.consent-sim.invalid',
    },
    customer: {
      id: 'customer',
      address: customerEmail,
      name: customer.name ?? person.name,
      email: customerEmail,
      personalId: person.personalId ?? '',
    },
  };
}
