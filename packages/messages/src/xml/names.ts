/**
 * XML 1.0 (fifth edition) names, §2.3 productions [4] NameStartChar and [4a] NameChar — the rules
 * libxml2 applies to XML 1.0 documents — and the Namespaces in XML QName shape.
 */

/** Names longer than this are refused by policy (libxml2 itself stops at 50 000 characters). */
export const MAX_NAME_LENGTH = 1000;

/** [4] NameStartChar, by code point. */
export function isNameStartChar(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      code === 0x5f ||
      code === 0x3a
    );
  }
  return (
    (code >= 0xc0 && code <= 0xd6) ||
    (code >= 0xd8 && code <= 0xf6) ||
    (code >= 0xf8 && code <= 0x2ff) ||
    (code >= 0x370 && code <= 0x37d) ||
    (code >= 0x37f && code <= 0x1fff) ||
    (code >= 0x200c && code <= 0x200d) ||
    (code >= 0x2070 && code <= 0x218f) ||
    (code >= 0x2c00 && code <= 0x2fef) ||
    (code >= 0x3001 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfdcf) ||
    (code >= 0xfdf0 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0xeffff)
  );
}

/** [4a] NameChar, by code point. */
export function isNameChar(code: number): boolean {
  if (isNameStartChar(code)) return true;
  return (
    code === 0x2d ||
    code === 0x2e ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0xb7 ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x203f && code <= 0x2040)
  );
}

/**
 * End (exclusive) of the [5] Name starting at `at`, or `at` itself when no name starts there.
 * Surrogate pairs are read as one code point.
 */
export function nameEnd(text: string, at: number): number {
  const first = text.codePointAt(at);
  if (first === undefined || !isNameStartChar(first)) return at;
  let i = at + (first > 0xffff ? 2 : 1);
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // ASCII fast path: most names are plain letters and digits.
    if (code < 0x80) {
      if (!isNameChar(code)) break;
      i++;
      continue;
    }
    const point = text.codePointAt(i) ?? 0;
    if (!isNameChar(point)) break;
    i += point > 0xffff ? 2 : 1;
  }
  return i;
}

/** Namespaces in XML [7] QName: NCName or NCName ':' NCName (a Name with at most one inner colon). */
export function isQName(name: string): boolean {
  const colon = name.indexOf(':');
  if (colon < 0) return true;
  if (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0) return false;
  const local = name.codePointAt(colon + 1);
  return local !== undefined && isNameStartChar(local);
}

/** XML 1.0 [3] S: space, tab, carriage return, line feed. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Index of the first non-space character at or after `at`. */
export function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
