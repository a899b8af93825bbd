// Builders for the EDA identifiers a party mints: MessageId, ConversationId, ConsentId
// (step CM_REQ_OFF_VNB_01 "DSO creates a ConsentId"). Time comes in as epoch ms, randomness as an
// injected function, so the same seed gives the same ids.

import { viennaStamp } from './vienna-time.ts';

const ADDRESS = /^[A-Z]{2}[0-9A-Z]{6}$/;
const CM_REQUEST_ID = /^[A-Z2-7]{8}$/;

function requireAddress(value: string, field: string): void {
  if (!ADDRESS.test(value)) {
    throw new Error(
      `consent-sim: ${field} '${value}' is not an 8-character EDA address (two letters + 6 letters/digits, e.g. AT001000 or EP100123); pass the party's MessageAddress`,
    );
  }
}

/** Input of {@link consentId}. */
export interface ConsentIdInput {
  /** The DSO's 8-character EDA address, e.g. `AT001000`. */
  dsoAddress: string;
  /** When the DSO issued the ConsentId (virtual epoch ms). */
  issuedAt: number;
  /** The CMRequestId of the request the consent belongs to. */
  cmRequestId: string;
}

/**
 * A ConsentId: DSO address (8) + issue time as Vienna local `yyyyMMddHHmmssSSS` (17) +
 * CMRequestId (8) = 33 characters.
 *
 * @example consentId({ dsoAddress: 'AT001000', issuedAt: Date.parse('2024-04-02T14:40:46.426Z'), cmRequestId: 'BI2AWUO2' })
 *   // → 'AT00100020240402164046426BI2AWUO2'
 */
export function consentId({ dsoAddress, issuedAt, cmRequestId }: ConsentIdInput): string {
  requireAddress(dsoAddress, 'consentId: dsoAddress');
  if (!CM_REQUEST_ID.test(cmRequestId)) {
    throw new Error(
      `consent-sim: consentId: cmRequestId '${cmRequestId}' is not 8 base32 characters (A–Z, 2–7); compute it with cmRequestId(messageId)`,
    );
  }
  return `${dsoAddress}${viennaStamp(issuedAt, 'consentId: issuedAt')}${cmRequestId}`;
}

/** Input of {@link messageId}. */
export interface MessageIdInput {
  /** The sender's 8-character EDA address. */
  sender: string;
  /** When the message is created (virtual epoch ms). */
  at: number;
  /** The caller's seeded generator: a number in [0, 1) per call. */
  random: () => number;
}

/**
 * An EDA-shaped MessageId: sender address (8) + Vienna local `yyyyMMddHHmmssSSS` (17) + 10 random
 * digits = 35 characters, the XSD maximum of a GroupingId.
 *
 * @example messageId({ sender: 'AT001000', at: Date.parse('2024-04-02T14:40:40.805Z'), random: () => 0.0262904881 })
 *   // → 'AT001000202404021640408050262904881'
 */
export function messageId({ sender, at, random }: MessageIdInput): string {
  requireAddress(sender, 'messageId: sender');
  const draw = random();
  if (!(draw >= 0 && draw < 1)) {
    throw new Error(
      `consent-sim: messageId: random() returned ${String(draw)}, expected a number in [0, 1); pass the seeded RNG's next()`,
    );
  }
  const digits = String(Math.floor(draw * 1e10)).padStart(10, '0');
  return `${sender}${viennaStamp(at, 'messageId: at')}${digits}`;
}

/** Input of {@link conversationId}. */
export interface ConversationIdInput {
  /** The 8-character EDA address of the party that starts the conversation. */
  sender: string;
  /** When the conversation starts (virtual epoch ms). */
  at: number;
}

/**
 * A ConversationId as the shared samples show it: sender address + `T` + epoch milliseconds.
 *
 * @example conversationId({ sender: 'EP100123', at: 1712068829927 }) // → 'EP100123T1712068829927'
 */
export function conversationId({ sender, at }: ConversationIdInput): string {
  requireAddress(sender, 'conversationId: sender');
  if (!Number.isSafeInteger(at) || at < 0) {
    throw new Error(
      `consent-sim: conversationId: at must be a non-negative integer of epoch milliseconds, got ${String(at)}`,
    );
  }
  return `${sender}T${at}`;
}
