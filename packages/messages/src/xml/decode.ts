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
  if (
    input.byteLength >= 2 &&
    ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe))
  ) {
    throw new XmlInputError('encoding', 'the input starts with a UTF-16 byte-order mark', {
      hint: 'EDA documents are UTF-8: re-encode the file as UTF-8.',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    const offset = firstInvalidUtf8Byte(input);
    throw new XmlInputError('encoding', `byte ${offset} is not valid UTF-8`, {
      hint: 'EDA documents are UTF-8: re-encode the file as UTF-8.',
    });
  }
  checkCharacters(text);
  return text;
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

/** Offset of the first byte that breaks UTF-8 (only used to word the error). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : 3;
    if (b >= 0x80 && (b < 0xc2 || b > 0xf4)) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
