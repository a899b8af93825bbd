// XML 1.0 allows only tab, LF and CR below U+0020, and never U+FFFE/U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters XML cannot carry, spelled out (`\u0001`) so the report still shows them. */
function legal(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(FORBIDDEN, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Escapes element text for XML 1.0.
 *
 * @example xmlText('a < b & c'); // 'a &lt; b &amp; c'
 */
export function xmlText(text: string): string {
  return legal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes an attribute value (double-quoted) for XML 1.0; line breaks and tabs become character
 * references so attribute-value normalisation keeps them.
 *
 * @example xmlAttribute('say "hi"\n'); // 'say &quot;hi&quot;&#10;'
 */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
