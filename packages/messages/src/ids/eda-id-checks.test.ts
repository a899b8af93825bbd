import { describe, expect, it } from 'vitest';
import {
  checkCmRequestId,
  checkConsentId,
  checkConversationId,
  checkMessageId,
} from './eda-id-checks.ts';

const PUBLISHED_MESSAGE_ID = 'AT999999201812312359598880000000001';

describe('checkCmRequestId', () => {
  it('accepts a published id and shows its CRC parts', () => {
    expect(checkCmRequestId('IWRN74PW')).toMatchObject({
      kind: 'cm-request-id',
      valid: true,
      parts: { crc32: '0x45a2dff1', crc8: '0xf6' },
    });
  });

  it('without a MessageId says nothing about the CRC-32 part', () => {
    const check = checkCmRequestId('IWRN74PW');
    expect(check.parts).not.toHaveProperty('expected');
    expect(check.problems).toEqual([]);
  });

  it('verifies the id against the MessageId it was computed from', () => {
    expect(checkCmRequestId('IWRN74PW', PUBLISHED_MESSAGE_ID)).toMatchObject({
      valid: true,
      parts: { expected: 'IWRN74PW', messageId: PUBLISHED_MESSAGE_ID },
    });
  });

  it('names the expected id when it belongs to a different MessageId', () => {
    expect(checkCmRequestId('IWRN74PW', 'RC100130202210100813466960000000346').problems).toEqual([
      "'IWRN74PW' is not the CMRequestId of MessageId 'RC100130202210100813466960000000346': expected 'XMNN57RC' (CRC-32 of the MessageId's UTF-8 bytes + CRC-8/DVB-S2, base32)",
    ]);
  });

  it.each([
    ['IWRN74P', 'length is 7, expected 8 (base32 of CRC-32 + CRC-8, 5 bytes)'],
    ['IWRN74PWA', 'length is 9, expected 8 (base32 of CRC-32 + CRC-8, 5 bytes)'],
    [
      'IWRN04PW',
      "character 5 is '0': CMRequestIds use the base32 alphabet A–Z and 2–7 (no 0, 1, 8, 9, no lower case)",
    ],
    [
      'iWRN74PW',
      "character 1 is 'i': CMRequestIds use the base32 alphabet A–Z and 2–7 (no 0, 1, 8, 9, no lower case)",
    ],
  ])('rejects %s', (id, problem) => {
    expect(checkCmRequestId(id).problems).toEqual([problem]);
  });

  it('detects a changed character through the CRC-8 byte, without a MessageId', () => {
    expect(checkCmRequestId('IWRN74PX').problems).toEqual([
      "characters 1–8 'IWRN74PX' end in CRC-8 byte 0xf7, but CRC-8/DVB-S2 of the first four bytes is 0xf6: not produced by the CMRequestId algorithm (a character was changed?)",
    ]);
  });
});

describe('checkConsentId', () => {
  const VALID = 'AT00100020240402164046426BI2AWUO2';

  it('accepts DSO address + existing Vienna local time + CMRequestId and reads the issue time', () => {
    expect(checkConsentId(VALID)).toMatchObject({
      kind: 'consent-id',
      valid: true,
      parts: {
        dsoAddress: 'AT001000',
        stamp: '20240402164046426',
        issuedAt: '2024-04-02T16:40:46.426+02:00',
        cmRequestId: 'BI2AWUO2',
      },
    });
  });

  it.each([
    [32, VALID.slice(0, 32)],
    [34, `${VALID}A`],
  ])('rejects length %i', (length, id) => {
    expect(checkConsentId(id).problems).toEqual([
      `length is ${length}, expected 33 (DSO address (8) + Vienna local yyyyMMddHHmmssSSS (17) + CMRequestId (8))`,
    ]);
  });

  it('rejects an impossible date', () => {
    expect(checkConsentId('AT00100020240231164046426BI2AWUO2').problems).toEqual([
      "characters 9–25 (issue time, Vienna local yyyyMMddHHmmssSSS): '20240231164046426' is not a calendar date and time",
    ]);
  });

  it('rejects a local time that Vienna skipped (2024-03-31 02:30)', () => {
    expect(checkConsentId('AT00100020240331023000000BI2AWUO2').problems).toEqual([
      "characters 9–25 (issue time, Vienna local yyyyMMddHHmmssSSS): '20240331023000000' does not exist in Europe/Vienna (clocks skip that hour)",
    ]);
  });

  it('requires a DSO address, not a service provider', () => {
    expect(checkConsentId('EP10012320240402164046426BI2AWUO2').problems).toEqual([
      "characters 1–2 are 'EP', a service-provider prefix, expected a dso address (AT)",
    ]);
  });

  it('reports CMRequestId problems at their position in the ConsentId', () => {
    expect(checkConsentId('AT00100020240402164046426BI2AWUO1').problems).toEqual([
      "character 33 is '1': CMRequestIds use the base32 alphabet A–Z and 2–7 (no 0, 1, 8, 9, no lower case)",
    ]);
    expect(checkConsentId('AT00100020240402164046426BI2AWUO3').problems[0]).toMatch(
      /^characters 26–33 'BI2AWUO3' end in CRC-8 byte/,
    );
  });

  it('compares with the request and the DSO when they are given', () => {
    expect(checkConsentId(VALID, { cmRequestId: 'BI2AWUO2', dsoAddress: 'AT001000' }).valid).toBe(
      true,
    );
    expect(
      checkConsentId(VALID, { cmRequestId: 'IWRN74PW', dsoAddress: 'AT002000' }).problems,
    ).toEqual([
      "characters 1–8 are 'AT001000', expected the issuing DSO 'AT002000'",
      "characters 26–33 are 'BI2AWUO2', expected the request's CMRequestId 'IWRN74PW'",
    ]);
  });

  it('finds in the shared sample ConsentId only the anonymised DSO number', () => {
    expect(checkConsentId('ATXXXXXX20240402164046426BI2AWUO2').problems).toEqual([
      "characters 3–8 are 'XXXXXX': the participant number (characters 3–8 of an address) is digits only",
    ]);
  });
});

describe('checkMessageId / checkConversationId (XSD GroupingId)', () => {
  it('splits an EDA-shaped MessageId into sender, Vienna time and sequence', () => {
    expect(checkMessageId('ATXXXXXX202404021640408050262904881')).toMatchObject({
      kind: 'message-id',
      valid: true,
      parts: {
        shape: 'address+timestamp+10 digits',
        sender: 'ATXXXXXX',
        createdAt: '2024-04-02T16:40:40.805+02:00',
        sequence: '0262904881',
      },
    });
  });

  it.each(['A', 'x'.repeat(35), 'EPXXXXXXT1712068829927'])(
    'accepts any 1–35 letters/digits: %s',
    (id) => {
      expect(checkMessageId(id).valid).toBe(true);
    },
  );

  it.each([
    ['', 'length is 0, expected 1–35 (MessageId is an XSD GroupingId)'],
    ['A'.repeat(36), 'length is 36, expected 1–35 (MessageId is an XSD GroupingId)'],
    [
      'AT001000_2024',
      "character 9 is '_': MessageIds use A–Z, a–z and 0–9 only (XSD pattern [0-9A-Za-z]*)",
    ],
  ])('rejects %j', (id, problem) => {
    expect(checkMessageId(id).problems).toEqual([problem]);
  });

  it('notes an EDA-shaped MessageId whose timestamp is impossible, without rejecting it', () => {
    const check = checkMessageId('AT001000202402311640408050262904881');
    expect(check.valid).toBe(true);
    expect(check.notes[0]).toMatch(/^characters 9–25 look like a timestamp but are not one/);
  });

  it('reads the shared sample ConversationId as sender + T + epoch ms', () => {
    expect(checkConversationId('EPXXXXXXT1712068829927')).toMatchObject({
      kind: 'conversation-id',
      valid: true,
      parts: {
        shape: 'address+T+epoch ms',
        sender: 'EPXXXXXX',
        createdAt: '2024-04-02T14:40:29.927Z',
      },
    });
  });
});
