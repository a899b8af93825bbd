import { describe, expect, it } from 'vitest';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import { ScenarioError } from './errors.ts';
import { loadScenario } from './load.ts';

const FILE = 'scenarios/cm-req-off/happy-path.yaml';

// Line numbers matter: the error tests below point into this text.
const HAPPY = `# yaml-language-server: $schema=../scenario.schema.json
name: happy-path
process: cm-req-off
summary: The customer hands the QR code over on day 3 and does not object.
seed: 1
start: 2026-03-27T09:00:00+01:00
parties:
  sp: { address: EP100200, registered: true }
channels:
  eda: PT5S
faults:
  - { kind: delay, channel: eda, delay: PT2H, probability: 0.3 }
stimuli:
  - { at: PT0S, party: customer, event: apply }
  - { at: P3D, party: customer, event: handOver }
  - at: 2026-03-31T12:00:00+02:00
    party: sp
    event: sendRequest
    with: { meteringPoint: AT0010000000000000001000000000001 }
expect:
  outcome: active
  messages:
    - { code: ANFORDERUNG_CMQF, from: sp, to: vnb }
    - { code: ANTWORT_CMQF, responseCodes: [99] }
  states: { vnb: active }
`;

function errorOf(source: string, file = FILE): ScenarioError {
  try {
    loadScenario(source, file, TEST_PROCESSES);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

function linesOf(error: ScenarioError): string[] {
  return error.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}

describe('loadScenario', () => {
  it('loads a valid file, fills defaults and resolves instants in the process zone', () => {
    const scenario = loadScenario(HAPPY, FILE, TEST_PROCESSES);
    expect(scenario.fullName).toBe('cm-req-off/happy-path');
    expect(scenario.zone).toBe('Europe/Vienna');
    expect(scenario.startMs).toBe(Date.parse('2026-03-27T09:00:00+01:00'));
    // P3D crosses the DST change on 29 March: same wall-clock time, 71 elapsed hours.
    expect(scenario.stimuliAtMs).toEqual([
      Date.parse('2026-03-27T09:00:00+01:00'),
      Date.parse('2026-03-30T09:00:00+02:00'),
      Date.parse('2026-03-31T12:00:00+02:00'),
    ]);
    expect(scenario.faults[0]).toEqual({
      kind: 'delay',
      channel: 'eda',
      delay: 'PT2H',
      probability: 0.3,
    });
    expect(scenario.parameters).toEqual({});
    expect(scenario.description).toBeNull();
    expect(scenario.expect.messages?.[1]?.responseCodes).toEqual([99]);
  });

  it('names file, line:column and field path, with what is allowed', () => {
    const error = errorOf(HAPPY.replace('at: P3D', 'at: P3X'));
    expect(error.message).toBe(
      'consent-sim: scenarios/cm-req-off/happy-path.yaml:15:11 stimuli[1].at: "P3X" is not an ISO 8601 duration or instant with offset (e.g. P3D, PT2H30M, 2026-03-05T09:00:00+01:00)',
    );
  });

  it('collects every error, sorted by position, with "did you mean" hints', () => {
    const broken = HAPPY.replace('seed: 1', 'sed: 1')
      .replace('process: cm-req-off', 'process: cm-req-of')
      .replace('kind: delay, channel: eda', 'kind: delay, channel: edaa')
      .replace('party: sp', 'party: seller')
      .replace('outcome: active', 'outcom: active');
    const error = errorOf(broken);
    expect(linesOf(error)).toEqual([
      '2:1 : missing required field "seed" (Seed)',
      '3:10 process: "cm-req-of" is not one of "cm-req-off", "dh-831"; did you mean "cm-req-off"?',
      '5:1 sed: unknown field "sed"; did you mean "seed"?',
      '12:29 faults[0].channel: "edaa" is not one of "eda", "email", "post", "phone", "handover", "datahub", "authorization-service"; did you mean "eda"?',
      '21:3 expect: missing required field "outcome" (Outcome)',
      '21:3 expect.outcom: unknown field "outcom"; did you mean "outcome"?',
    ]);
    expect(error.message).toMatch(
      /^consent-sim: scenarios\/cm-req-off\/happy-path.yaml has 6 errors/,
    );
    expect(error.message).toContain(
      '\n  scenarios/cm-req-off/happy-path.yaml:5:1 sed: unknown field',
    );
  });

  it('checks party names against the roles of the process', () => {
    const error = errorOf(
      HAPPY.replace('party: sp', 'party: seller').replace('vnb: active', 'datahub: open'),
    );
    expect(linesOf(error)).toEqual([
      '17:12 stimuli[2].party: "seller" is not one of "vnb", "sp", "customer"',
      '25:13 expect.states.datahub: key "datahub" is not one of "vnb", "sp", "customer"',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const error = errorOf(
      HAPPY.replace('  sp: { address: EP100200, registered: true }', '  sp: { address: EP100200'),
    );
    // The parser notices the unclosed flow map where the next line starts.
    expect(linesOf(error)).toEqual([
      '9:1 : YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('reports a duplicate key as a YAML error', () => {
    const error = errorOf(HAPPY.replace('seed: 1', 'seed: 1\nseed: 2'));
    expect(linesOf(error)).toEqual(['6:1 : YAML: Map keys must be unique']);
  });

  it('requires the name to equal the file name and the process to match its folder', () => {
    const error = errorOf(HAPPY, 'scenarios/dh-831/happy.yml');
    expect(linesOf(error)).toEqual([
      '2:7 name: "happy-path" must equal the file name "happy"; rename the file or the scenario',
      '3:10 process: "cm-req-off" differs from the folder "dh-831" the file is in; move the file or fix the process',
    ]);
  });

  it('accepts a user file outside the scenarios tree', () => {
    expect(loadScenario(HAPPY, '/home/me/tests/happy-path.yaml', TEST_PROCESSES).fullName).toBe(
      'cm-req-off/happy-path',
    );
  });

  it('rejects impossible dates, stimuli before the start and calendar units in latencies', () => {
    const error = errorOf(
      HAPPY.replace('start: 2026-03-27T09:00:00+01:00', 'start: 2026-02-30T09:00:00+01:00')
        .replace('eda: PT5S', 'eda: P1M')
        .replace('at: 2026-03-31T12:00:00+02:00', 'at: 2026-01-31T12:00:00+02:00'),
    );
    expect(linesOf(error)).toEqual([
      expect.stringMatching(
        /^6:8 start: "2026-02-30T09:00:00\+01:00" is not a valid calendar instant/,
      ),
      '10:8 channels.eda: "P1M" uses years or months, which have no fixed length; use days (e.g. P30D)',
    ]);
    const early = errorOf(
      HAPPY.replace('at: 2026-03-31T12:00:00+02:00', 'at: 2026-01-31T12:00:00+02:00'),
    );
    expect(linesOf(early)).toEqual([
      '16:9 stimuli[2].at: "2026-01-31T12:00:00+02:00" is before start 2026-03-27T09:00:00+01:00; the clock never runs backwards',
    ]);
  });

  it('requires a delay for delay faults and refuses one on drop faults', () => {
    const error = errorOf(
      HAPPY.replace(
        '  - { kind: delay, channel: eda, delay: PT2H, probability: 0.3 }',
        '  - { kind: delay, channel: eda }\n  - { kind: drop, delay: PT1S, nth: 0 }',
      ),
    );
    expect(linesOf(error)).toEqual([
      '12:5 faults[0]: missing required field "delay"',
      '13:26 faults[1].delay: is only allowed for faults of kind delay or reorder',
      '13:37 faults[1].nth: must be ≥ 1, got 0',
    ]);
  });

  it('says an empty file is not a scenario', () => {
    expect(errorOf('').message).toBe(
      'consent-sim: scenarios/cm-req-off/happy-path.yaml:1:1 expected a mapping, got nothing (null)',
    );
  });

  it('issue 13 item 9: instants outside 1970–2200 are refused with line and field, not scheduled at NaN', () => {
    const at = (value: string) =>
      linesOf(
        errorOf(HAPPY.replace('{ at: P3D, party: customer', `{ at: ${value}, party: customer`)),
      );
    expect(at('P100000000D')).toEqual([
      expect.stringMatching(
        /^15:11 stimuli\[1\]\.at: "P100000000D" from start .* is not between 1970-01-01 and 2200-01-01/,
      ),
    ]);
    expect(at('P9999Y')[0]).toMatch(/stimuli\[1\]\.at: "P9999Y" from start/);
    const start = HAPPY.replace(/^start: .*$/m, 'start: 9999-03-27T09:00:00+01:00');
    expect(linesOf(errorOf(start))[0]).toMatch(
      / start: "9999-03-27T09:00:00\+01:00" is not between 1970-01-01 and 2200-01-01/,
    );
  });

  it('issue 13 item 9: a YAML alias bomb is refused with the file and line, not as an internal error', () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]\n`;
    }
    expect(linesOf(errorOf(bomb))).toEqual([
      expect.stringMatching(/^1:1 : YAML: .*alias.*; a scenario may expand at most 100 aliases$/),
    ]);
  });

  it('issue 13 item 9: an event the role does not have, or a process-specific field, is a located file error', () => {
    // Before: the loader accepted these and the run's wiring threw, an internal error (exit 70).
    const event = HAPPY.replace('event: handOver }', 'event: fly }');
    expect(linesOf(errorOf(event))).toEqual([
      expect.stringMatching(
        /^15:\d+ stimuli\[1\]\.event: customer cannot "fly" in CM_REQ_OFF; customer events are apply, handOver/,
      ),
    ]);
    const party = HAPPY.replace('parties:\n', 'parties:\n  vnb: { address: EP100200 }\n');
    expect(linesOf(errorOf(party))).toEqual([
      expect.stringMatching(/^8:19 parties\.vnb\.address: a DSO/),
    ]);
  });
});
