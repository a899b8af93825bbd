// Scenario parameters and stimuli are checked before a DH-831 run starts; every problem is
// reported at once, naming the field, the offending value and what to write instead.
import { describe, expect, it } from 'vitest';
import { runScenario as run } from '../process/run-scenario.ts';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';

const runScenario = (scenario: Scenario) => run(scenario, { processes: TEST_PROCESSES });

const yaml = (body: string) =>
  loadScenario(
    `name: probe\nprocess: dh-831\nsummary: probe\nseed: 1\nstart: 2026-03-28T10:00:00+02:00\n${body}`,
    'scenarios/dh-831/probe.yaml',
    TEST_PROCESSES,
  );

describe('DH-831 wiring: parameters and stimuli', () => {
  it('refuses parameters of the wrong shape when the file loads, naming line and field', () => {
    expect(() =>
      yaml(`parameters:
  reason: because
  accountingPoints: -1
  colour: blue
stimuli: []
expect: { outcome: none }
`),
    ).toThrow(
      /probe\.yaml:7:11 parameters\.reason: "because" is not one of[^\n]*\n[^\n]*probe\.yaml:8:21 parameters\.accountingPoints: must be ≥ 0, got -1\n[^\n]*probe\.yaml:9:3 parameters\.colour: unknown field "colour"/,
    );
  });

  it('lists every problem with its line and field path', () => {
    const body = `parameters:
  start: tomorrow
parties:
  customer: { channel: post }
stimuli:
  - { at: PT0S, party: seller, event: sendRequest, with: { recipient: yes please } }
  - { at: PT1H, party: customer, event: approve, with: { removeAccountingPoints: [7] } }
  - { at: PT2H, party: datahub, event: approve }
expect: { outcome: approved }
`;
    let message = '';
    try {
      yaml(body);
    } catch (error) {
      message = String(error);
    }
    // What only the DH-831 wiring can judge is located by the loader like a schema problem.
    expect(message).toContain('consent-sim: scenarios/dh-831/probe.yaml has 5 errors');
    for (const part of [
      'probe.yaml:7:10 parameters.start: must be an ISO 8601 duration',
      'probe.yaml:9:24 parties.customer.channel: DH-831 notifies by e-mail only',
      'probe.yaml:11:71 stimuli[0].with.recipient: must be true, false or { name, email }',
      'probe.yaml:12:82 stimuli[1].with.removeAccountingPoints: 7 is neither an id nor a position 1…2',
      'probe.yaml:13:40 stimuli[2].event: "approve" is not a DH-831 datahub stimulus',
    ]) {
      expect(message).toContain(part);
    }
  });

  it('defaults a later stimulus to the latest request sent before it, in time order', () => {
    const result = runScenario(
      yaml(`stimuli:
  - { at: PT1H, party: customer, event: reject }
  - { at: PT0S, party: seller, event: sendRequest, with: { requestId: FIRST } }
  - { at: PT2H, party: seller, event: sendRequest, with: { requestId: SECOND } }
  - { at: PT3H, party: seller, event: cancel }
expect: { outcome: "rejected,cancelled", states: { seller: "accepted,cancelled", customer: "rejected,undecided" } }
`),
    );
    expect(result.failures).toEqual([]);
    expect(result.violations).toEqual([]);
  });

  it('refuses a recipient e-mail that is not the customer party’s', () => {
    expect(() =>
      yaml(`parameters:
  recipient: { name: Matti, email: matti@example.fi }
stimuli: [{ at: PT0S, party: seller, event: sendRequest }]
expect: { outcome: expired }
`),
    ).toThrow(
      /probe\.yaml:7:\d+ parameters\.recipient\.email: "matti@example\.fi" is not the customer's e-mail/,
    );
  });

  it('labels a run without a request "none" and a request nobody answered "unanswered"', () => {
    expect(runScenario(yaml('stimuli: []\nexpect: { outcome: none }\n')).passed).toBe(true);
    const dropped = yaml(`faults: [{ kind: drop, channel: datahub, from: seller }]
stimuli: [{ at: PT0S, party: seller, event: sendRequest }]
expect: { outcome: unanswered, states: { seller: sent, datahub: unanswered } }
`);
    expect(runScenario(dropped).failures).toEqual([]);
  });

  it('routes mail to the customer by the e-mail address named in the request', () => {
    const result = runScenario(
      yaml(`parties:
  customer: { name: Maija Meikäläinen, email: maija@example.fi }
stimuli: [{ at: PT0S, party: seller, event: sendRequest }]
expect: { outcome: expired }
`),
    );
    const mail = result.events.find((e) => e.kind === 'deliver' && e.messageCode === 'EMAIL');
    expect(mail?.to).toBe('customer');
    expect(
      result.events.find((e) => e.kind === 'send' && e.messageCode === 'EMAIL')?.document,
    ).toContain('<maija@example.fi>');
  });
});
