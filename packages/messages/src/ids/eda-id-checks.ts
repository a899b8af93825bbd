// Checkers for the EDA process identifiers: CMRequestId, ConsentId, MessageId, ConversationId
// (cm-req-off.md "Identifier facts"; GroupingId in CPCommonTypes_01p20.xsd: [0-9A-Za-z]*, 1–35).

import { cmRequestId, decodeCmRequestId } from './cm-request-id.ts';
import { marketParticipantProblems } from './eda-party-checks.ts';
import { characterProblems, type IdCheck, idCheck, lengthProblem, span } from './id-check.ts';
import { parseViennaStamp } from './vienna-time.ts';

const BASE32_CHAR = /^[A-Z2-7]$/;
const GROUPING_CHAR = /^[0-9A-Za-z]$/;
const hex = (value: number, digits: number): string =>
  `0x${value.toString(16).padStart(digits, '0')}`;

/** Problems of an 8-character CMRequestId starting at 0-based `offset` inside a longer id. */
function cmRequestIdProblems(id: string, offset: number): string[] {
  const problems: string[] = [];
  const chars = Array.from(id);
  if (chars.length !== 8) {
    problems.push(lengthProblem(chars.length, '8', 'base32 of CRC-32 + CRC-8, 5 bytes'));
  }
  problems.push(
    ...characterProblems(
      id,
      BASE32_CHAR,
      'CMRequestIds use the base32 alphabet A–Z and 2–7 (no 0, 1, 8, 9, no lower case)',
      offset,
    ),
  );
  if (problems.length > 0) return problems;
  const decoded = decodeCmRequestId(id);
  if (decoded.ok && decoded.crc8 !== decoded.crc8Expected) {
    problems.push(
      `${span(offset + 1, offset + 8)} '${id}' end in CRC-8 byte ${hex(decoded.crc8, 2)}, but CRC-8/DVB-S2 of the first four bytes is ${hex(decoded.crc8Expected, 2)}: not produced by the CMRequestId algorithm (a character was changed?)`,
    );
  }
  return problems;
}

/**
 * Checks a CMRequestId: 8 base32 characters whose last byte is the CRC-8/DVB-S2 of the first
 * four (verifiable on its own). The CRC-32 part can only be verified against the MessageId it was
 * computed from: pass `messageId` to do so.
 *
 * @example checkCmRequestId('IWRN74PW', 'AT999999201812312359598880000000001').valid // → true
 */
export function checkCmRequestId(id: string, messageId?: string): IdCheck {
  const problems = cmRequestIdProblems(id, 0);
  const parts: Record<string, string> = {};
  const decoded = decodeCmRequestId(id);
  if (decoded.ok) {
    parts.crc32 = hex(decoded.crc32, 8);
    parts.crc8 = hex(decoded.crc8, 2);
  }
  if (messageId !== undefined && messageId.length > 0) {
    const expected = cmRequestId(messageId);
    parts.messageId = messageId;
    parts.expected = expected;
    if (expected !== id) {
      problems.push(
        `'${id}' is not the CMRequestId of MessageId '${messageId}': expected '${expected}' (CRC-32 of the MessageId's UTF-8 bytes + CRC-8/DVB-S2, base32)`,
      );
    }
  }
  return idCheck('cm-request-id', problems, parts);
}

/** Options of {@link checkConsentId}. */
export interface ConsentIdCheckOptions {
  /** The CMRequestId of the request; a ConsentId ends with it. */
  cmRequestId?: string;
  /** The DSO that issued it; a ConsentId starts with its address. */
  dsoAddress?: string;
}

/**
 * Checks a ConsentId: DSO address (8) + issue time as a Vienna local `yyyyMMddHHmmssSSS` that
 * exists (17) + CMRequestId (8) = 33 characters.
 *
 * @example checkConsentId('AT00100020240402164046426BI2AWUO2').parts.issuedAt // → '2024-04-02T16:40:46.426+02:00'
 */
export function checkConsentId(id: string, options: ConsentIdCheckOptions = {}): IdCheck {
  const shape = 'DSO address (8) + Vienna local yyyyMMddHHmmssSSS (17) + CMRequestId (8)';
  const chars = Array.from(id);
  if (chars.length !== 33) {
    const problems = [
      lengthProblem(chars.length, '33', shape),
      ...characterProblems(id, GROUPING_CHAR, 'ConsentIds use A–Z, a–z and 0–9 only', 0),
    ];
    return idCheck('consent-id', problems, {});
  }
  const address = id.slice(0, 8);
  const stamp = id.slice(8, 25);
  const requestId = id.slice(25);
  const problems = marketParticipantProblems(address, 0, 'dso');
  const time = parseViennaStamp(stamp);
  const parts: Record<string, string> = { dsoAddress: address, stamp, cmRequestId: requestId };
  if (time.ok) parts.issuedAt = time.iso;
  else problems.push(`${span(9, 25)} (issue time, Vienna local yyyyMMddHHmmssSSS): ${time.reason}`);
  problems.push(...cmRequestIdProblems(requestId, 25));
  if (options.dsoAddress !== undefined && address !== options.dsoAddress) {
    problems.push(
      `${span(1, 8)} are '${address}', expected the issuing DSO '${options.dsoAddress}'`,
    );
  }
  if (options.cmRequestId !== undefined && requestId !== options.cmRequestId) {
    problems.push(
      `${span(26, 33)} are '${requestId}', expected the request's CMRequestId '${options.cmRequestId}'`,
    );
  }
  return idCheck('consent-id', problems, parts);
}

/** The GroupingId rule shared by MessageId and ConversationId, plus the shape it was read as. */
function groupingIdCheck(
  kind: 'message-id' | 'conversation-id',
  label: string,
  id: string,
): IdCheck {
  const chars = Array.from(id);
  const problems: string[] = [];
  if (chars.length < 1 || chars.length > 35) {
    problems.push(lengthProblem(chars.length, '1–35', `${label} is an XSD GroupingId`));
  }
  problems.push(
    ...characterProblems(
      id,
      GROUPING_CHAR,
      `${label}s use A–Z, a–z and 0–9 only (XSD pattern [0-9A-Za-z]*)`,
    ),
  );
  const notes: string[] = [];
  const parts: Record<string, string> = { shape: 'other' };
  const eda = /^([A-Z]{2}[0-9A-Z]{6})(\d{17})(\d{10})$/.exec(id);
  const epoch = /^([A-Z]{2}[0-9A-Z]{6})T(\d{1,15})$/.exec(id);
  if (eda?.[1] !== undefined && eda[2] !== undefined && eda[3] !== undefined) {
    const time = parseViennaStamp(eda[2]);
    Object.assign(parts, {
      shape: 'address+timestamp+10 digits',
      sender: eda[1],
      stamp: eda[2],
      sequence: eda[3],
    });
    if (time.ok) parts.createdAt = time.iso;
    else notes.push(`${span(9, 25)} look like a timestamp but are not one: ${time.reason}`);
  } else if (epoch?.[1] !== undefined && epoch[2] !== undefined) {
    const at = Number(epoch[2]);
    Object.assign(parts, { shape: 'address+T+epoch ms', sender: epoch[1], epochMs: epoch[2] });
    if (Number.isSafeInteger(at)) parts.createdAt = new Date(at).toISOString();
  }
  return idCheck(kind, problems, parts, notes);
}

/**
 * Checks a MessageId: an XSD GroupingId (1–35 of A–Z, a–z, 0–9). An EDA-shaped id (address +
 * Vienna timestamp + 10 digits) is split into its parts; other shapes are valid too.
 *
 * @example checkMessageId('ATXXXXXX202404021640408050262904881').parts.createdAt // → '2024-04-02T16:40:40.805+02:00'
 */
export function checkMessageId(id: string): IdCheck {
  return groupingIdCheck('message-id', 'MessageId', id);
}

/**
 * Checks a ConversationId: an XSD GroupingId like a MessageId; `<address>T<epoch ms>` is read
 * into its parts.
 *
 * @example checkConversationId('EPXXXXXXT1712068829927').parts.createdAt // → '2024-04-02T14:40:29.927Z'
 */
export function checkConversationId(id: string): IdCheck {
  return groupingIdCheck('conversation-id', 'ConversationId', id);
}
