/**
 * DH-831 inbound on the `datahub` channel: XML is parsed and validated. Technical faults
 * (EC.MSG.*) reach Datahub as `receive.invalid`, any other party refuses them; business issues
 * travel on so the machine refuses them with a negative ACK (DH-ERROR-IDS). The simulation-only
 * `AUTHORIZATION_END` is delivered as it is.
 */
import { isTechnicalIssue, validateDatahubXml } from '@consent-sim/messages';
import type { InboundResult, PartyInfo } from '../codec.ts';
import type { Envelope } from '../envelope.ts';
import { issueList } from './datahub-outbound.ts';

/**
 * What a `datahub` envelope from the party at address `from` becomes for `to`.
 *
 * @example decodeDatahub(datahubInfo, seller.address, envelope) // { event: { type: 'receive.DH-831', … } }
 */
export function decodeDatahub(to: PartyInfo, from: string, envelope: Envelope): InboundResult {
  if (typeof envelope.payload !== 'string' && !(envelope.payload instanceof Uint8Array)) {
    // AUTHORIZATION_END: simulation-only, delivered as it is.
    return {
      event: {
        type: `receive.${envelope.messageCode ?? 'unknown'}`,
        from,
        message: envelope.payload,
      },
    };
  }
  const { document, issues } = validateDatahubXml(envelope.payload);
  const technical = issues.filter(isTechnicalIssue);
  if (document === undefined || technical.length > 0) {
    if (to.id !== 'datahub') {
      return {
        rejected: `unreadable Datahub document: ${issueList(technical)}`,
        detail: technical,
      };
    }
    return {
      event: {
        type: 'receive.invalid',
        from,
        messageCode: envelope.messageCode ?? 'unknown',
        issues: technical.length > 0 ? technical : issues,
      },
    };
  }
  return { event: { type: `receive.${document.kind}`, from, message: document } };
}
