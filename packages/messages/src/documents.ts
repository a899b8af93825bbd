import { buildEdaXml } from './eda/build.ts';
import { type EdaSampleCode, listEdaSamples, sampleEdaDocument } from './eda/samples.ts';
import type { ValidationIssue } from './eda/types.ts';
import { validateEdaXml } from './eda/validate.ts';

/** Which family of wire formats a document belongs to. */
export type DocumentFamily = 'eda' | 'datahub';

/** What `sim validate` reports for one document of either family. */
export interface DocumentValidation {
  readonly family?: DocumentFamily;
  readonly documentType?: string;
  readonly version?: string;
  readonly messageCode?: string;
  readonly issues: readonly ValidationIssue[];
}

/** One entry of `sim sample --list`. */
export interface SampleInfo {
  readonly messageCode: string;
  readonly family: DocumentFamily;
  readonly documentType: string;
  readonly versions: readonly string[];
  readonly defaultVersion: string;
}

/**
 * Validates an XML document of any supported family: the hostile-input guard first, then the
 * family is chosen by the root element's namespace, then that family's rules.
 *
 * @example validateDocumentXml(bytes).issues.length === 0
 */
export function validateDocumentXml(input: string | Uint8Array): DocumentValidation {
  const eda = validateEdaXml(input);
  return {
    family: eda.documentType === undefined ? undefined : 'eda',
    documentType: eda.documentType,
    version: eda.version,
    messageCode: eda.messageCode,
    issues: eda.issues,
  };
}

/** Every message code `sampleXml` can produce, EDA first, then Datahub. */
export function listSamples(): SampleInfo[] {
  return listEdaSamples().map((info) => ({ ...info, family: 'eda' as const }));
}

/**
 * A valid, seeded sample document as XML text; same code, version and seed ⇒ same bytes.
 *
 * @example sampleXml('ANFORDERUNG_CMQF', { seed: 1 })
 */
export function sampleXml(
  messageCode: string,
  options: { seed: number; version?: string },
): string {
  const info = listSamples().find((entry) => entry.messageCode === messageCode);
  if (info === undefined) {
    throw new Error(`consent-sim: no sample for message code "${messageCode}"; see listSamples()`);
  }
  return buildEdaXml(sampleEdaDocument(messageCode as EdaSampleCode, options));
}
