import type { EdaDocumentType, EdaVersion, EdaVersionOf } from './types.ts';

/** Namespace of CPCommonTypes 01.20, imported by every CM schema (prefix `ct` in the XSDs). */
export const COMMON_TYPES_NAMESPACE =
  'http://www.ebutilities.at/schemata/customerprocesses/common/types/01p20';

/** Schema versions this package reads, writes and validates, oldest first. */
export const EDA_VERSIONS: { readonly [T in EdaDocumentType]: readonly EdaVersionOf<T>[] } = {
  CMRequest: ['01.10', '01.20', '01.21', '01.30'],
  CMNotification: ['01.11', '01.12', '01.20'],
  CMRevoke: ['01.00', '01.10'],
};

/** The newest version of each document type: what samples and builders use by default. */
export const DEFAULT_EDA_VERSION: { readonly [T in EdaDocumentType]: EdaVersionOf<T> } = {
  CMRequest: '01.30',
  CMNotification: '01.20',
  CMRevoke: '01.10',
};

const DOCUMENT_NAMESPACE =
  /^http:\/\/www\.ebutilities\.at\/schemata\/customerconsent\/(cmrequest|cmnotification|cmrevoke)\/([0-9]{2})p([0-9]{2})$/;

const TYPE_BY_SEGMENT: Record<string, EdaDocumentType> = {
  cmrequest: 'CMRequest',
  cmnotification: 'CMNotification',
  cmrevoke: 'CMRevoke',
};

/**
 * Namespace URI of a document type and version.
 *
 * @example
 * edaNamespace('CMRequest', '01.30'); // 'http://www.ebutilities.at/schemata/customerconsent/cmrequest/01p30'
 */
export function edaNamespace(type: EdaDocumentType, version: EdaVersion): string {
  return `http://www.ebutilities.at/schemata/customerconsent/${type.toLowerCase()}/${version.replace('.', 'p')}`;
}

/**
 * File name of the official schema of a document type and version, as published.
 *
 * @example
 * edaSchemaFileName('CMRevoke', '01.10'); // 'CMRevoke_01p10.xsd'
 */
export function edaSchemaFileName(type: EdaDocumentType, version: EdaVersion): string {
  return `${type}_${version.replace('.', 'p')}.xsd`;
}

/** Document type and version named by a namespace URI, if it is one this package supports. */
export function identifyEdaNamespace(
  namespace: string | null,
): { documentType: EdaDocumentType; version: string; supported: boolean } | undefined {
  const match = DOCUMENT_NAMESPACE.exec(namespace ?? '');
  if (!match) return undefined;
  const documentType = TYPE_BY_SEGMENT[match[1] ?? ''];
  if (!documentType) return undefined;
  const version = `${match[2]}.${match[3]}`;
  const supported = (EDA_VERSIONS[documentType] as readonly string[]).includes(version);
  return { documentType, version, supported };
}

/** Every supported document namespace, for error messages. */
export function supportedEdaNamespaces(): string[] {
  return (Object.keys(EDA_VERSIONS) as EdaDocumentType[]).flatMap((type) =>
    EDA_VERSIONS[type].map((version) => edaNamespace(type, version)),
  );
}
