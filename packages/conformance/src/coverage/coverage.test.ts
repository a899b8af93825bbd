import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../processes/index.ts';
import { computeCoverage } from './coverage.ts';
import { renderCoverageText } from './render.ts';
import { shippedRun, shippedScenarios } from './test-scenarios.ts';
import type { Coverage, CoverageCategoryName } from './types.ts';

const cm = (name: string) => shippedRun('cm-req-off', name);
const dh = (name: string) => shippedRun('dh-831', name);

function coveredIds(coverage: Coverage, category: CoverageCategoryName): string[] {
  return (coverage.categories[category]?.items ?? [])
    .filter((item) => item.coveredBy.length > 0)
    .map((item) => item.id);
}

describe('computeCoverage, cm-req-off', () => {
  it('the happy path takes the yes branch of VNB_06 and the passive branches, in time', () => {
    const coverage = computeCoverage(PROCESSES['cm-req-off'], [cm('happy-path')]);
    expect(coveredIds(coverage, 'gateways')).toEqual(['VNB_06.yes', 'BP_05.no', 'VNB_10.no']);
    expect(coveredIds(coverage, 'deadlines')).toEqual(['redemption.inTime']);
    expect(coveredIds(coverage, 'responseCodes')).toEqual(['99', '175']);
    expect(coverage.categories.steps?.uncovered.map((gap) => gap.id)).toContain(
      'CM_REQ_OFF_VNB_11',
    );
    expect(coverage.complete).toBe(false);
  });

  it('tells the two 76 branches apart: a corrupted request is schema, an unregistered SP sender', () => {
    const lossy = computeCoverage(PROCESSES['cm-req-off'], [cm('lossy-network')]);
    expect(coveredIds(lossy, 'gateways')).toContain('VNB_06.no.schema');
    expect(coveredIds(lossy, 'gateways')).toContain('VNB_06.no.duplicate');
    expect(coveredIds(lossy, 'gateways')).not.toContain('VNB_06.no.sender');
    const sender = computeCoverage(PROCESSES['cm-req-off'], [cm('sp-not-registered')]);
    expect(coveredIds(sender, 'gateways')).toEqual(['VNB_06.no.sender']);
  });

  it('recognises both sides of each deadline and the inclusive boundary (OFF-DEADLINE-BOUNDARY)', () => {
    const at = computeCoverage(PROCESSES['cm-req-off'], [cm('redeemed-at-deadline')]);
    expect(coveredIds(at, 'deadlines')).toEqual(['redemption.inTime', 'redemption.atDeadline']);
    const late = computeCoverage(PROCESSES['cm-req-off'], [cm('redeemed-after-deadline')]);
    expect(coveredIds(late, 'deadlines')).toEqual(['redemption.late']);
    const objection = computeCoverage(PROCESSES['cm-req-off'], [
      cm('objection-at-deadline'),
      cm('objection-after-deadline'),
    ]);
    expect(coveredIds(objection, 'deadlines')).toEqual([
      'redemption.inTime',
      'objection.inTime',
      'objection.atDeadline',
      'objection.late',
    ]);
  });

  it('over every shipped scenario: all steps (aliases listed), codes, deadlines; gaps named', () => {
    const runs = shippedScenarios('cm-req-off').map((scenario) => cm(scenario.name));
    const coverage = computeCoverage(PROCESSES['cm-req-off'], runs);
    const { steps, messageCodes, deadlines, responseCodes, gateways } = coverage.categories;
    expect(steps?.covered).toBe(steps?.total);
    expect(steps?.items.find((item) => item.id === 'CM_REQ_OFF_VNB_20')?.aliases).toEqual([
      'CM_REQ_ONL_VNB_08',
    ]);
    expect(messageCodes?.covered).toBe(messageCodes?.total);
    expect(deadlines?.covered).toBe(deadlines?.total);
    expect(gateways?.uncovered).toEqual([]);
    const gap173 = responseCodes?.uncovered.find((gap) => gap.id === '173');
    expect(gap173?.reason).toContain('OFF-CUSTOMER-DECLINES');
    expect(responseCodes?.uncovered.every((gap) => gap.reason !== undefined)).toBe(true);
    expect(responseCodes?.covered).toBe(12);
  });

  it('refuses a run of another process', () => {
    expect(() => computeCoverage(PROCESSES['cm-req-off'], [dh('approved')])).toThrow(
      /consent-sim: coverage of cm-req-off: run "dh-831\/approved" is of process "dh-831"/,
    );
  });
});

describe('computeCoverage, dh-831', () => {
  it('tells branches without a next step by absence (no recipient, closed before the reminder)', () => {
    const none = computeCoverage(PROCESSES['dh-831'], [dh('no-recipient-no-email')]);
    expect(coveredIds(none, 'gateways')).toContain('DH-831.GW.RECIPIENT.absent');
    expect(coveredIds(none, 'gateways')).not.toContain('DH-831.GW.RECIPIENT.given');
    const closed = computeCoverage(PROCESSES['dh-831'], [dh('reminder-not-sent-when-closed')]);
    expect(coveredIds(closed, 'gateways')).toContain('DH-831.GW.REMINDER_OPEN.closed');
    expect(coveredIds(closed, 'deadlines')).toContain('reminder.closedBefore');
    const sent = computeCoverage(PROCESSES['dh-831'], [dh('reminder-sent')]);
    expect(coveredIds(sent, 'gateways')).toContain('DH-831.GW.REMINDER_OPEN.open');
    expect(coveredIds(sent, 'gateways')).not.toContain('DH-831.GW.REMINDER_OPEN.closed');
  });

  it('reads the start window in Helsinki calendar days: day 90 inside, day 91 beyond', () => {
    const day90 = computeCoverage(PROCESSES['dh-831'], [dh('start-at-90-days')]);
    expect(coveredIds(day90, 'deadlines')).toContain('startWindow.day90');
    expect(coveredIds(day90, 'deadlines')).toContain('startWindow.inside');
    const beyond = computeCoverage(PROCESSES['dh-831'], [dh('start-beyond-90-days')]);
    expect(coveredIds(beyond, 'deadlines')).toEqual(['startWindow.beyond']);
    expect(coveredIds(beyond, 'errorIds')).toEqual(['EC.AUTH.002']);
  });

  it('over every shipped scenario: all steps and messages; technical error ids carry DH-SIM', () => {
    const runs = shippedScenarios('dh-831').map((scenario) => dh(scenario.name));
    const coverage = computeCoverage(PROCESSES['dh-831'], runs);
    expect(coverage.categories.steps?.covered).toBe(coverage.categories.steps?.total);
    expect(coverage.categories.messageCodes?.covered).toBe(7);
    expect(coverage.categories.deadlines?.uncovered).toEqual([]);
    const msg004 = coverage.categories.errorIds?.uncovered.find((gap) => gap.id === 'EC.MSG.004');
    expect(msg004?.reason).toContain('DH-SIM');
    const text = renderCoverageText(coverage);
    expect(text).toContain('  steps            26/26  100%');
    expect(text).toContain(
      '      - DH-831.GW.DECISION.removeAll: no reason — add a scenario or path',
    );
    expect(text.trimEnd().endsWith('incomplete: some gaps have no reason')).toBe(true);
  });
});
