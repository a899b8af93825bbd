// The instant check: each case is a way a system writes "now" into a document, held against the
// test clock (the message's `at`) in the process zone.
import { HELSINKI, VIENNA } from '@consent-sim/core';
import { describe, expect, it } from 'vitest';
import type { InstantField } from '../../process/instants.ts';
import { cmReqOffInstants } from '../../processes/cm-req-off/instants.ts';
import { cmReqOffPolicy } from '../../processes/cm-req-off/policy.ts';
import { dh831Instants } from '../../processes/dh-831/instants.ts';
import { checkList } from './checks.ts';
import { judgeDocuments } from './documents.ts';
import { INSTANT_TOLERANCE_MS, instantFinding } from './instants.ts';

const CREATED =
  '/cp:CMNotification/cp:MarketParticipantDirectory/ct:RoutingHeader/ct:DocumentCreationDateTime';
const dateTime = (value: string, path = CREATED): InstantField => ({
  path,
  value,
  syntax: 'xs:dateTime',
});
const date = (value: string, open?: string): InstantField => ({
  path: '/cp:CMRequest/cp:ProcessDirectory/cp:ProcessDate',
  value,
  syntax: 'xs:date',
  ...(open === undefined ? {} : { open }),
});
const vienna = (field: InstantField, at: string, firstMs?: number) =>
  instantFinding(
    field,
    { atMs: Date.parse(at), ...(firstMs === undefined ? {} : { firstMs }) },
    VIENNA,
    cmReqOffInstants,
  );

describe('instants inside documents: date-times', () => {
  const at = '2026-03-20T10:00:00.000+01:00';

  it('passes the reference stamp, the same instant in UTC, and whole seconds within the tolerance', () => {
    expect(vienna(dateTime(at), at)).toBeNull();
    expect(vienna(dateTime('2026-03-20T09:00:00Z'), at)).toBeNull();
    expect(vienna(dateTime('2026-03-20T09:00:00.4699220Z'), at)).toBeNull();
    expect(vienna(dateTime('2026-03-20T09:59:56+01:00'), at)).toBeNull();
    expect(INSTANT_TOLERANCE_MS).toBe(5_000);
  });

  it('fails a wall-clock stamp, citing the path, what was written and what was due', () => {
    const finding = vienna(dateTime('2026-12-04T22:13:09.120+01:00'), at);
    expect(finding).toMatchObject({
      verdict: 'FAIL',
      path: CREATED,
      written: '2026-12-04T22:13:09.120+01:00',
      expected: `${at} ± 5 s (the test clock when it left), in Europe/Vienna time or UTC`,
    });
    expect(finding?.why).toBe('DocumentCreationDateTime 259 d 12 h later than the test clock');
  });

  it('fails the UTC clock reading under the local offset, and without any offset', () => {
    expect(vienna(dateTime('2026-03-20T09:00:00.000+01:00'), at)?.why).toBe(
      'DocumentCreationDateTime 1 h earlier than the test clock',
    );
    expect(vienna(dateTime('2026-03-20T09:00:00.000'), at)).toMatchObject({
      verdict: 'FAIL',
      why: 'DocumentCreationDateTime 1 h earlier than the test clock, no offset, read as Europe/Vienna time',
    });
  });

  it('fails the winter offset after the DST change (local digits, +01:00 on 29 March), passes it the day before', () => {
    expect(
      vienna(dateTime('2026-03-28T10:00:00.000+01:00'), '2026-03-28T10:00:00.000+01:00'),
    ).toBeNull();
    const after = '2026-03-29T10:00:00.000+02:00';
    expect(vienna(dateTime('2026-03-29T10:00:00.000+01:00'), after)).toMatchObject({
      verdict: 'FAIL',
      why: 'DocumentCreationDateTime 1 h later than the test clock, offset +01:00 where Europe/Vienna has +02:00',
    });
    // The autumn change back: +02:00 after 25 October is an hour early.
    expect(
      vienna(dateTime('2026-10-26T10:00:00.000+02:00'), '2026-10-26T10:00:00.000+01:00')?.verdict,
    ).toBe('FAIL');
  });

  it('a right instant under an offset that is neither the zone nor UTC, or with none, is a WARNING under the key', () => {
    const summer = '2026-06-01T10:00:00.000+02:00';
    expect(vienna(dateTime('2026-06-01T09:00:00.000+01:00'), summer)).toMatchObject({
      verdict: 'WARNING',
      keys: ['OFF-DOCUMENT-INSTANTS'],
      why: 'DocumentCreationDateTime: offset +01:00 where Europe/Vienna has +02:00',
    });
    expect(vienna(dateTime('2026-06-01T10:00:00.000'), summer)).toMatchObject({
      verdict: 'WARNING',
      why: 'DocumentCreationDateTime: no offset, read as Europe/Vienna time',
    });
  });

  it('a value that is no date-time fails', () => {
    expect(vienna(dateTime('yesterday'), at)?.why).toBe(
      'DocumentCreationDateTime is not an xs:dateTime value',
    );
  });

  it('a retransmission may keep the instant it was first sent with, nothing earlier', () => {
    const first = Date.parse('2026-03-20T10:00:00.000+01:00');
    const again = '2026-03-20T11:00:00.000+01:00';
    expect(vienna(dateTime('2026-03-20T10:00:00.000+01:00'), again, first)).toBeNull();
    expect(vienna(dateTime(again), again, first)).toBeNull();
    expect(vienna(dateTime('2026-03-20T09:00:00.000+01:00'), again, first)?.why).toBe(
      'DocumentCreationDateTime 1 h earlier than the test clock',
    );
  });

  it('reads an e-mail Date header (RFC 5322, whole seconds)', () => {
    const mail = (value: string): InstantField => ({ path: 'Date', value, syntax: 'rfc5322' });
    const sent = { atMs: Date.parse('2026-03-20T12:00:00.999+02:00') };
    const judge = (value: string) => instantFinding(mail(value), sent, HELSINKI, dh831Instants);
    expect(judge('Fri, 20 Mar 2026 12:00:00 +0200')).toBeNull();
    expect(judge('20 Mar 2026 10:00:00 GMT')).toBeNull();
    expect(judge('Fri, 20 Mar 2026 10:00:00 +0200')?.why).toBe(
      'Date 2 h 999 ms earlier than the test clock',
    );
  });
});

describe('instants inside documents: dates', () => {
  it('fails the UTC date of 00:30 in Vienna (23:30 UTC the day before), passes the Vienna date', () => {
    const at = '2026-03-20T23:30:00.000Z'; // 2026-03-21T00:30+01:00 in Vienna
    expect(vienna(date('2026-03-21'), at)).toBeNull();
    expect(vienna(date('2026-03-20'), at)).toMatchObject({
      verdict: 'FAIL',
      why: 'ProcessDate 2026-03-20, not the Europe/Vienna date',
      written: '2026-03-20',
      expected:
        '2026-03-21 (the Europe/Vienna date of the test clock, 2026-03-21T00:30:00.000+01:00)',
    });
  });

  it('at 23:30 in Vienna the next (UTC) day is wrong too; either date within the tolerance of midnight passes', () => {
    expect(vienna(date('2026-03-21'), '2026-03-20T23:30:00.000+01:00')?.verdict).toBe('FAIL');
    expect(vienna(date('2026-03-20'), '2026-03-21T00:00:02.000+01:00')).toBeNull();
    expect(vienna(date('2026-03-21'), '2026-03-20T23:59:58.000+01:00')).toBeNull();
  });

  it('a date the documents leave open is a WARNING under its own key', () => {
    expect(
      vienna(date('2026-03-22', 'OFF-LATE-OBJECTION'), '2026-03-21T10:00:00+01:00'),
    ).toMatchObject({
      verdict: 'WARNING',
      keys: ['OFF-LATE-OBJECTION'],
    });
  });
});

describe('the document check carries the instant findings', () => {
  const xml = (created: string) =>
    `<cp:CMNotification xmlns:cp="urn:x" xmlns:ct="urn:y"><cp:MarketParticipantDirectory><ct:RoutingHeader><ct:DocumentCreationDateTime>${created}</ct:DocumentCreationDateTime></ct:RoutingHeader></cp:MarketParticipantDirectory></cp:CMNotification>`;
  const judged = (created: string) => {
    const { checks, add } = checkList('p');
    const documents = [
      { channel: 'eda', document: xml(created), step: 'S', at: '2026-03-20T10:00:00.000+01:00' },
    ];
    judgeDocuments(
      {
        role: 'vnb',
        policy: {
          ...cmReqOffPolicy,
          readCodes: () => ({
            messageCode: 'ANTWORT_CMQF',
            responseCodes: [],
            issues: [],
            businessIssues: [],
          }),
        },
        zone: VIENNA,
        documents,
      },
      add,
    );
    return checks[0];
  };

  it('keeps a passing document check as it was', () => {
    expect(judged('2026-03-20T10:00:00.000+01:00')).toMatchObject({
      verdict: 'PASS',
      title: "the vnb's ANTWORT_CMQF is a valid eda document",
      expected: 'no violation',
      actual: 'valid',
    });
  });

  it('fails it with the path, the value written and the value due', () => {
    expect(judged('2026-03-20T09:00:00.000+01:00')).toMatchObject({
      verdict: 'FAIL',
      title:
        "the vnb's ANTWORT_CMQF is a valid eda document (DocumentCreationDateTime 1 h earlier than the test clock)",
      expected: `no violation; ${CREATED} 2026-03-20T10:00:00.000+01:00 ± 5 s (the test clock when it left), in Europe/Vienna time or UTC`,
      actual: `valid; ${CREATED} 2026-03-20T09:00:00.000+01:00`,
    });
  });
});
