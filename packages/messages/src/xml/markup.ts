import type { XmlInputErrorCode, XmlRefusalKind } from './input-error.ts';
import { isSpace, nameEnd, skipSpace } from './names.ts';

/** Throws the refusal; `at` is a UTF-16 offset into the scanned text. */
export type Fail = (
  code: XmlInputErrorCode,
  detail: string,
  at: number,
  extra?: { readonly hint?: string; readonly kind?: XmlRefusalKind; readonly limit?: number },
) => never;

const UTF8_NAMES = /^utf-?8$/i;
/** XML 1.0 [81] EncName. */
const ENC_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;

/**
 * XML 1.0 [23] XMLDecl at offset 0 (the caller saw `<?xml` and a space); returns the offset after
 * `?>`. Only version 1.0 and UTF-8 are read (policy). As in libxml2, a space before `standalone`
 * may be missing when no other encoding than UTF-8 was declared.
 */
export function readXmlDeclaration(text: string, fail: Fail): number {
  let i = skipSpace(text, 5);
  if (!text.startsWith('version', i)) fail('not-xml', 'the XML declaration lacks its version', i);
  const version = readPseudoAttribute(text, i + 7, 'version', fail);
  if (version.value !== '1.0') {
    fail('version', `XML version "${version.value}" is not read; only XML 1.0 is`, i);
  }
  i = version.end;
  if (text.startsWith('?>', i)) return i + 2;
  if (!isSpace(text.charCodeAt(i))) fail('not-xml', 'a space is needed in the XML declaration', i);
  i = skipSpace(text, i);
  if (text.startsWith('encoding', i)) {
    const encoding = readPseudoAttribute(text, i + 8, 'encoding', fail);
    if (!ENC_NAME.test(encoding.value)) {
      fail('not-xml', `"${encoding.value}" is not an encoding name`, i);
    }
    if (!UTF8_NAMES.test(encoding.value)) {
      fail(
        'encoding',
        `the XML declaration names encoding "${encoding.value}"; only UTF-8 is read`,
        i,
        {
          kind: 'refused-by-policy',
          hint: 'EDA documents are UTF-8: re-encode the file and declare encoding="UTF-8".',
        },
      );
    }
    i = skipSpace(text, encoding.end);
  }
  if (text.startsWith('standalone', i)) {
    const standalone = readPseudoAttribute(text, i + 10, 'standalone', fail);
    if (standalone.value !== 'yes' && standalone.value !== 'no') {
      fail('not-xml', 'standalone accepts only "yes" or "no"', i);
    }
    i = skipSpace(text, standalone.end);
  }
  if (!text.startsWith('?>', i)) fail('not-xml', 'the XML declaration is not closed by "?>"', i);
  return i + 2;
}

/** `S? = S? "value"` (or single quotes) after a pseudo-attribute name. */
function readPseudoAttribute(text: string, from: number, name: string, fail: Fail) {
  let i = skipSpace(text, from);
  if (text.charCodeAt(i) !== 0x3d) fail('not-xml', `"=" expected after ${name}`, i);
  i = skipSpace(text, i + 1);
  const quote = text.charAt(i);
  if (quote !== '"' && quote !== "'") fail('not-xml', `a quoted ${name} value expected`, i);
  const close = text.indexOf(quote, i + 1);
  const tagEnd = text.indexOf('?>', i + 1);
  if (close < 0 || (tagEnd >= 0 && tagEnd < close)) {
    fail('not-xml', `the ${name} value is not closed`, i);
  }
  return { value: text.slice(i + 1, close), end: close + 1 };
}

/** XML 1.0 [15] Comment starting at `at`: no `--` inside, so the first `--` must end it. */
export function skipComment(text: string, at: number, fail: Fail): number {
  const dashes = text.indexOf('--', at + 4);
  if (dashes < 0) return fail('not-xml', 'unterminated comment', at);
  if (text.charCodeAt(dashes + 2) !== 0x3e) {
    fail('not-xml', '"--" inside a comment (XML 1.0 §2.5)', dashes);
  }
  return dashes + 3;
}

/** XML 1.0 [16] PI starting at `at`; the target `xml` (in any case) is reserved. */
export function skipProcessingInstruction(text: string, at: number, fail: Fail): number {
  const targetEnd = nameEnd(text, at + 2);
  if (targetEnd === at + 2) fail('not-xml', 'a processing instruction without a target', at);
  const target = text.slice(at + 2, targetEnd);
  if (target === 'xml') fail('not-xml', 'the XML declaration must be at the very start', at);
  if (target.toLowerCase() === 'xml') fail('not-xml', `reserved PI target "${target}"`, at);
  if (!text.startsWith('?>', targetEnd) && !isSpace(text.charCodeAt(targetEnd))) {
    fail('not-xml', `a space is needed after the PI target "${target}"`, targetEnd);
  }
  const end = text.indexOf('?>', targetEnd);
  if (end < 0) fail('not-xml', 'unterminated processing instruction', at);
  return end + 2;
}

/** XML 1.0 [18] CDATA section starting at `at` (the caller checked it is inside the root). */
export function skipCdata(text: string, at: number, fail: Fail): number {
  const end = text.indexOf(']]>', at + 9);
  if (end < 0) fail('not-xml', 'unterminated CDATA section', at);
  return end + 3;
}

/** Classifies a DOCTYPE (always refused) by its most dangerous content, for a precise message. */
export function refuseDoctype(text: string, at: number, fail: Fail): never {
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
      { hint, kind: 'refused-by-policy' },
    );
  }
  if (/\b(SYSTEM|PUBLIC)\b/.test(header)) {
    fail('external-entity', 'a DOCTYPE that references an external DTD', at, { hint });
  }
  return fail('doctype', 'a DOCTYPE declaration is not accepted', at, { hint });
}
