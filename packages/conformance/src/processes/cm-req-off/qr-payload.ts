/**
 * The QR payload a SUT DSO writes into its letter (VNB_02/VNB_03, `content.qrPayload`), judged
 * rule by rule as `sim qr decode` judges a scanned code (OFF-QR-PAYLOAD; the size by
 * OFF-QR-TOO-LARGE): not a CMRequest, a schema rule broken or too large for a QR code FAILs;
 * the other readings the interpretation lists (a declaration, line breaks, prefixes) WARN.
 */
import { capacityBytes, checkQrPayload, payloadByteLength } from '@consent-sim/qr';
import type { MailFinding, MailRules } from '../../process/policy.ts';

const PATH = '$.content.qrPayload';

export const cmReqOffQrPayload: MailRules = {
  subject: 'QR payload',
  read({ channel, content }) {
    // A hand-over passes on the payload the customer holds; its sender did not write it.
    const payload = content?.qrPayload;
    if (channel === 'handover' || typeof payload !== 'string') return [];
    // OFF-QR-TOO-LARGE: a payload that fits level L but not M is printed at L, as the reading says.
    const atM = payloadByteLength(payload) <= capacityBytes('M');
    const report = checkQrPayload(payload, { level: atM ? 'M' : 'L' });
    // The level is the harness's choice when it renders the payload, not the DSO's.
    return report.checks
      .filter((check) => check.rule !== 'level')
      .map(
        (check): MailFinding => ({
          verdict: check.verdict,
          why: `${check.rule}: ${check.message}`,
          keys: check.verdict === 'PASS' ? [] : [check.key],
          path: `${PATH} (${check.rule})`,
          written: check.message,
          expected: check.verdict === 'PASS' ? check.message : `${check.rule} as ${check.key} says`,
        }),
      );
  },
};
