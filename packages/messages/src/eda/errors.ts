/**
 * Thrown by `parseEdaXml` when a well-formed XML document is not an EDA customer-consent
 * document of a supported version (unknown root element or namespace).
 *
 * @example
 * try { parseEdaXml('<x/>'); } catch (e) { if (e instanceof EdaDocumentError) e.rootName; } // 'x'
 */
export class EdaDocumentError extends Error {
  override readonly name = 'EdaDocumentError';
  readonly code = 'unsupported-document';
  readonly rootName: string;
  readonly rootNamespace: string | null;

  constructor(rootName: string, rootNamespace: string | null, detail: string) {
    super(`consent-sim: ${detail}`);
    this.rootName = rootName;
    this.rootNamespace = rootNamespace;
  }
}
