/**
 * The run behind the reference Datahub: the DH-831 Datahub role (`PROCESSES['dh-831']`) hosted
 * on msw's virtual clock, with the seller and the customer proxied. What Datahub sends goes to
 * the outbox (ACK, DH-825) or to the customer's mails, in sending order.
 *
 * A run knows one seller and one customer (a scenario's parties), and Datahub mails the
 * customer at the address the DH-831 names. So each seller and customer address get a run of
 * their own; Datahub keys every request by its id and checks no sender (seed), so a request is
 * judged the same in any run, and a later message about it goes to the run that holds it.
 */

import { PROCESSES } from '@consent-sim/conformance';
import { type dh831, HELSINKI, isoInZone } from '@consent-sim/core';
import { isEmailAddress, validateDatahubXml } from '@consent-sim/messages';
import type { DatahubMail, ReferenceDatahubOptions } from './datahub-types.ts';
import { Outbox } from './outbox.ts';
import {
  inSendingOrder,
  type RegistryChange,
  RoleHost,
  runSeed,
  type SentItem,
} from './role-host.ts';
import { createVirtualTime, type VirtualTime } from './virtual-time.ts';

const plugin = PROCESSES['dh-831'];
/** The customer of a run whose DH-831 names no (usable) recipient e-mail. */
const NO_RECIPIENT = 'asiakas@consent-sim.invalid';

export interface DatahubRun {
  readonly where: string;
  readonly partyId: string;
  readonly time: VirtualTime;
  readonly outbox: Outbox;
  readonly mails: readonly DatahubMail[];
  readonly statuses: ReadonlyMap<string, dh831.RequestStatus>;
  /** The run for `seller`'s message about `requestId` (to customer `email`, for a DH-831). */
  hostFor(seller: string, requestId?: string, email?: string): RoleHost;
  /** The run that holds `requestId`, if any. */
  holding(requestId: string): RoleHost | undefined;
  record(items: readonly SentItem[]): void;
}

/**
 * @example const run = startDatahub({ partyId: 'DATAHUB' });
 */
export function startDatahub(options: ReferenceDatahubOptions): DatahubRun {
  const where = 'msw/reference-datahub.ts';
  const partyId = options.partyId ?? 'DATAHUB';
  const outbox = new Outbox();
  const mails: DatahubMail[] = [];
  const statuses = new Map<string, dh831.RequestStatus>();
  const holders = new Map<string, RoleHost>();
  const hosts = new Map<string, RoleHost>();
  const record = (items: readonly SentItem[]) => {
    for (const sent of inSendingOrder(items)) {
      const body = sent.item.document ?? '';
      // AUTHORIZATION_END is simulation-only (DH-CANCEL): no document reaches the seller's mailbox.
      if (sent.item.channel === 'datahub' && body.trimStart().startsWith('<')) {
        outbox.add(datahubEntry(sent, body));
      } else if (sent.item.channel === 'email') {
        mails.push({ atMs: sent.atMs, mail: sent.item.content as unknown as dh831.EmailIntent });
      }
    }
  };
  const time = createVirtualTime({
    clock: options.clock,
    start: options.start,
    where,
    onMove: (instant) => record([...hosts.values()].flatMap((h) => h.advanceTo(instant))),
  });
  const open = (seller: string, email: string): RoleHost => {
    const key = `${seller} ${email}`;
    const onRegistry = (e: RegistryChange) => {
      if (e.type !== 'request') return;
      statuses.set(e.requestId, e.status as dh831.RequestStatus);
      holders.set(e.requestId, host);
    };
    const host: RoleHost = new RoleHost({
      plugin,
      role: 'datahub',
      testId: `msw-datahub-${hosts.size + 1}`,
      parties: [
        { id: 'seller', role: 'seller', address: seller },
        { id: 'datahub', role: 'datahub', address: partyId },
        { id: 'customer', role: 'customer', address: email },
      ],
      seed: runSeed(options.seed, hosts.size === 0 ? undefined : key),
      startMs: time.now(),
      onRegistry,
    });
    hosts.set(key, host);
    return host;
  };
  const sellerOf = (host: RoleHost) => host.parties.find((p) => p.id === 'seller')?.address;
  return {
    where,
    partyId,
    time,
    outbox,
    mails,
    statuses,
    hostFor(seller, requestId, email) {
      const holder = requestId === undefined ? undefined : holders.get(requestId);
      if (holder !== undefined && sellerOf(holder) === seller) return holder;
      const customer = email !== undefined && isEmailAddress(email) ? email : undefined;
      const own = [...hosts.values()].find((h) => sellerOf(h) === seller);
      if (customer === undefined && own !== undefined) return own;
      const key = `${seller} ${customer ?? NO_RECIPIENT}`;
      return hosts.get(key) ?? open(seller, customer ?? NO_RECIPIENT);
    },
    holding: (requestId) => holders.get(requestId),
    record,
  };
}

/** A Datahub document as the outbox lists it. */
function datahubEntry({ item, atMs, to }: SentItem, body: string) {
  const doc = validateDatahubXml(body).document;
  const subject =
    doc?.kind === 'ACK'
      ? doc.original?.process.requestId
      : doc?.kind === 'DH-825'
        ? doc.requestId
        : doc?.process.requestId;
  return {
    atMs,
    at: isoInZone(atMs, HELSINKI),
    to,
    messageCode: item.messageCode ?? doc?.kind ?? 'unknown',
    responseCodes: doc?.kind === 'ACK' ? doc.acknowledgement.errors.map((e) => e.errorId) : [],
    ...(subject === undefined ? {} : { subject }),
    contentType: 'application/xml',
    body,
  } as const;
}
