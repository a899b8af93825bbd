// The wiring end to end: the real machines through XML and QR images, the intents wire, and
// the setup-time checks of parameters, parties and stimuli.
import { cmReqOff } from '@consent-sim/core';
import { validateEdaXml } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { emit } from 'xstate';
import { ScenarioError } from '../scenario/errors.ts';
import { inlineScenario, runWith, wiringError } from './test-support.ts';

const HAPPY = `parameters:
  request: { reqDatType: HistoricalMeteringData, dateFrom: 2026-02-01, dateTo: 2026-02-28, meteringIntervall: QH }
stimuli:
  - { at: PT0S, party: customer, event: apply, with: { via: phone } }
  - { at: P3D, party: customer, event: handOver }`;

const codes = (result: ReturnType<typeof runWith>) =>
  result.events
    .filter((e) => e.kind === 'deliver' && e.messageCode !== null)
    .map(
      (e) => `${e.messageCode}${e.responseCodes.length > 0 ? `:${e.responseCodes.join(',')}` : ''}`,
    );

describe('cm-req-off wiring', () => {
  it('carries the SP request scanned from the QR image as a valid CMRequest naming the QR ConsentId', () => {
    const result = runWith(inlineScenario('happy', HAPPY), {});
    expect(result.violations).toEqual([]);
    expect(codes(result)).toEqual(['ANFORDERUNG_CMQF', 'ANTWORT_CMQF:99', 'ANTWORT_CMQF:175']);
    const qr = result.events.find((e) => e.kind === 'note' && e.step === 'CM_REQ_OFF_VNB_02');
    const request = result.events.find(
      (e) => e.kind === 'send' && e.messageCode === 'ANFORDERUNG_CMQF',
    );
    const template = validateEdaXml(qr?.document ?? '').document;
    const sent = validateEdaXml(request?.document ?? '');
    expect(sent.issues).toEqual([]);
    expect(template?.documentType).toBe('CMRequest');
    expect(sent.document?.documentType).toBe('CMRequest');
    if (template?.documentType !== 'CMRequest' || sent.document?.documentType !== 'CMRequest')
      return;
    // OFF-QR-PAYLOAD: same ConsentId and metering point, new ids, SP as sender.
    expect(sent.document.processDirectory.consentId).toBe(template.processDirectory.consentId);
    expect(sent.document.processDirectory.meteringPoint).toBe(
      template.processDirectory.meteringPoint,
    );
    expect(sent.document.processDirectory.messageId).not.toBe(template.processDirectory.messageId);
    expect(sent.document.routingHeader.sender.messageAddress).toBe('EP100200');
    expect(template.routingHeader.sender.messageAddress).toBe('AT001000');
  });

  it('answers in the request conversation with the request CMRequestId (OFF-ANSWER-CODES)', () => {
    const result = runWith(inlineScenario('happy', HAPPY), {});
    const docs = result.events
      .filter((e) => e.kind === 'send' && e.channel === 'eda')
      .map((e) => validateEdaXml(e.document ?? '').document);
    const [request, receipt, grant] = docs;
    if (request?.documentType !== 'CMRequest') throw new Error('first document is not a CMRequest');
    for (const answer of [receipt, grant]) {
      if (answer?.documentType !== 'CMNotification')
        throw new Error('answer is not a CMNotification');
      expect(answer.processDirectory.conversationId).toBe(request.processDirectory.conversationId);
      expect(answer.processDirectory.cmRequestId).toBe(request.processDirectory.cmRequestId);
    }
  });

  it('runs the same steps and codes on the intents wire, without documents', () => {
    const xml = runWith(inlineScenario('happy', HAPPY), {});
    const intents = runWith(inlineScenario('happy', HAPPY), { wire: 'intents' });
    expect(intents.violations).toEqual([]);
    const steps = (r: typeof xml) => r.events.filter((e) => e.kind === 'step').map((e) => e.step);
    expect(steps(intents)).toEqual(steps(xml));
    expect(codes(intents)).toEqual(codes(xml));
    expect(
      intents.events.some((e) => e.kind === 'send' && e.document !== null && e.channel === 'eda'),
    ).toBe(false);
  });

  it('fails the run loudly, naming path and rule, when one of our machines emits an invalid document', () => {
    const sloppySp = cmReqOff.serviceProviderMachine.provide({
      actions: {
        sendRequests: emit(() => ({
          type: 'send' as const,
          channel: 'eda' as const,
          to: 'AT001000',
          message: {
            messageCode: 'ANFORDERUNG_CMQF' as const,
            consentId: 'AT00100020260302090000000AAAAAAAA',
            meteringPoint: 'AT001000-not-a-metering-point',
            reqDatType: 'HistoricalMeteringData',
            dateFrom: '2026-02-01',
          },
        })),
      },
    });
    const result = runWith(inlineScenario('sloppy', HAPPY), { machines: { sp: sloppySp } });
    expect(result.passed).toBe(false);
    const failure = result.violations.find((v) => v.invariant === 'run-completes');
    expect(failure?.message).toMatch(/\/CMRequest\/ProcessDirectory\/MeteringPoint/);
    expect(failure?.message).toMatch(/pattern/);
  });

  it('refuses parameters of the wrong shape when the file loads, naming line and field', () => {
    const load = () =>
      inlineScenario(
        'bad',
        `parameters:
  meteringPoints: 0
  request: { reqDatType: '', dateFrom: 2026-02-01, cycle: D }
  dsoBackendFails: yes please
stimuli: []`,
      );
    expect(load).toThrow(ScenarioError);
    const message = (() => {
      try {
        load();
      } catch (error) {
        return String(error);
      }
      return '';
    })();
    for (const field of [
      'bad.yaml:10:19 parameters.meteringPoints: must be ≥ 1',
      'parameters.request.reqDatType: must not be empty',
      'parameters.request.cycle: unknown field "cycle"; did you mean "transmissionCycle"?',
      'parameters.dsoBackendFails: expected a boolean',
    ]) {
      expect(message).toContain(field);
    }
  });

  it('reports every problem of parameters, parties and stimuli at once, at its line and field', () => {
    // The loader builds the wiring once, so what only CM_REQ_OFF can judge is a located file
    // error (exit 1), like a schema violation, never an internal error (issue 13 item 9).
    let message = '';
    try {
      inlineScenario(
        'bad',
        `parameters:
  meteringPoints: [AT001000-not-a-point]
  request: { reqDatType: x, dateFrom: 2026-02-30 }
stimuli:
  - { at: PT0S, party: customer, event: apply, with: { via: fax } }
  - { at: P1D, party: sp, event: sendRequest, with: { consent: 0, meteringPoint: '#' } }
  - { at: P1D, party: vnb, event: handOver }`,
      );
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      message = String((error as Error).message);
    }
    for (const field of [
      'bad.yaml:10:19 parameters.meteringPoints',
      'bad.yaml:11:39 parameters.request.dateFrom',
      'bad.yaml:13:61 stimuli[0].with.via',
      'bad.yaml:14:64 stimuli[1].with.consent',
      'bad.yaml:14:82 stimuli[1].with.meteringPoint',
      'bad.yaml:15:35 stimuli[2].event',
    ]) {
      expect(message).toContain(`${field}:`);
    }
    expect(message).toMatch(/^consent-sim: bad\.yaml has 6 errors/);
  });

  it('refuses party overrides CM_REQ_OFF cannot honour', () => {
    const scenario = inlineScenario('parties', 'stimuli: []');
    const message = wiringError({
      ...scenario,
      parties: { vnb: { address: 'EP100200' }, customer: { channel: 'phone' } },
    });
    expect(message).toContain('parties.vnb.address: a DSO');
    expect(message).toContain('parties.customer.channel: the DSO confirms by e-mail or post');
  });
});
