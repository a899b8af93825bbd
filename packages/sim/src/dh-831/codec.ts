/**
 * The DH-831 wire, composed by channel: intents on `datahub` become the reference's own XML
 * (datahub-outbound.ts), parsed and validated on arrival (datahub-inbound.ts: technical faults
 * reach Datahub as `receive.invalid`, business issues travel on so the machine refuses them with
 * a negative ACK, DH-ERROR-IDS); e-mails become RFC 5322 text (email-codec.ts); the
 * simulation-only `AS-DECISION` / `AUTHORIZATION_END` travel as they are.
 */
import type { dh831 } from '@consent-sim/core';
import type { InboundCodec, InboundResult, OutboundCodec, PartyInfo } from '../codec.ts';
import type { Rng } from '../rng.ts';
import { decodeDatahub } from './datahub-inbound.ts';
import { createDatahubOutbound, simulationOnly } from './datahub-outbound.ts';
import { createEmailCodec } from './email-codec.ts';
import type { Dh831Ledger } from './ledger.ts';
import type { Dh831Parties, Dh831Party } from './parties.ts';

export interface Dh831CodecOptions {
  readonly parties: Dh831Parties;
  /** Stream for MessageIds and Message-IDs. */
  readonly rng: Rng;
  /** The virtual clock's now, epoch ms. */
  readonly now: () => number;
  readonly ledger: Dh831Ledger;
}

export interface Dh831Codecs {
  readonly outbound: OutboundCodec;
  readonly inbound: InboundCodec;
}

/**
 * @example
 * const { outbound, inbound } = createDh831Codecs({ parties, rng, now: () => sim.clock.now(), ledger });
 */
export function createDh831Codecs(options: Dh831CodecOptions): Dh831Codecs {
  const { parties, rng, now, ledger } = options;
  const all: readonly Dh831Party[] = [parties.seller, parties.datahub, parties.customer];
  const party = (idOrAddress: string, where: string): Dh831Party => {
    const found = all.find((p) => p.id === idOrAddress || p.address === idOrAddress);
    if (found === undefined) {
      throw new Error(
        `consent-sim: dh-831/codec.ts ${where}: "${idOrAddress}" is no DH-831 party id or address (known: ${all.map((p) => `${p.id}=${p.address}`).join(', ')})`,
      );
    }
    return found;
  };
  // One stream for both: header MessageIds and Message-IDs are drawn in the order sent.
  const encodeDatahub = createDatahubOutbound({ rng, now, ledger });
  const mails = createEmailCodec({ rng, now, ledger });

  const outbound: OutboundCodec = (from, emitted) => {
    const sender = party(from.id, 'outbound sender');
    switch (emitted.channel) {
      case 'datahub':
        return encodeDatahub(
          sender,
          party(emitted.to, 'outbound datahub recipient'),
          emitted.message as dh831.DatahubIntent,
        );
      case 'email':
        return mails.encode(sender, emitted.message as dh831.EmailIntent);
      case 'authorization-service': {
        const decision = emitted.message as dh831.AuthorizationDecision;
        ledger.decisions.set(decision.requestId, decision.decision);
        return simulationOnly(decision);
      }
      default:
        throw new Error(
          `consent-sim: dh-831/codec.ts: ${from.id} sent on channel "${emitted.channel}"; DH-831 uses datahub, email and authorization-service`,
        );
    }
  };

  const inbound: InboundCodec = (to: PartyInfo, envelope): InboundResult => {
    const from = party(envelope.from, 'inbound sender').address;
    switch (envelope.channel) {
      case 'datahub':
        return decodeDatahub(to, from, envelope);
      case 'authorization-service':
        return { event: { type: 'receive.AS-DECISION', from, message: envelope.payload } };
      case 'email':
        return mails.decode(from, envelope);
      default:
        return { rejected: `DH-831 does not use channel "${envelope.channel}"` };
    }
  };

  return { outbound, inbound };
}
