// RFC 5322 e-mail for the Datahub notification and reminder (DH-831.DH.NOTIFY_EMAIL,
// DH-831.DH.REMINDER_EMAIL): CRLF lines, RFC 5322 Date, MIME 1.0, UTF-8 text/plain in
// quoted-printable (RFC 2045) and RFC 2047 encoded words for non-ASCII header text (ä, ö).
// Deterministic: the same input gives the same bytes.
import { DateTime } from 'luxon';

/** A mailbox, either a bare address or a display name with an address. */
export type Mailbox = string | { readonly name: string; readonly address: string };

export interface EmailInput {
  readonly from: Mailbox;
  readonly to: Mailbox;
  readonly subject: string;
  /** Plain text; any line endings, written as CRLF. */
  readonly text: string;
  /** Epoch ms of the virtual clock. */
  readonly date: number;
  /** With or without angle brackets, e.g. `dh-1@consent-sim.invalid`. */
  readonly messageId: string;
  /** Zone of the Date header's offset; Europe/Helsinki by default. */
  readonly zone?: string;
}

const CRLF = '\r\n';
const utf8 = new TextEncoder();

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** RFC 2047 B-encoded words, each ≤ 68 characters, never splitting a character. */
export function encodeWords(value: string): string[] {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk !== '') words.push(`=?UTF-8?B?${base64(utf8.encode(chunk))}?=`);
    chunk = '';
  };
  for (const char of value) {
    // 42 bytes → 56 base64 characters → a 68-character word: "Subject: " + word ≤ 78.
    if (utf8.encode(chunk + char).length > 42) flush();
    chunk += char;
  }
  flush();
  return words;
}

function headerText(value: string): string {
  if (/[\r\n]/.test(value)) {
    throw new Error(
      `consent-sim: buildEmail: header text ${JSON.stringify(value)} contains a line break; pass one line.`,
    );
  }
  return isPlainAscii(value) ? value : encodeWords(value).join(`${CRLF} `);
}

function mailbox(value: Mailbox, field: string): string {
  const address = typeof value === 'string' ? value : value.address;
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) {
    throw new Error(
      `consent-sim: buildEmail: ${field} address "${address}" is not addr-spec (local@domain); pass a plain address.`,
    );
  }
  if (typeof value === 'string') return address;
  if (isPlainAscii(value.name)) return `"${value.name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  // Folded before the address so that no line passes 78 characters.
  return `${headerText(value.name)}${CRLF} <${address}>`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, CRLF line breaks, soft breaks at 76. */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      let encoded = '';
      const bytes = utf8.encode(line);
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const plain =
          (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        encoded += plain
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      });
      const out: string[] = [];
      while (encoded.length > 76) {
        // Break before 76 with a soft break "=", never inside an "=XX" escape.
        let cut = 75;
        const lastEscape = encoded.lastIndexOf('=', cut);
        if (lastEscape > cut - 3) cut = lastEscape;
        out.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      out.push(encoded);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/**
 * A complete RFC 5322 message (headers, blank line, quoted-printable body), CRLF throughout.
 *
 * @example
 * buildEmail({ from: 'datahub@consent-sim.invalid', to: { name: 'Maija Meikäläinen', address: 'maija@example.fi' },
 *   subject: 'Uusi valtuutuspyyntö', text: 'Hei!', date: 0, messageId: 'm1@consent-sim.invalid' })
 * // 'From: datahub@consent-sim.invalid\r\nTo: =?UTF-8?B?…?= <maija@example.fi>\r\n…'
 */
export function buildEmail(input: EmailInput): string {
  const date = DateTime.fromMillis(input.date, { zone: input.zone ?? 'Europe/Helsinki' });
  if (!date.isValid) {
    throw new Error(
      `consent-sim: buildEmail: date ${input.date} in zone ${input.zone} is not a valid instant; pass epoch ms and an IANA zone.`,
    );
  }
  const id = input.messageId.replace(/^<|>$/g, '');
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(id)) {
    throw new Error(
      `consent-sim: buildEmail: messageId "${input.messageId}" is not id-left@id-right; pass e.g. dh-1@consent-sim.invalid.`,
    );
  }
  const headers = [
    `From: ${mailbox(input.from, 'from')}`,
    `To: ${mailbox(input.to, 'to')}`,
    `Subject: ${headerText(input.subject)}`,
    `Date: ${date.setLocale('en-US').toFormat('ccc, d LLL yyyy HH:mm:ss ZZZ')}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(input.text)}${CRLF}`;
}
