// What a Datahub specialist checks in the trace: real, valid XML with headers from the virtual
// clock; ACK error ids; RFC 5322 e-mails in Helsinki time; timers at the right Helsinki instants
// across the DST changes.

import { PROCESSES } from '@consent-sim/conformance';
import { validateDatahubXml } from '@consent-sim/messages';
import { type RunResult, runScenario, type TraceEvent } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { shippedScenario } from './scenarios.ts';

const run = (name: string): RunResult =>
  runScenario(shippedScenario(`${name}.yaml`), { processes: PROCESSES });
const sends = (r: RunResult, code: string): TraceEvent[] =>
  r.events.filter((e) => e.kind === 'send' && e.messageCode === code);
const stepAt = (r: RunResult, step: string): string[] =>
  r.events.filter((e) => e.step === step && e.kind === 'step').map((e) => e.at);

describe('DH-831 on the wire', () => {
  it('sends Datahub XML that validates, with Created = the virtual send instant', () => {
    const r = run('approved');
    const xml = [...sends(r, 'DH-831'), ...sends(r, 'ACK'), ...sends(r, 'DH-825')];
    expect(xml).toHaveLength(3);
    for (const event of xml) {
      const { document, issues } = validateDatahubXml(event.document ?? '');
      expect(issues).toEqual([]);
      expect(document?.header.created).toBe(event.at);
    }
  });

  it('carries the seller’s business mistake to Datahub and answers it with EC.AUTH.010', () => {
    const r = run('invalid-customer-id');
    const [request] = sends(r, 'DH-831');
    const rules = validateDatahubXml(request?.document ?? '').issues.map((i) => i.rule);
    expect(rules).toEqual(['EC.AUTH.010']);
    const [ack] = sends(r, 'ACK');
    expect(ack?.responseCodes).toEqual(['EC.AUTH.010']);
    expect(ack?.document).toContain('<dh:TextFi>');
    expect(ack?.document).toContain('131052-308U');
  });

  it('writes RFC 5322 e-mails with CRLF and a Helsinki Date header', () => {
    const r = run('reminder-sent');
    const mails = sends(r, 'EMAIL');
    expect(mails.map((m) => m.at)).toEqual([
      '2026-03-27T10:00:03.000+02:00',
      '2026-03-30T09:00:00.000+03:00',
    ]);
    const reminder = mails[1]?.document ?? '';
    expect(reminder).toMatch(/^From: .*\r\nTo: .*\r\n/);
    expect(reminder).toContain('Date: Mon, 30 Mar 2026 09:00:00 +0300\r\n');
    expect(reminder).toContain('Content-Transfer-Encoding: quoted-printable\r\n');
  });

  it('expires at 23:59:59.999 Helsinki on the end date, after the autumn change (+02:00)', () => {
    expect(stepAt(run('expired'), 'DH-831.DH.EXPIRE')).toEqual(['2026-10-25T23:59:59.999+02:00']);
  });

  it('accepts a start late on day 90 and refuses 00:00 on day 91 (calendar days, DST between)', () => {
    const acks = sends(run('start-at-90-days'), 'ACK').map((e) => ({
      request: /<dh:RequestId>([^<]+)</.exec(e.document ?? '')?.[1],
      codes: e.responseCodes,
    }));
    expect(acks).toEqual([
      { request: 'REQ-D90', codes: [] },
      { request: 'REQ-D91', codes: ['EC.AUTH.002'] },
    ]);
  });

  it('answers a damaged document with a technical ACK that copies no process element', () => {
    const [fault] = sends(run('technical-fault'), 'ACK');
    expect(fault?.responseCodes[0]).toMatch(/^EC\.MSG\.\d{3}$/);
    expect(fault?.document).not.toContain('AuthorizationRequestProcess');
    expect(fault?.document).not.toContain('OriginalMessageId');
  });

  it('records the obligation and the deletion of the fetched data (wrong accounting points)', () => {
    const notes = run('wrong-accounting-points')
      .events.filter((e) => e.kind === 'note')
      .map((e) => (e.detail as { type?: string }).type);
    expect(notes).toEqual(['authorization', 'obligation', 'data-deleted', 'authorization']);
  });
});
