import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConsentId, checkMessageId } from './eda-id-checks.ts';
import { consentId, conversationId, messageId } from './eda-ids.ts';

describe('consentId', () => {
  it('reproduces the shared sample ATXXXXXX20240402164046426BI2AWUO2 (Vienna summer time)', () => {
    expect(
      consentId({
        dsoAddress: 'ATXXXXXX',
        issuedAt: Date.parse('2024-04-02T14:40:46.426Z'),
        cmRequestId: 'BI2AWUO2',
      }),
    ).toBe('ATXXXXXX20240402164046426BI2AWUO2');
  });

  it('reproduces the shared CMRevoke sample ATXXXXXX20240403085709627V2YSCMHG', () => {
    expect(
      consentId({
        dsoAddress: 'ATXXXXXX',
        issuedAt: Date.parse('2024-04-03T06:57:09.627Z'),
        cmRequestId: 'V2YSCMHG',
      }),
    ).toBe('ATXXXXXX20240403085709627V2YSCMHG');
  });

  it('uses UTC+1 in winter and UTC+2 in summer for the same UTC wall-clock time', () => {
    const base = { dsoAddress: 'AT001000', cmRequestId: 'IWRN74PW' };
    expect(consentId({ ...base, issuedAt: Date.parse('2024-01-15T12:00:00.000Z') })).toBe(
      'AT00100020240115130000000IWRN74PW',
    );
    expect(consentId({ ...base, issuedAt: Date.parse('2024-07-15T12:00:00.000Z') })).toBe(
      'AT00100020240715140000000IWRN74PW',
    );
  });

  it('is 33 characters and passes checkConsentId for any DSO, instant and CMRequestId', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.integer({ min: 0, max: Date.parse('2200-01-01') }),
        (digits, issuedAt) => {
          const id = consentId({ dsoAddress: `AT${digits}`, issuedAt, cmRequestId: 'IWRN74PW' });
          expect(id).toHaveLength(33);
          expect(checkConsentId(id, { cmRequestId: 'IWRN74PW' }).problems).toEqual([]);
        },
      ),
    );
  });

  it.each([
    [
      { dsoAddress: 'AT00100', issuedAt: 0, cmRequestId: 'IWRN74PW' },
      /dsoAddress 'AT00100' is not an 8-character EDA address/,
    ],
    [
      { dsoAddress: 'AT001000', issuedAt: 0, cmRequestId: 'iwrn74pw' },
      /cmRequestId 'iwrn74pw' is not 8 base32 characters/,
    ],
    [
      { dsoAddress: 'AT001000', issuedAt: 0.5, cmRequestId: 'IWRN74PW' },
      /consentId: issuedAt must be a non-negative integer/,
    ],
  ])('refuses malformed input %j', (input, message) => {
    expect(() => consentId(input)).toThrow(message);
  });
});

describe('messageId', () => {
  it('reproduces the shared sample ATXXXXXX202404021640408050262904881', () => {
    expect(
      messageId({
        sender: 'ATXXXXXX',
        at: Date.parse('2024-04-02T14:40:40.805Z'),
        random: () => 0.0262904881,
      }),
    ).toBe('ATXXXXXX202404021640408050262904881');
  });

  it('pads small draws with leading zeros and keeps the largest draw at 10 digits', () => {
    const at = Date.parse('2024-01-15T10:00:00.000Z');
    expect(messageId({ sender: 'EP100123', at, random: () => 0 })).toBe(
      'EP100123202401151100000000000000000',
    );
    expect(messageId({ sender: 'EP100123', at, random: () => 1 - Number.EPSILON / 2 })).toBe(
      'EP100123202401151100000009999999999',
    );
  });

  it('is 35 characters, draws exactly once, and reads back as an EDA-shaped MessageId', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.parse('2200-01-01') }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (at, draw) => {
          let calls = 0;
          const id = messageId({
            sender: 'RC100130',
            at,
            random: () => {
              calls += 1;
              return draw;
            },
          });
          expect(id).toHaveLength(35);
          expect(calls).toBe(1);
          const check = checkMessageId(id);
          expect(check.valid).toBe(true);
          expect(check.parts).toMatchObject({
            shape: 'address+timestamp+10 digits',
            sender: 'RC100130',
          });
        },
      ),
    );
  });

  it.each([1, -0.1, Number.NaN])('refuses random() = %s', (draw) => {
    expect(() => messageId({ sender: 'EP100123', at: 0, random: () => draw })).toThrow(
      /^consent-sim: messageId: random\(\) returned .*, expected a number in \[0, 1\)/,
    );
  });
});

describe('conversationId', () => {
  it('reproduces the shared sample EPXXXXXXT1712068829927 (sender + T + epoch ms)', () => {
    expect(conversationId({ sender: 'EPXXXXXX', at: 1712068829927 })).toBe(
      'EPXXXXXXT1712068829927',
    );
  });

  it('refuses a sender that is not an 8-character address', () => {
    expect(() => conversationId({ sender: 'EP1', at: 0 })).toThrow(/conversationId: sender 'EP1'/);
  });
});
