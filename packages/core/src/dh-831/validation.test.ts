// DH-831.DH.VALIDATE, driven through the Datahub machine: each rule with a value just inside and
// just outside its limit, as the ACK's result and error ids show it.
import { type Dh831Process, datahubInstant, sampleDatahubDocument } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { datahubMachine } from './datahub.ts';
import {
  createTestClock,
  RECEIPT,
  record,
  requestDocument,
  sendsOf,
  VALID,
  validProcess,
} from './test-support.ts';

function verdict(overrides: Partial<Dh831Process>, at = RECEIPT) {
  const datahub = createActor(datahubMachine, {
    input: { partyId: 'DATAHUB' },
    clock: createTestClock(at),
  });
  const outputs = record(datahub);
  datahub.start();
  datahub.send({
    type: 'receive.DH-831',
    at,
    from: 'SELLER1',
    message: requestDocument(validProcess(overrides)),
  });
  const ack = sendsOf(outputs).find((s) => s.channel === 'datahub')?.message;
  if (ack?.messageCode !== 'ACK') throw new Error('no ACK emitted');
  return ack.acknowledgement.errors.map((e) => e.errorId);
}

const otherCheck = (id: string, alphabet: string) => {
  const last = id.at(-1) ?? '';
  const replacement = [...alphabet].find((c) => c !== last) ?? '';
  return `${id.slice(0, -1)}${replacement}`;
};

describe('start window (DH-START-WINDOW): Helsinki calendar dates at receipt', () => {
  it.each([
    ['today 00:00 Helsinki', '2026-03-10T00:00:00+02:00', []],
    ['yesterday 23:59 Helsinki', '2026-03-09T23:59:00+02:00', ['EC.AUTH.001']],
    ['day 90 (2026-06-08, after the DST change) 00:00', '2026-06-08T00:00:00+03:00', []],
    ['day 90 at 20:00, later than 90 × 24 h after receipt', '2026-06-08T20:00:00+03:00', []],
    ['day 91 00:00', '2026-06-09T00:00:00+03:00', ['EC.AUTH.002']],
  ])('%s → %j', (_, periodStart, expected) => {
    expect(verdict({ periodStart })).toEqual(expected);
  });

  it('takes "today" in Helsinki, not UTC, for a receipt just after Helsinki midnight', () => {
    const at = Date.parse('2026-03-10T00:05:00+02:00'); // still 2026-03-09 in UTC
    expect(verdict({ periodStart: '2026-03-09T23:30:00+02:00' }, at)).toEqual(['EC.AUTH.001']);
    expect(verdict({ periodStart: '2026-03-09T22:00:00Z' }, at)).toEqual([]); // 00:00 Helsinki
  });
});

describe('field rules (DH-ERROR-IDS)', () => {
  it.each([
    ['150 characters', 'ä'.repeat(150), []],
    ['151 characters', 'ä'.repeat(151), ['EC.AUTH.012']],
  ])('description of %s', (_, description, expected) => {
    expect(verdict({ description })).toEqual(expected);
  });

  it('accounting point: GSRN with the right check digit passes, a wrong one is EC.AUTH.011', () => {
    expect(verdict({ accountingPoints: [VALID.gsrn[2]] })).toEqual([]);
    expect(verdict({ accountingPoints: [otherCheck(VALID.gsrn[2], '0123456789')] })).toEqual([
      'EC.AUTH.011',
    ]);
    expect(verdict({ accountingPoints: [VALID.gsrn[2].slice(0, 17)] })).toEqual(['EC.AUTH.011']);
  });

  it('customer id: henkilötunnus and Y-tunnus with right check character pass, wrong ones are EC.AUTH.010', () => {
    expect(verdict({ customerId: VALID.personalId })).toEqual([]);
    expect(
      verdict({ customerId: otherCheck(VALID.personalId, '0123456789ABCDEFHJKLMNPRSTUVWXY') }),
    ).toEqual(['EC.AUTH.010']);
    expect(verdict({ customerId: VALID.businessId })).toEqual([]);
    expect(verdict({ customerId: otherCheck(VALID.businessId, '0123456789') })).toEqual([
      'EC.AUTH.010',
    ]);
  });

  it('recipient: name and e-mail both required when the block is present (EC.AUTH.013)', () => {
    expect(verdict({ recipient: { name: 'Maija', email: 'maija@example.fi' } })).toEqual([]);
    expect(verdict({ recipient: { name: 'Maija' } })).toEqual(['EC.AUTH.013']);
    expect(verdict({ recipient: { email: 'maija@example.fi' } })).toEqual(['EC.AUTH.013']);
    expect(verdict({ recipient: undefined })).toEqual([]);
  });

  it('required fields, reason, period order and value format', () => {
    expect(verdict({ customerId: '' })).toEqual(['EC.AUTH.020']);
    expect(verdict({ reason: 'because' as Dh831Process['reason'] })).toEqual(['EC.AUTH.015']);
    expect(verdict({ periodEnd: '2026-03-15T00:00:00+02:00' })).toEqual(['EC.AUTH.003']);
    expect(verdict({ periodEnd: '2026-03-15T00:00:00.001+02:00' })).toEqual([]);
    expect(verdict({ periodStart: '2026-03-15 00:00' })).toEqual(['EC.MSG.003']);
  });
});

describe('reminder time (DH-REMINDER): refused, not ignored', () => {
  // Default end: 2026-04-09 23:59:59.999 +03:00.
  it.each([
    ['one minute after receipt', '2026-03-10T12:01:00+02:00', []],
    ['at the receipt instant (in the past)', '2026-03-10T12:00:00+02:00', ['EC.AUTH.014']],
    ['yesterday', '2026-03-09T12:00:00+02:00', ['EC.AUTH.014']],
    ['on the end date, 23:59', '2026-04-09T23:59:00+03:00', []],
    ['the day after the end date', '2026-04-10T00:00:00+03:00', ['EC.AUTH.014']],
  ])('%s → %j', (_, reminderTime, expected) => {
    expect(verdict({ reminderTime })).toEqual(expected);
  });

  it('is measured against a given end date too', () => {
    expect(
      verdict({ requestEndDate: '2026-03-20', reminderTime: '2026-03-20T18:00:00+02:00' }),
    ).toEqual([]);
    expect(
      verdict({ requestEndDate: '2026-03-20', reminderTime: '2026-03-21T00:00:00+02:00' }),
    ).toEqual(['EC.AUTH.014']);
  });

  it('needs a complete recipient', () => {
    expect(verdict({ recipient: undefined, reminderTime: '2026-03-12T09:00:00+02:00' })).toEqual([
      'EC.AUTH.014',
    ]);
    expect(
      verdict({ recipient: { name: 'Maija' }, reminderTime: '2026-03-12T09:00:00+02:00' }),
    ).toEqual(['EC.AUTH.013', 'EC.AUTH.014']);
  });
});

describe('request end date (DH-END-DATE)', () => {
  it('may be today, not yesterday (EC.AUTH.016)', () => {
    expect(verdict({ requestEndDate: '2026-03-10' })).toEqual([]);
    expect(verdict({ requestEndDate: '2026-03-09' })).toEqual(['EC.AUTH.016']);
  });
});

describe('the seeded samples of @consent-sim/messages agree with the machine', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: the DH-831 sample is accepted at its Created instant; the refused one is not',
    (seed) => {
      const request = sampleDatahubDocument('DH-831', { seed });
      const at = datahubInstant(request.header.created) ?? Number.NaN;
      expect(verdict(request.process, at)).toEqual([]);
      const negative = sampleDatahubDocument('DH-831-ACK-NEGATIVE', { seed });
      if (negative.original?.messageType !== 'DH-831') throw new Error('sample copies a DH-831');
      expect(verdict(negative.original.process, at)).toEqual(
        negative.acknowledgement.errors.map((e) => e.errorId),
      );
    },
  );
});
