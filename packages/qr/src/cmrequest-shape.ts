/**
 * Recognises a one-line CMRequest document by its root element, without a full XML parser: the
 * root must be `CMRequest` in `http://www.ebutilities.at/schemata/customerconsent/cmrequest/<NNpNN>`
 * (resolved through the root's own xmlns declarations: senders use `cp:`, `ns0:` or a default
 * namespace, so the prefix never counts), hold a MarketParticipantDirectory and a
 * ProcessDirectory, and close with the same name. This is a shape check for the QR layer
 * (OFF-QR-PAYLOAD); schema validation belongs to @consent-sim/messages.
 */

/** What the root element of a document turned out to be. */
export interface RootElement {
  /** Qualified name as written, e.g. `cp:CMRequest`. */
  qualifiedName: string;
  localName: string;
  /** Namespace URI the prefix resolves to, or null when it is undeclared. */
  namespace: string | null;
}

/** A document recognised as an EDA CMRequest. */
export interface CmRequestShape {
  root: RootElement;
  /** Schema version from the namespace, e.g. `01p30`. */
  schemaVersion: string;
}

const CMREQUEST_NAMESPACE =
  /^http:\/\/www\.ebutilities\.at\/schemata\/customerconsent\/cmrequest\/(\d\dp\d\d)$/;
const NAME = '[A-Za-z_][\\w.-]*';
const ROOT_START_TAG = new RegExp(
  `^<(${NAME}(?::${NAME})?)((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`,
);
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Reads the root element's name and namespace from the start of `document`, or returns null when
 * the document does not open with an element start tag.
 *
 * @example
 * ```ts
 * readRootElement('<a:X xmlns:a="urn:a"/>'); // { qualifiedName: 'a:X', localName: 'X', namespace: 'urn:a' }
 * ```
 */
export function readRootElement(document: string): RootElement | null {
  const match = ROOT_START_TAG.exec(document);
  if (match === null) return null;
  const qualifiedName = match[1] ?? '';
  const colon = qualifiedName.indexOf(':');
  const prefix = colon === -1 ? '' : qualifiedName.slice(0, colon);
  const localName = colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
  const wanted = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  let namespace: string | null = null;
  for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
    if (attribute[1] === wanted) namespace = attribute[2] ?? attribute[3] ?? '';
  }
  return { qualifiedName, localName, namespace };
}

/**
 * Checks that `document` is shaped like an EDA CMRequest and returns what it found, or a sentence
 * saying what the document is instead (for error messages).
 *
 * @example
 * ```ts
 * const result = inspectCmRequest(line);
 * if (!result.ok) throw new Error(`line 1 ${result.found}`);
 * ```
 */
export function inspectCmRequest(
  document: string,
): { ok: true; shape: CmRequestShape } | { ok: false; found: string } {
  const root = readRootElement(document);
  if (root === null) {
    return {
      ok: false,
      found: `does not start with an element start tag: it starts with ${excerpt(document)}`,
    };
  }
  const version = root.namespace === null ? null : CMREQUEST_NAMESPACE.exec(root.namespace);
  if (root.localName !== 'CMRequest' || version === null) {
    const where =
      root.namespace === null ? 'no declared namespace' : `namespace "${root.namespace}"`;
    return {
      ok: false,
      found: `is a ${root.localName} document (root <${root.qualifiedName}> in ${where}), not a cp:CMRequest in http://www.ebutilities.at/schemata/customerconsent/cmrequest/<NNpNN>`,
    };
  }
  for (const child of ['MarketParticipantDirectory', 'ProcessDirectory']) {
    if (!new RegExp(`<(?:${NAME}:)?${child}[\\s/>]`).test(document)) {
      return {
        ok: false,
        found: `is a CMRequest without a ${child} element (the schema requires one)`,
      };
    }
  }
  if (!document.endsWith(`</${root.qualifiedName}>`)) {
    return {
      ok: false,
      found: `does not end with </${root.qualifiedName}>: the document is cut short or has trailing text (ends with ${excerpt(document.slice(-40))})`,
    };
  }
  return { ok: true, shape: { root, schemaVersion: version[1] ?? '' } };
}

/** A short, quoted, single-line preview of untrusted text for an error message. */
export function excerpt(text: string, length = 40): string {
  const shown = text.length > length ? `${text.slice(0, length)}…` : text;
  return JSON.stringify(shown);
}
