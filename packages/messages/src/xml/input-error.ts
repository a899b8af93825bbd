/** Why an XML input was refused before (or while) it was parsed. */
export type XmlInputErrorCode =
  | 'too-large'
  | 'encoding'
  | 'control-char'
  | 'doctype'
  | 'entity'
  | 'external-entity'
  | 'too-deep'
  | 'namespace'
  | 'not-xml';

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

  constructor(
    code: XmlInputErrorCode,
    detail: string,
    options: { position?: XmlPosition; limit?: number; hint?: string } = {},
  ) {
    const where = options.position
      ? ` at line ${options.position.line}, column ${options.position.column} (offset ${options.position.offset})`
      : '';
    const hint = options.hint ? ` ${options.hint}` : '';
    super(`consent-sim: XML input refused (rule ${code}): ${detail}${where}.${hint}`);
    this.code = code;
    this.position = options.position;
    this.limit = options.limit;
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
