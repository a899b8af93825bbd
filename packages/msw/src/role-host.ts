/**
 * One reference role hosted the way `sim serve` hosts it: a `ServedRole` of
 * @consent-sim/conformance, i.e. the process's own wiring, codecs, id streams and timers
 * (`assembleRun`), with every other role proxied. msw drives it with deliveries and clock moves
 * and gets back what the role sent, each item with its instant and its recipient's address.
 */

import {
  type OutboxItem,
  type ProcessPlugin,
  type ResetRequest,
  ServedRole,
  SUT_PROTOCOL_VERSION,
  type SutParty,
  type SutResponse,
} from '@consent-sim/conformance';
import { isoInZone } from '@consent-sim/core';
import { createRng } from '@consent-sim/sim';

export interface RoleHostOptions {
  readonly plugin: ProcessPlugin;
  readonly role: string;
  readonly testId: string;
  /** Every party of the run, the hosted role's included (ids are the process's role names). */
  readonly parties: readonly SutParty[];
  readonly seed: number;
  readonly startMs: number;
  /** Called with every registry change the role reports (a ConsentId's or request's status). */
  readonly onRegistry?: (change: RegistryChange) => void;
}

/** A `consent` (CM_REQ_OFF) or `request` (DH-831) status the hosted role reported. */
export type RegistryChange =
  | { readonly type: 'consent'; readonly consentId: string; readonly status: string }
  | { readonly type: 'request'; readonly requestId: string; readonly status: string };

const isRegistryChange = (detail: unknown): detail is RegistryChange =>
  typeof detail === 'object' &&
  detail !== null &&
  ((detail as { type?: unknown }).type === 'consent' ||
    (detail as { type?: unknown }).type === 'request');

/** One thing the hosted role sent. */
export interface SentItem {
  readonly item: OutboxItem;
  readonly atMs: number;
  /** The recipient's address (EDA address, Datahub party id, e-mail address). */
  readonly to: string;
}

/** A document or mail for the hosted role, from a proxied party (by its role name). */
export interface HostDelivery {
  readonly channel: string;
  readonly from: string;
  readonly messageCode: string | null;
  readonly document: string | null;
  readonly content?: Record<string, unknown>;
  readonly atMs: number;
}

/**
 * @example
 * const host = new RoleHost({ plugin: PROCESSES['cm-req-off'], role: 'vnb', testId: 'msw', parties, seed: 1, startMs });
 * host.deliver({ channel: 'eda', from: 'sp', messageCode: null, document: xml, atMs }); // the DSO's answers
 */
export class RoleHost {
  readonly parties: readonly SutParty[];
  readonly #served: ServedRole;
  readonly #zone: string;
  readonly #testId: string;
  readonly #role: string;
  #deliveries = 0;

  constructor(options: RoleHostOptions) {
    const { plugin, role, testId, parties } = options;
    this.parties = parties;
    this.#zone = plugin.zone;
    this.#testId = testId;
    this.#role = role;
    const reset: ResetRequest = {
      protocol: SUT_PROTOCOL_VERSION,
      testId,
      process: plugin.name,
      role,
      seed: options.seed,
      start: isoInZone(options.startMs, plugin.zone),
      zone: plugin.zone,
      parties: [...parties],
      parameters: {},
    };
    this.#served = ServedRole.reset(plugin, reset, role);
    const { onRegistry } = options;
    if (onRegistry !== undefined) {
      // The role's registry reports are `state` events of its run (packages/sim emissions).
      this.#served.listen((event) => {
        if (event.kind === 'state' && event.party === role && isRegistryChange(event.detail)) {
          onRegistry(event.detail);
        }
      });
    }
  }

  /** Moves the run to `atMs`, firing every timer due up to it. */
  advanceTo(atMs: number): SentItem[] {
    return this.#sent(this.#served.clock(atMs));
  }

  /** Hands the role a document or mail at `atMs` (≥ the run's clock). */
  deliver(delivery: HostDelivery): SentItem[] {
    this.#deliveries += 1;
    const answer = this.#served.deliver({
      protocol: SUT_PROTOCOL_VERSION,
      testId: this.#testId,
      deliveryId: `d${this.#deliveries}`,
      channel: delivery.channel,
      from: delivery.from,
      to: this.#role,
      messageCode: delivery.messageCode,
      document: delivery.document,
      content: delivery.content ?? null,
      at: isoInZone(delivery.atMs, this.#zone),
    });
    return this.#sent(answer);
  }

  #sent(answer: SutResponse): SentItem[] {
    return answer.outbox.map((item) => ({
      item,
      atMs: Date.parse(item.at),
      to: this.parties.find((p) => p.id === item.to)?.address ?? item.to,
    }));
  }
}

/**
 * A run's seed as the protocol takes it (an integer); text seeds are hashed by the seeded
 * stream, and `fork` gives a further run of the same party its own id stream.
 *
 * @example runSeed('demo') // the same integer every time
 */
export function runSeed(seed: number | string | undefined, fork?: string): number {
  const base = seed ?? 1;
  if (fork === undefined && Number.isSafeInteger(base)) return base as number;
  const rng = createRng(base);
  return (fork === undefined ? rng : rng.fork(fork)).int(0, 2_147_483_647);
}

/** A request body as text (the messages guard already refused anything not UTF-8). */
export const documentText = (xml: string | Uint8Array): string =>
  typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml);

/** Items of several runs in the order they were sent (stable for equal instants). */
export const inSendingOrder = (items: readonly SentItem[]): SentItem[] =>
  [...items].sort((a, b) => a.atMs - b.atMs);
