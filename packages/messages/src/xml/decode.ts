import { positionAt, XmlInputError } from './input-error.ts';

/**
 * Turns the raw input into a string that is UTF-8 representable, within the size limit and free of
 * characters XML 1.0 forbids. Every check is one linear pass; nothing is allocated beyond the
 * decoded string itself.
 */
export function decodeXmlInput(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    // A UTF-16 code unit is at least one UTF-8 byte, so a long string is refused before any scan.
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes, 'at least');
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const bytes = utf8Length(text);
    if (bytes > maxBytes) throw tooLarge(bytes, maxBytes, 'exactly');
    checkCharacters(text);
    return text;
  }
  if (input.byteLength > maxBytes) throw tooLarge(input.byteLength, maxBytes, 'exactly');
  refuseOtherEncodings(input);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    const offset = firstInvalidUtf8Byte(input);
    const before = new TextDecoder('utf-8').decode(input.subarray(0, offset));
    const lead = input[offset] ?? 0;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
    const bad = Array.from(input.subarray(offset, offset + length), (b) => hex(b).slice(2));
    throw new XmlInputError('encoding', `byte ${offset} (${bad.join(' ')}) is not valid UTF-8`, {
      position: positionAt(before, before.length),
      hint: 'EDA documents are UTF-8: re-encode the file as UTF-8.',
    });
  }
  checkCharacters(text);
  return text;
}

/** First bytes by which libxml2 would read UTF-16, UCS-4 or EBCDIC (XML 1.0 appendix F). */
const OTHER_ENCODING_SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0x00, 0x00, 0x00, 0x3c],
  [0x3c, 0x00, 0x00, 0x00],
  [0x00, 0x00, 0x3c, 0x00],
  [0x00, 0x3c, 0x00, 0x00],
  [0x00, 0x3c, 0x00, 0x3f],
  [0x3c, 0x00, 0x3f, 0x00],
  [0x4c, 0x6f, 0xa7, 0x94],
];
const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

/**
 * Policy, checked before decoding: input in (or declared in) another encoding than UTF-8 is
 * refused as such, never judged by its bytes as if it were UTF-8.
 */
function refuseOtherEncodings(input: Uint8Array): void {
  const hint = 'EDA documents are UTF-8: re-encode the file as UTF-8.';
  const signature = OTHER_ENCODING_SIGNATURES.find((bytes) =>
    bytes.every((b, k) => input[k] === b),
  );
  if (signature) {
    const what = signature.length === 2 ? 'a UTF-16 byte-order mark' : 'UTF-16, UCS-4 or EBCDIC';
    throw new XmlInputError('encoding', `the input starts with ${what}`, {
      hint,
      kind: 'refused-by-policy',
    });
  }
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const close = input.indexOf(0x3e, bom);
  const head = new TextDecoder('latin1').decode(input.subarray(bom, close < 0 ? 512 : close + 1));
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new XmlInputError(
      'encoding',
      `the XML declaration names encoding "${declared}"; only UTF-8 is read`,
      { hint, kind: 'refused-by-policy', position: { offset: 0, line: 1, column: 1 } },
    );
  }
}

function tooLarge(size: number, maxBytes: number, how: string): XmlInputError {
  return new XmlInputError(
    'too-large',
    `the document is ${how} ${size} bytes, over the limit of ${maxBytes} bytes`,
    { limit: maxBytes, hint: 'Raise limits.maxBytes only for inputs you trust.' },
  );
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function checkCharacters(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) {
      throw new XmlInputError(
        'control-char',
        `control character U+${hex(code)} is not allowed in XML 1.0`,
        { position: positionAt(text, i), hint: 'The input is binary or corrupted.' },
      );
    }
    if (code === 0xfffe || code === 0xffff) {
      throw new XmlInputError('control-char', `non-character U+${hex(code)} is not allowed`, {
        position: positionAt(text, i),
      });
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new XmlInputError('encoding', `lone surrogate U+${hex(code)} cannot be UTF-8`, {
        position: positionAt(text, i),
      });
    }
  }
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629): a stray continuation byte, a truncated
 * sequence, an overlong form, an encoded surrogate (CESU-8) or a code point over U+10FFFF.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b < 0xc2 || b > 0xf4) return i;
    const need = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
    // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
