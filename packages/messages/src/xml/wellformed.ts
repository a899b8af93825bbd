import {
  type Fail,
  readXmlDeclaration,
  refuseDoctype,
  skipCdata,
  skipComment,
  skipProcessingInstruction,
} from './markup.ts';
import { isQName, isSpace, MAX_NAME_LENGTH, nameEnd, skipSpace } from './names.ts';

/** The counts a scan enforces; all are policy limits, checked as the scan meets them. */
export interface ScanLimits {
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxAttributes: number;
}

/** What a scan of an accepted document counted. */
export interface ScanCounts {
  readonly elements: number;
  readonly attributes: number;
}

const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/**
 * One linear pass over the whole document checking XML 1.0 well-formedness (the productions
 * libxml2 checks: prolog, comments, PIs, CDATA, tags, attributes, references, `]]>` in text,
 * a single root) and this package's policy (no DOCTYPE, limits, QName-shaped names). Characters
 * were already checked by `decodeXmlInput`.
 */
export function scanDocument(text: string, limits: ScanLimits, fail: Fail): ScanCounts {
  const open: string[] = [];
  const counts = { elements: 0, attributes: 0 };
  let rootClosed = false;
  let i =
    text.startsWith('<?xml') && isSpace(text.charCodeAt(5)) ? readXmlDeclaration(text, fail) : 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x21 /* ! */) i = skipDeclaration(text, i, open.length > 0, fail);
      else if (next === 0x3f /* ? */) i = skipProcessingInstruction(text, i, fail);
      else if (next === 0x2f /* / */) {
        i = readEndTag(text, i, open, fail);
        if (open.length === 0) rootClosed = true;
      } else {
        if (rootClosed) fail('not-xml', 'a second root element follows the first', i);
        const tag = readStartTag(text, i, fail);
        counts.elements++;
        counts.attributes += tag.attributes;
        if (counts.elements > limits.maxElements) {
          fail('too-many-elements', `more than ${limits.maxElements} elements`, i, {
            limit: limits.maxElements,
            hint: 'Raise limits.maxElements only for inputs you trust.',
          });
        }
        if (counts.attributes > limits.maxAttributes) {
          fail('too-many-attributes', `more than ${limits.maxAttributes} attributes`, i, {
            limit: limits.maxAttributes,
            hint: 'Raise limits.maxAttributes only for inputs you trust.',
          });
        }
        if (tag.selfClosing) rootClosed ||= open.length === 0;
        else if (open.length + 1 > limits.maxDepth) {
          fail('too-deep', `element nesting exceeds the limit of ${limits.maxDepth} levels`, i, {
            limit: limits.maxDepth,
          });
        } else open.push(tag.name);
        i = tag.end;
      }
    } else if (open.length === 0) {
      if (!isSpace(c))
        fail('not-xml', 'text outside the root element', i, { hint: 'Is this an XML document?' });
      i++;
    } else if (c === 0x26 /* & */) i = checkReference(text, i, fail);
    else i = skipText(text, i, fail);
  }
  if (counts.elements === 0) {
    fail('not-xml', 'the input contains no element', 0, { hint: 'Is this an XML document?' });
  }
  if (open.length > 0) fail('not-xml', `element <${open.at(-1)}> is never closed`, text.length);
  return counts;
}

/** `<!` markup: a comment anywhere, CDATA inside the root, a DOCTYPE (policy), nothing else. */
function skipDeclaration(text: string, at: number, inRoot: boolean, fail: Fail): number {
  if (text.startsWith('<!--', at)) return skipComment(text, at, fail);
  if (text.startsWith('<![CDATA[', at)) {
    if (!inRoot) fail('not-xml', 'CDATA section outside the root element', at);
    return skipCdata(text, at, fail);
  }
  if (text.startsWith('<!DOCTYPE', at)) refuseDoctype(text, at, fail);
  if (text.startsWith('<!ENTITY', at)) {
    fail('entity', 'an ENTITY declaration outside a DOCTYPE', at, {
      hint: 'Remove the declaration.',
    });
  }
  return fail('not-xml', 'unknown markup declaration', at);
}

/** Character data up to the next `<` or `&`; `]]>` may not appear in it (XML 1.0 [14]). */
function skipText(text: string, at: number, fail: Fail): number {
  let end = at;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 0x3c || c === 0x26) break;
    if (c === 0x5d && text.startsWith(']]>', end)) {
      fail('not-xml', '"]]>" in text (write ]]&gt;)', end);
    }
    end++;
  }
  return end;
}

/** A Name at `at`, refused when missing, over the length limit or not a QName. */
function readName(text: string, at: number, what: string, fail: Fail): string {
  const end = nameEnd(text, at);
  if (end === at) fail('not-xml', `invalid ${what} name`, at);
  if (end - at > MAX_NAME_LENGTH) {
    fail('too-large', `a ${what} name of ${end - at} characters is over ${MAX_NAME_LENGTH}`, at, {
      kind: 'refused-by-policy',
      limit: MAX_NAME_LENGTH,
    });
  }
  const name = text.slice(at, end);
  if (!isQName(name)) fail('namespace', `${what} name "${name}" is not a QName`, at);
  return name;
}

function readEndTag(text: string, at: number, open: string[], fail: Fail): number {
  const name = readName(text, at + 2, 'element', fail);
  const close = skipSpace(text, at + 2 + name.length);
  if (text.charCodeAt(close) !== 0x3e)
    fail('not-xml', `end tag </${name}> is not closed by ">"`, close);
  const expected = open.pop();
  if (expected !== name) {
    fail('not-xml', `end tag </${name}> does not close <${expected ?? '(nothing)'}>`, at);
  }
  return close + 1;
}

/** XML 1.0 [40] STag / [44] EmptyElemTag with [41] attributes, unique by name. */
function readStartTag(text: string, at: number, fail: Fail) {
  const name = readName(text, at + 1, 'element', fail);
  const seen = new Set<string>();
  let i = at + 1 + name.length;
  for (;;) {
    const spaced = i;
    i = skipSpace(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x3e) return { name, end: i + 1, selfClosing: false, attributes: seen.size };
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x3e) {
      return { name, end: i + 2, selfClosing: true, attributes: seen.size };
    }
    if (i === spaced || Number.isNaN(c))
      fail('not-xml', `start tag <${name}> is malformed or not closed`, i);
    const attribute = readName(text, i, 'attribute', fail);
    if (seen.has(attribute)) fail('not-xml', `attribute ${attribute} repeated on <${name}>`, i);
    seen.add(attribute);
    i = skipSpace(text, i + attribute.length);
    if (text.charCodeAt(i) !== 0x3d)
      fail('not-xml', `"=" expected after attribute ${attribute}`, i);
    i = skipSpace(text, i + 1);
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27)
      fail('not-xml', `a quoted value expected for ${attribute}`, i);
    i = skipAttributeValue(text, i + 1, quote, fail);
  }
}

/** [10] AttValue after its opening quote: no `<`, every `&` a reference. */
function skipAttributeValue(text: string, from: number, quote: number, fail: Fail): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 0x3c) fail('not-xml', '"<" inside an attribute value', i);
    i = c === 0x26 ? checkReference(text, i, fail) : i + 1;
  }
  return fail('not-xml', 'unterminated attribute value', from);
}

/** [66] CharRef of an allowed character or one of the five predefined [68] EntityRefs. */
function checkReference(text: string, at: number, fail: Fail): number {
  if (text.charCodeAt(at + 1) === 0x23 /* # */) {
    const hex = text.charCodeAt(at + 2) === 0x78; /* x */
    let end = at + (hex ? 3 : 2);
    const start = end;
    let code = 0;
    for (; end < text.length; end++) {
      const digit = digitValue(text.charCodeAt(end), hex);
      if (digit < 0) break;
      // Capped like libxml2, so that leading zeros and long numbers stay exact enough.
      code = Math.min(code * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (end === start || text.charCodeAt(end) !== 0x3b) {
      fail('not-xml', 'a malformed character reference', at);
    }
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) {
      const reference = text.slice(at, Math.min(end + 1, at + 24));
      fail('control-char', `character reference ${reference} names a forbidden character`, at);
    }
    return end + 1;
  }
  const end = nameEnd(text, at + 1);
  if (end === at + 1 || text.charCodeAt(end) !== 0x3b) {
    fail('not-xml', 'a "&" that does not start a reference (write &amp;)', at);
  }
  const name = text.slice(at + 1, end);
  if (!PREDEFINED_ENTITIES.has(name)) {
    fail('entity', `reference to undeclared entity &${name}; (entities are never expanded)`, at);
  }
  return end + 1;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
