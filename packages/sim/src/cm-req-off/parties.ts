/**
 * The three CM_REQ_OFF parties of a run — `vnb` (DSO), `sp` (service provider), `customer`
 * (PROCESS_ROLES) — with identities from the scenario's `parties` overrides or the run's seeded
 * faker. DSO and SP have EDA addresses; the customer is reached by letter, e-mail or phone, so
 * its engine address is its e-mail address.
 */
import { createFaker, fakeCustomer, fakeDso, fakeServiceProvider } from '@consent-sim/messages';
import type { Rng } from '../rng.ts';
import type { PartyOverride } from '../scenario/types.ts';

export type CmReqOffRole = 'vnb' | 'sp' | 'customer';

export interface CmReqOffParty {
  readonly id: CmReqOffRole;
  readonly address: string;
  readonly name: string;
  readonly email: string;
}

export interface CmReqOffParties {
  readonly vnb: CmReqOffParty;
  readonly sp: CmReqOffParty & { readonly registered: boolean };
  readonly customer: CmReqOffParty & {
    /** Where the DSO confirms (BP_01 names it; `OFF-AUTH-AND-BACKEND-ERRORS`). */
    readonly confirmationChannel?: 'email' | 'post';
  };
}

/**
 * Builds the parties; `problems` collects overrides CM_REQ_OFF cannot honour.
 *
 * @example buildParties({ sp: { registered: false } }, rng.fork('parties'), []).sp.registered // false
 */
export function buildParties(
  overrides: Readonly<Record<string, PartyOverride>>,
  rng: Rng,
  problems: string[],
): CmReqOffParties {
  const faker = createFaker(rng.fakerSeed());
  const dso = fakeDso(faker);
  const provider = fakeServiceProvider(faker);
  const person = fakeCustomer(faker, { country: 'AT' });
  const vnb = overrides.vnb ?? {};
  const sp = overrides.sp ?? {};
  const customer = overrides.customer ?? {};
  if (vnb.address !== undefined && !/^AT\d{6}$/.test(vnb.address)) {
    problems.push(
      `parties.vnb.address: a DSO's EDA address is AT + 6 digits (its metering points start with it), got "${vnb.address}"`,
    );
  }
  if (sp.address !== undefined && !/^(?:EP|RC|GC|CC)\d{6}$/.test(sp.address)) {
    problems.push(
      `parties.sp.address: a service provider's EDA address is EP, RC, GC or CC + 6 digits, got "${sp.address}"`,
    );
  }
  if (customer.address !== undefined) {
    problems.push(
      'parties.customer.address: the end customer has no EDA address; give parties.customer.email instead',
    );
  }
  for (const [role, override] of Object.entries({ vnb, customer })) {
    if (override.registered !== undefined) {
      problems.push(
        `parties.${role}.registered: only the SP's registration at ebutilities.at is a precondition of CM_REQ_OFF; remove it`,
      );
    }
  }
  for (const [role, override] of Object.entries({ vnb, sp })) {
    if (override.channel !== undefined) {
      problems.push(
        `parties.${role}.channel: only the customer names a confirmation channel (CM_REQ_OFF_BP_01); remove it`,
      );
    }
  }
  if (customer.channel === 'phone') {
    problems.push(
      'parties.customer.channel: the DSO confirms by e-mail or post (the QR code must reach the customer), got "phone"; write email or post',
    );
  }
  // A refused override is reported above; the generated value keeps the other checks running.
  const vnbAddress =
    vnb.address !== undefined && /^AT\d{6}$/.test(vnb.address) ? vnb.address : dso.address;
  const spAddress = sp.address ?? provider.address;
  const customerEmail = customer.email ?? person.email;
  return {
    vnb: {
      id: 'vnb',
      address: vnbAddress,
      name: vnb.name ?? dso.name,
      email: vnb.email ?? `datenfreigabe@${vnbAddress.toLowerCase()}.consent-sim.invalid`,
    },
    sp: {
      id: 'sp',
      address: spAddress,
      name: sp.name ?? provider.name,
      email: sp.email ?? `service@${spAddress.toLowerCase()}.consent-sim.invalid`,
      registered: sp.registered ?? true,
    },
    customer: {
      id: 'customer',
      address: customerEmail,
      name: customer.name ?? person.name,
      email: customerEmail,
      ...(customer.channel === 'email' || customer.channel === 'post'
        ? { confirmationChannel: customer.channel }
        : {}),
    },
  };
}
