import { decodeXmlInput } from './decode.ts';
import { positionAt, XmlInputError, type XmlInputErrorCode } from './input-error.ts';

/** Limits applied by {@link guardXml}; both are checked before any parser sees the input. */
export interface XmlLimits {
  /** Largest accepted document in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting (the root element is depth 1). */
  readonly maxDepth: number;
}

/** 1 MiB and 64 levels: an EDA document is a few kB and 6 levels deep. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 1_048_576, maxDepth: 64 };

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const REFERENCE = /&(?:#([0-9]+)|#x([0-9A-Fa-f]+)|([A-Za-z_:][-A-Za-z0-9._:]*));/y;
const DECLARED_ENCODING = /^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

/**
 * Refuses hostile or broken XML before it reaches a parser: DOCTYPE and ENTITY declarations
 * (nothing is ever expanded), external entities, references to undeclared entities, documents
 * over `maxBytes`, nesting deeper than `maxDepth`, non-UTF-8 input, control characters, and
 * inputs that are not a single well-formed element tree. One linear scan; returns the text
 * (without a byte-order mark) for the parser.
 *
 * @throws {XmlInputError} with a `code` naming the rule that refused the input.
 * @example
 * const text = guardXml(bytesFromTheWire); // throws XmlInputError { code: 'doctype' } for a DTD
 */
export function guardXml(input: string | Uint8Array, limits: Partial<XmlLimits> = {}): string {
  const { maxBytes, maxDepth } = { ...DEFAULT_XML_LIMITS, ...limits };
  const text = decodeXmlInput(input, maxBytes);
  scanMarkup(text, maxDepth);
  return text;
}

function scanMarkup(text: string, maxDepth: number): void {
  const fail = (code: XmlInputErrorCode, detail: string, at: number, hint?: string): never => {
    throw new XmlInputError(code, detail, {
      position: positionAt(text, at),
      ...(code === 'too-deep' ? { limit: maxDepth } : {}),
      ...(hint ? { hint } : {}),
    });
  };
  const declared = DECLARED_ENCODING.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    fail('encoding', `the XML declaration names encoding "${declared}"; only UTF-8 is read`, 0);
  }
  const open: string[] = [];
  let rootClosed = false;
  let sawRoot = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      if (text.startsWith('<!--', i)) i = skipPast(text, i + 4, '-->', 'comment', fail);
      else if (text.startsWith('<![CDATA[', i)) {
        if (open.length === 0) fail('not-xml', 'CDATA section outside the root element', i);
        i = skipPast(text, i + 9, ']]>', 'CDATA section', fail);
      } else if (text.startsWith('<!DOCTYPE', i)) refuseDoctype(text, i, fail);
      else if (text.startsWith('<!ENTITY', i)) {
        fail('entity', 'an ENTITY declaration is not accepted', i, 'Remove the declaration.');
      } else if (text.startsWith('<!', i)) fail('not-xml', 'unknown markup declaration', i);
      else if (text.startsWith('<?', i)) {
        if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6)) && i !== 0) {
          fail('not-xml', 'the XML declaration must be at the very start', i);
        }
        i = skipPast(text, i + 2, '?>', 'processing instruction', fail);
      } else if (text.startsWith('</', i)) {
        const end = text.indexOf('>', i);
        if (end < 0) fail('not-xml', 'unterminated end tag', i);
        const name = text.slice(i + 2, end).trim();
        const expected = open.pop();
        if (expected !== name) {
          fail('not-xml', `end tag </${name}> does not close <${expected ?? '(nothing)'}>`, i);
        }
        if (open.length === 0) rootClosed = true;
        i = end + 1;
      } else {
        if (rootClosed) fail('not-xml', 'a second root element follows the first', i);
        const { name, end, selfClosing } = readStartTag(text, i, fail);
        sawRoot = true;
        if (!selfClosing) {
          if (open.length + 1 > maxDepth) {
            fail('too-deep', `element nesting exceeds the limit of ${maxDepth} levels`, i);
          }
          open.push(name);
        } else if (open.length === 0) rootClosed = true;
        i = end + 1;
      }
    } else if (c === 0x26 /* & */) {
      if (open.length === 0) fail('not-xml', 'a reference outside the root element', i);
      i = checkReference(text, i, fail);
    } else {
      if (open.length === 0 && c !== 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) {
        fail('not-xml', 'text outside the root element', i, 'Is this an XML document?');
      }
      i++;
    }
  }
  if (!sawRoot) fail('not-xml', 'the input contains no element', 0, 'Is this an XML document?');
  if (open.length > 0) fail('not-xml', `element <${open.at(-1)}> is never closed`, text.length);
}

type Fail = (code: XmlInputErrorCode, detail: string, at: number, hint?: string) => never;

function skipPast(text: string, from: number, terminator: string, what: string, fail: Fail) {
  const end = text.indexOf(terminator, from);
  if (end < 0) fail('not-xml', `unterminated ${what}`, from);
  return end + terminator.length;
}

/** A start tag up to its `>`, honouring quoted attribute values; references are checked too. */
function readStartTag(text: string, start: number, fail: Fail) {
  let i = start + 1;
  while (i < text.length && !/[\s/>]/.test(text.charAt(i))) i++;
  const name = text.slice(start + 1, i);
  if (!/^[A-Za-z_][-A-Za-z0-9._:]*$/.test(name))
    fail('not-xml', `invalid element name "${name}"`, start);
  let quote = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 0x3c) fail('not-xml', `"<" inside an attribute value of <${name}>`, i);
      else if (c === 0x26) i = checkReference(text, i, fail) - 1;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3c) fail('not-xml', `start tag <${name}> is not closed before "<"`, i);
    else if (c === 0x3e) return { name, end: i, selfClosing: text.charCodeAt(i - 1) === 0x2f };
  }
  return fail('not-xml', `unterminated start tag <${name}>`, start);
}

/** Only the five predefined entities and character references of allowed characters pass. */
function checkReference(text: string, at: number, fail: Fail): number {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(text);
  if (!match) return fail('not-xml', 'a "&" that does not start a reference (write &amp;)', at);
  const [whole, decimal, hexadecimal, name] = match;
  if (name !== undefined) {
    if (!PREDEFINED_ENTITIES.has(name)) {
      fail('entity', `reference to undeclared entity &${name}; (entities are never expanded)`, at);
    }
  } else {
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hexadecimal ?? '', 16);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed)
      fail('control-char', `character reference ${whole} names a forbidden character`, at);
  }
  return at + whole.length;
}

/** Classifies a DOCTYPE (always refused) by its most dangerous content, for a precise message. */
function refuseDoctype(text: string, at: number, fail: Fail): never {
  const close = text.indexOf('>', at);
  const bracket = text.indexOf('[', at);
  const hasSubset = bracket >= 0 && (close < 0 || bracket < close);
  const subsetEnd = hasSubset ? text.indexOf(']', bracket) : -1;
  const header = text.slice(at, hasSubset ? bracket : close < 0 ? text.length : close);
  const subset = hasSubset ? text.slice(bracket, subsetEnd < 0 ? text.length : subsetEnd) : '';
  const entity = subset.search(/<!ENTITY/);
  const hint = 'EDA documents carry no DTD: remove the DOCTYPE.';
  if (entity >= 0) {
    const declaration = subset.slice(entity, subset.indexOf('>', entity) + 1 || subset.length);
    const external = /\b(SYSTEM|PUBLIC)\b/.test(declaration);
    fail(
      external ? 'external-entity' : 'entity',
      `${external ? 'an external' : 'an'} ENTITY declaration inside a DOCTYPE (never expanded)`,
      bracket + entity,
      hint,
    );
  }
  if (/\b(SYSTEM|PUBLIC)\b/.test(header)) {
    fail('external-entity', 'a DOCTYPE that references an external DTD', at, hint);
  }
  return fail('doctype', 'a DOCTYPE declaration is not accepted', at, hint);
}
