// Public API of the identifiers area: builders, checkers and seeded party builders.
export { base32Decode, base32Encode } from './base32.ts';
export {
  createFaker,
  type FakeCustomer,
  type FakeParty,
  type FakePostalAddress,
  fakeCustomer,
  fakeDso,
  fakeFinnishBusinessId,
  fakeFinnishPersonalId,
  fakeGsrn,
  fakeMeteringPoint,
  fakeServiceProvider,
  type ServiceProviderPrefix,
} from './builders.ts';
export { checkId, DETECTABLE_KINDS } from './check-id.ts';
export { crc8DvbS2, crc32 } from './checksums.ts';
export {
  type CmRequestIdDecoding,
  cmRequestId,
  cmRequestIdBytes,
  decodeCmRequestId,
} from './cm-request-id.ts';
export {
  type ConsentIdCheckOptions,
  checkCmRequestId,
  checkConsentId,
  checkConversationId,
  checkMessageId,
} from './eda-id-checks.ts';
export {
  type ConsentIdInput,
  type ConversationIdInput,
  consentId,
  conversationId,
  type MessageIdInput,
  messageId,
} from './eda-ids.ts';
export {
  checkMarketParticipant,
  checkMeteringPoint,
  type MarketParticipantCheckOptions,
  type MeteringPointCheckOptions,
  PARTICIPANT_PREFIXES,
  type ParticipantRole,
} from './eda-party-checks.ts';
export {
  businessIdCheckDigit,
  CENTURY_SIGNS,
  checkFinnishBusinessId,
  checkFinnishPersonalId,
  PERSONAL_ID_CHECK_CHARACTERS,
  personalIdCheckCharacter,
} from './finnish-ids.ts';
export { checkGsrn, type GsrnCheckOptions, gsrnCheckDigit } from './gsrn.ts';
export type { IdCheck, IdKind } from './id-check.ts';
export { EDA_ZONE, parseViennaStamp, type ViennaStampParse, viennaStamp } from './vienna-time.ts';
