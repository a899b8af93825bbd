import { describe, expect, it } from 'vitest';
import { buildEmail, encodeWords, quotedPrintable } from './email.ts';

const input = {
  from: { name: 'Datahub', address: 'datahub@consent-sim.invalid' },
  to: { name: 'Maija Meikäläinen', address: 'maija@example.fi' },
  subject: 'Uusi valtuutuspyyntö / New authorization request',
  text: `Hei Maija,\n\nSinulle on luotu valtuutuspyyntö datahubissa. Käyttöpaikat: 643000000000000016, 643000000000000023, 643000000000000030 = kolme.\nLoppu `,
  date: Date.parse('2026-03-10T12:00:00+02:00'),
  messageId: 'dh-1@consent-sim.invalid',
};

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=') {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes)).replace(/\r\n/g, '\n');
}

function decodeWords(value: string): string {
  return value
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) =>
      new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))),
    );
}

describe('buildEmail', () => {
  const mail = buildEmail(input);
  const head = mail.slice(0, mail.indexOf('\r\n\r\n'));
  const body = mail.slice(mail.indexOf('\r\n\r\n') + 4);

  it('uses CRLF only and keeps every line within 78 characters', () => {
    expect(mail.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of mail.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('writes the RFC 5322 / MIME headers', () => {
    expect(head).toContain('\r\nDate: Tue, 10 Mar 2026 12:00:00 +0200\r\n');
    expect(head).toContain('\r\nMessage-ID: <dh-1@consent-sim.invalid>\r\n');
    expect(head).toContain(
      '\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable',
    );
    expect(head.startsWith('From: "Datahub" <datahub@consent-sim.invalid>\r\n')).toBe(true);
  });

  it('encodes non-ASCII header text as encoded words that decode back', () => {
    const subject = /\r\nSubject: ((?:.|\r\n )*)\r\n/.exec(head)?.[1] ?? '';
    expect(subject).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(subject)).toBe(input.subject);
    expect(
      decodeWords(/\r\nTo: ((?:.|\r\n )*?)\r\n <maija@example\.fi>\r\n/.exec(head)?.[1] ?? ''),
    ).toBe('Maija Meikäläinen');
    for (const word of encodeWords('ä'.repeat(100))) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('writes the body in quoted-printable that decodes back to the text', () => {
    expect(body).toMatch(/K=C3=A4ytt=C3=B6paikat/);
    expect(body).toContain('=3D kolme');
    expect(decodeQuotedPrintable(body.replace(/\r\n$/, ''))).toBe(input.text);
    expect(quotedPrintable('trailing space ')).toBe('trailing space=20');
  });

  it('is deterministic and takes the Date offset from the zone (summer time)', () => {
    expect(buildEmail(input)).toBe(mail);
    const summer = buildEmail({ ...input, date: Date.parse('2026-07-01T09:00:00Z') });
    expect(summer).toContain('Date: Wed, 1 Jul 2026 12:00:00 +0300');
  });

  it('refuses header injection and malformed ids', () => {
    expect(() => buildEmail({ ...input, subject: 'a\r\nBcc: x@y.z' })).toThrow(
      /consent-sim: buildEmail: header text/,
    );
    expect(() => buildEmail({ ...input, messageId: 'no-at-sign' })).toThrow(/messageId/);
    expect(() => buildEmail({ ...input, to: 'not an address' })).toThrow(/to address/);
  });
});
