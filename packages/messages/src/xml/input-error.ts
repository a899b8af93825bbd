/** Why an XML input was refused before (or while) it was parsed. */
export type XmlInputErrorCode =
  | 'too-large'
  | 'encoding'
  | 'control-char'
  | 'doctype'
  | 'entity'
  | 'external-entity'
  | 'too-deep'
  | 'too-many-elements'
  | 'too-many-attributes'
  | 'version'
  | 'namespace'
  | 'not-xml';

/**
 * Why the input was refused, in libxml2's terms: `not-well-formed` when the input breaks XML 1.0
 * well-formedness (libxml2 refuses it too), `refused-by-policy` when a well-formed document (or
 * one this reader will not look into) is refused by a rule of this package: a DOCTYPE, a size,
 * depth or count limit, an encoding other than UTF-8, an XML version other than 1.0, a namespace
 * error.
 */
export type XmlRefusalKind = 'not-well-formed' | 'refused-by-policy';

const POLICY_CODES: ReadonlySet<XmlInputErrorCode> = new Set<XmlInputErrorCode>([
  'too-large',
  'doctype',
  'external-entity',
  'too-deep',
  'too-many-elements',
  'too-many-attributes',
  'version',
  'namespace',
]);

/** A place in the input: 0-based UTF-16 offset, 1-based line and column. */
export interface XmlPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * Thrown when an input is not an XML document this package is willing to read.
 * `code` is stable and machine-readable; the message names the rule, the limit and the place.
 *
 * @example
 * try { guardXml('<!DOCTYPE x []><x/>'); } catch (e) { if (e instanceof XmlInputError) e.code; } // 'doctype'
 */
export class XmlInputError extends Error {
  override readonly name = 'XmlInputError';
  readonly code: XmlInputErrorCode;
  readonly position: XmlPosition | undefined;
  readonly limit: number | undefined;
  /** Defaults by code; `encoding` and `entity` say it per case. */
  readonly kind: XmlRefusalKind;

  constructor(
    code: XmlInputErrorCode,
    detail: string,
    options: { position?: XmlPosition; limit?: number; hint?: string; kind?: XmlRefusalKind } = {},
  ) {
    const where = options.position
      ? ` at line ${options.position.line}, column ${options.position.column} (offset ${options.position.offset})`
      : '';
    const hint = options.hint ? ` ${options.hint}` : '';
    super(`consent-sim: XML input refused (rule ${code}): ${detail}${where}.${hint}`);
    this.code = code;
    this.position = options.position;
    this.limit = options.limit;
    this.kind = options.kind ?? (POLICY_CODES.has(code) ? 'refused-by-policy' : 'not-well-formed');
  }
}

/** Line and column of a UTF-16 offset; linear in the offset, computed only when reporting. */
export function positionAt(text: string, offset: number): XmlPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}
