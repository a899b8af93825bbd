import { buildDatahubXml } from './datahub/build.ts';
import {
  type DatahubSampleKind,
  listDatahubSamples,
  sampleDatahubDocument,
} from './datahub/samples.ts';
import type { DatahubDocument } from './datahub/types.ts';
import { validateDatahubXml } from './datahub/validate.ts';
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

/** The Datahub XML is the reference's own (no official schema is published): one version. */
const DATAHUB_VERSION = '1';

/** The sample name of a Datahub document: `DH-831`, `DH-851`, `DH-825`, `DH-831-ACK-POSITIVE`, … */
function datahubMessageCode(document: DatahubDocument): string {
  if (document.kind !== 'ACK') return document.kind;
  const acknowledged = document.original?.messageType ?? 'DH-831';
  return `${acknowledged}-ACK-${document.acknowledgement.result.toUpperCase()}`;
}

/**
 * Validates an XML document of any supported family: the hostile-input guard first, then the
 * family is chosen by the root element's namespace (EDA, else the reference's Datahub XML),
 * then that family's rules.
 *
 * @example validateDocumentXml(bytes).issues.length === 0
 */
export function validateDocumentXml(input: string | Uint8Array): DocumentValidation {
  const eda = validateEdaXml(input);
  if (eda.documentType !== undefined) {
    const { documentType, version, messageCode, issues } = eda;
    return { family: 'eda', documentType, version, messageCode, issues };
  }
  const foreignToEda = eda.issues.some((issue) => issue.rule === 'namespace');
  if (foreignToEda) {
    const datahub = validateDatahubXml(input);
    if (datahub.document !== undefined) {
      return {
        family: 'datahub',
        documentType: datahub.document.kind,
        version: DATAHUB_VERSION,
        messageCode: datahubMessageCode(datahub.document),
        issues: datahub.issues,
      };
    }
    // Neither family knows the root: report both readings of the document.
    if (!datahub.issues.some((issue) => issue.rule === 'EC.MSG.002')) {
      return { issues: datahub.issues };
    }
  }
  return { issues: eda.issues };
}

/** Every message code `sampleXml` can produce, EDA first, then Datahub. */
export function listSamples(): SampleInfo[] {
  const eda = listEdaSamples().map((info) => ({ ...info, family: 'eda' as const }));
  const datahub = listDatahubSamples().map(({ kind }) => ({
    messageCode: kind,
    family: 'datahub' as const,
    documentType: kind.startsWith('DH-825') ? 'DH-825' : kind.includes('ACK') ? 'ACK' : kind,
    versions: [DATAHUB_VERSION],
    defaultVersion: DATAHUB_VERSION,
  }));
  return [...eda, ...datahub];
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
  if (info.family === 'datahub') {
    return buildDatahubXml(sampleDatahubDocument(messageCode as DatahubSampleKind, options));
  }
  return buildEdaXml(sampleEdaDocument(messageCode as EdaSampleCode, options));
}
