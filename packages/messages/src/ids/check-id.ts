// Detects which identifier a string is meant to be and checks it as that kind: every kind whose
// loose shape fits is a candidate; a candidate with decisive evidence wins, else the first valid
// one, else the first candidate's problems are reported, so a near miss (e.g. a 32-character
// metering point) is explained.

import { decodeCmRequestId } from './cm-request-id.ts';
import {
  checkCmRequestId,
  checkConsentId,
  checkConversationId,
  checkMessageId,
} from './eda-id-checks.ts';
import { checkMarketParticipant, checkMeteringPoint } from './eda-party-checks.ts';
import { checkFinnishBusinessId, checkFinnishPersonalId } from './finnish-ids.ts';
import { checkGsrn } from './gsrn.ts';
import { type IdCheck, type IdKind, idCheck } from './id-check.ts';

interface Detector {
  kind: Exclude<IdKind, 'unknown'>;
  looksLike: RegExp;
  /** Evidence strong enough to decide for this kind even when another kind's check passes. */
  claims?: (id: string) => boolean;
  check: (id: string) => IdCheck;
  describe: string;
}

// Order matters: among several candidates, more specific shapes come first (a valid metering
// point can fit the loose ConsentId shape; its CMRequestId part then fails and the metering point
// wins).
const DETECTORS: readonly Detector[] = [
  {
    kind: 'consent-id',
    looksLike: /^[A-Za-z]{2}[0-9A-Za-z]{6}\d{17}[0-9A-Za-z]{8}$/,
    // A ConsentId with a broken timestamp is still a schema-valid metering point; a CMRequestId
    // suffix with a correct CRC-8 byte (1 in 256 by chance, and metering points rarely end in
    // base32 letters) decides for the ConsentId so that its real problem is reported.
    claims: (id) => {
      const suffix = decodeCmRequestId(id.slice(25));
      return suffix.ok && suffix.crc8 === suffix.crc8Expected;
    },
    check: (id) => checkConsentId(id),
    describe: 'consent-id (DSO address + Vienna yyyyMMddHHmmssSSS + CMRequestId, 33)',
  },
  {
    kind: 'metering-point',
    looksLike: /^AT[0-9A-Za-z]{26,36}$/i,
    check: (id) => checkMeteringPoint(id),
    describe: 'metering-point (AT + 6-digit DSO number + 25 letters/digits, 33)',
  },
  {
    kind: 'message-id',
    looksLike: /^[A-Za-z]{2}[0-9A-Za-z]{6}\d{27}$/,
    check: checkMessageId,
    describe: 'message-id (address + Vienna timestamp + 10 digits, 35)',
  },
  {
    kind: 'conversation-id',
    looksLike: /^[A-Za-z]{2}[0-9A-Za-z]{6}T\d{10,15}$/,
    check: checkConversationId,
    describe: 'conversation-id (address + T + epoch ms)',
  },
  {
    kind: 'gsrn',
    looksLike: /^\d{16,20}$/,
    check: (id) => checkGsrn(id),
    describe: 'gsrn (18 digits, GS1 check digit)',
  },
  {
    kind: 'finnish-personal-id',
    looksLike: /^\d{6}[-+A-Za-z]\d{3}[0-9A-Za-z]$/,
    check: checkFinnishPersonalId,
    describe: 'finnish-personal-id (DDMMYYCZZZQ)',
  },
  {
    kind: 'finnish-business-id',
    looksLike: /^\d{5,8}-\d$/,
    check: checkFinnishBusinessId,
    describe: 'finnish-business-id (NNNNNNN-C)',
  },
  {
    kind: 'market-participant',
    looksLike: /^(AT|EP|RC|GC|CC)[0-9A-Za-z]{5,7}$/i,
    check: (id) => checkMarketParticipant(id),
    describe: 'market-participant (AT/EP/RC/GC/CC + 6 digits)',
  },
  {
    kind: 'cm-request-id',
    looksLike: /^[0-9A-Za-z]{8}$/,
    check: (id) => checkCmRequestId(id),
    describe: 'cm-request-id (8 base32 characters)',
  },
];

/** The kinds {@link checkId} can detect, with their shapes. */
export const DETECTABLE_KINDS: readonly string[] = DETECTORS.map((d) => d.describe);

/**
 * Detects the kind of an identifier and checks it. An id that fits no known shape gets kind
 * `unknown` and a problem that lists the shapes known.
 *
 * @example checkId('643000000000000016').kind // → 'gsrn'
 */
export function checkId(id: string): IdCheck {
  const matching = DETECTORS.filter((d) => d.looksLike.test(id));
  const claimed = matching.find((d) => d.claims?.(id) === true);
  if (claimed !== undefined) return claimed.check(id);
  const candidates = matching.map((d) => d.check(id));
  const valid = candidates.find((c) => c.valid);
  if (valid !== undefined) return valid;
  const first = candidates[0];
  if (first !== undefined) return first;
  return idCheck(
    'unknown',
    [
      `'${id}' (${Array.from(id).length} characters) has the shape of none of the identifiers known: ${DETECTABLE_KINDS.join('; ')}`,
    ],
    {},
  );
}
