/**
 * The run behind the reference DSO: the CM_REQ_OFF DSO role (`PROCESSES['cm-req-off']`) hosted
 * on msw's virtual clock, with the registered SP and the customer proxied. What the DSO sends
 * goes to the outbox (EDA) or to the customer's mails, in sending order.
 *
 * A run knows one SP (a scenario's `sp`). A document from any other sender is answered by a
 * run of its own in which that sender is the SP, unregistered: the checks of VNB_06 answer it
 * 76 before they look at any ConsentId (`OFF-RESPONSE-CODES`), so the DSO's registry is the
 * same for it.
 */

import { PROCESSES, type SutParty } from '@consent-sim/conformance';
import { type cmReqOff, isoInZone } from '@consent-sim/core';
import { type CMRequestDocument, parseEdaXml, validateEdaXml } from '@consent-sim/messages';
import { unpackRequests } from '@consent-sim/qr';
import type { CustomerMail, ReferenceDsoOptions } from './dso-types.ts';
import { Outbox } from './outbox.ts';
import {
  inSendingOrder,
  type RegistryChange,
  RoleHost,
  runSeed,
  type SentItem,
} from './role-host.ts';
import { createVirtualTime, type VirtualTime } from './virtual-time.ts';

const plugin = PROCESSES['cm-req-off'];
/** The customer of the run; the DSO answers an application to the address it came from. */
const CUSTOMER_EMAIL = 'kundin@consent-sim.invalid';
/** The run's SP when none is registered: a well-formed address that is not registered. */
const NO_SP = 'EP000000';

export interface DsoRun {
  readonly where: string;
  readonly address: string;
  readonly time: VirtualTime;
  readonly outbox: Outbox;
  readonly mails: readonly CustomerMail[];
  readonly statuses: ReadonlyMap<string, cmReqOff.ConsentStatus>;
  /** The run that answers `sender` (the registered SP's, or one of its own). */
  hostFor(sender: string): RoleHost;
  record(items: readonly SentItem[]): void;
  /** The customer e-mails the DSO `mail` now; returns the mails the DSO sent her in reply. */
  fromCustomer(mail: Omit<cmReqOff.Mail, 'topic'> & { topic: unknown }): CustomerMail[];
  /** The CMRequest templates in a QR payload, as the SP reads them (SP_02). */
  qrDocuments(payload: string): CMRequestDocument[];
}

/**
 * @example const run = startDso({ address: 'AT001000', registeredServiceProviders: ['EP100200'] });
 */
export function startDso(options: ReferenceDsoOptions): DsoRun {
  const where = 'msw/reference-dso.ts';
  const registered = options.registeredServiceProviders;
  if (registered.length > 1) {
    throw new Error(
      `consent-sim: ${where}: the reference DSO serves one registered service provider (the run's SP), got ${registered.join(', ')}; create one DSO per SP`,
    );
  }
  const outbox = new Outbox();
  const mails: CustomerMail[] = [];
  const statuses = new Map<string, cmReqOff.ConsentStatus>();
  const onRegistry = (e: RegistryChange) => {
    if (e.type === 'consent') statuses.set(e.consentId, e.status as cmReqOff.ConsentStatus);
  };
  const hosts = new Map<string, RoleHost>();
  const record = (items: readonly SentItem[]) => {
    for (const sent of inSendingOrder(items)) {
      if (sent.item.channel === 'eda') outbox.add(edaEntry(sent));
      else mails.push(customerMail(sent));
    }
  };
  const time = createVirtualTime({
    clock: options.clock,
    start: options.start,
    where,
    onMove: (instant) => record([...hosts.values()].flatMap((h) => h.advanceTo(instant))),
  });
  const open = (sp: string, isRegistered: boolean): RoleHost => {
    const host = new RoleHost({
      plugin,
      role: 'vnb',
      testId: `msw-dso-${sp}`,
      parties: dsoParties(options.address, sp, isRegistered),
      seed: runSeed(options.seed, hosts.size === 0 ? undefined : sp),
      startMs: time.now(),
      onRegistry,
    });
    hosts.set(sp, host);
    return host;
  };
  const main = open(registered[0] ?? NO_SP, registered.length > 0);
  return {
    where,
    address: options.address,
    time,
    outbox,
    mails,
    statuses,
    hostFor: (sender) => hosts.get(sender) ?? open(sender, false),
    record,
    fromCustomer(mail) {
      const before = mails.length;
      const atMs = time.now();
      const content = mail as unknown as Record<string, unknown>;
      record(
        main.deliver({
          channel: 'email',
          from: 'customer',
          messageCode: null,
          document: null,
          content,
          atMs,
        }),
      );
      return mails.slice(before);
    },
    qrDocuments: (payload) =>
      unpackRequests(payload).map((line) => parseEdaXml(line).document as CMRequestDocument),
  };
}

function dsoParties(dso: string, sp: string, registered: boolean): SutParty[] {
  return [
    { id: 'vnb', role: 'vnb', address: dso },
    { id: 'sp', role: 'sp', address: sp, registered },
    { id: 'customer', role: 'customer', address: CUSTOMER_EMAIL, channel: 'email' },
  ];
}

/** An EDA document of the DSO as the outbox lists it. */
function edaEntry({ item, atMs, to }: SentItem) {
  const body = item.document ?? '';
  const doc = validateEdaXml(body).document;
  const notification = doc?.documentType === 'CMNotification' ? doc : undefined;
  const subject =
    doc === undefined || doc.documentType === 'CMNotification'
      ? notification?.processDirectory.responseData[0]?.consentId
      : doc.processDirectory.consentId;
  return {
    atMs,
    at: isoInZone(atMs, plugin.zone),
    to,
    messageCode: item.messageCode ?? doc?.messageCode ?? 'unknown',
    responseCodes:
      notification?.processDirectory.responseData.flatMap((d) => d.responseCodes) ?? [],
    ...(subject === undefined ? {} : { subject }),
    contentType: body.trimStart().startsWith('<') ? 'application/xml' : 'application/json',
    body,
  } as const;
}

/** A letter or e-mail to the customer: the protocol carries the DSO's Mail as `content`. */
function customerMail({ item, atMs }: SentItem): CustomerMail {
  return { atMs, channel: item.channel, mail: item.content as unknown as cmReqOff.Mail };
}
