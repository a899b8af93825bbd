import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, StateNode } from 'xstate';
import { CM_RESPONSE_CODES } from '../eda/response-codes.ts';
import { CM_REQ_OFF_STEP_IDS, CM_REQ_OFF_STEPS, stepById } from './catalogue.ts';
import { customerMachine } from './customer.ts';
import { CM_REQ_OFF_GATEWAYS } from './gateways.ts';
import { serviceProviderMachine } from './service-provider.ts';
import { vnbMachine } from './vnb.ts';
import { vnbConsentMachine } from './vnb-consent.ts';

const machines: AnyStateMachine[] = [
  vnbMachine,
  vnbConsentMachine,
  serviceProviderMachine,
  customerMachine,
];

function metaSteps(node: StateNode): string[] {
  const own = (node.meta as { step?: string } | undefined)?.step;
  const nested = Object.values(node.states).flatMap((child) => metaSteps(child as StateNode));
  return own === undefined ? nested : [own, ...nested];
}

const used = machines.flatMap((machine) => metaSteps(machine.root));

describe('catalogue ⇄ machines', () => {
  it('every catalogue step is performed by some machine state (meta.step)', () => {
    expect(CM_REQ_OFF_STEP_IDS.filter((id) => !used.includes(id))).toEqual([]);
  });

  it('every meta.step is a canonical catalogue id', () => {
    expect(used.filter((id) => !CM_REQ_OFF_STEP_IDS.includes(id))).toEqual([]);
  });
});

describe('catalogue', () => {
  it('has the 35 table rows and the 2 diagram-only steps, with unique ids in order', () => {
    expect(CM_REQ_OFF_STEPS.filter((s) => s.source === 'table')).toHaveLength(35);
    expect(CM_REQ_OFF_STEPS.filter((s) => s.source === 'diagram').map((s) => s.id)).toEqual([
      'CM_REQ_OFF_BP_08',
      'CM_REQ_OFF_BP_09',
    ]);
    expect(new Set(CM_REQ_OFF_STEP_IDS).size).toBe(CM_REQ_OFF_STEP_IDS.length);
    const orders = CM_REQ_OFF_STEPS.map((s) => s.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('returns the table meaning for CM_REQ_ONL_VNB_08 and resolves the diagram and normalised aliases (OFF-STEP-IDS)', () => {
    expect(stepById('CM_REQ_ONL_VNB_08')).toMatchObject({
      step: { order: 150, title: 'Create a record' },
      matched: { as: 'canonical' },
    });
    expect(stepById('CM_REQ_ONL_VNB_20')).toMatchObject({
      step: { id: 'CM_REQ_ONL_VNB_08' },
      matched: { as: 'diagram' },
    });
    expect(stepById('CM_REQ_OFF_VNB_08')).toMatchObject({
      step: { id: 'CM_REQ_ONL_VNB_08' },
      matched: { as: 'normalised' },
    });
    expect(stepById('CM_REQ_OFF_VNB_12')?.step.id).toBe('CM_REQ_ONL_VNB_12');
    expect(stepById('CM_REQ_OFF_VNB_15')?.step.id).toBe('CM_REQ_ONL_VNB_15');
    expect(stepById('CM_REQ_OFF_VNB_20')?.step.aliases[0]).toMatchObject({
      id: 'CM_REQ_ONL_VNB_08',
      source: 'diagram',
    });
    expect(stepById('CM_REQ_OFF_VNB_99')).toBeUndefined();
  });

  it('gateway branches lead to catalogue steps and VNB_06 names every negative code', () => {
    for (const { gateway, branches } of CM_REQ_OFF_GATEWAYS) {
      expect(CM_REQ_OFF_STEP_IDS).toContain(gateway);
      for (const branch of branches) expect(CM_REQ_OFF_STEP_IDS).toContain(branch.to);
    }
    const vnb06 = CM_REQ_OFF_GATEWAYS.find((g) => g.gateway === 'CM_REQ_OFF_VNB_06');
    expect(vnb06?.branches.map((b) => b.responseCode).filter(Boolean)).toEqual([
      76, 179, 76, 56, 177, 180, 187, 178,
    ]);
  });

  it('labels every response code of the digest; only 175 has its German label from the page', () => {
    expect(CM_RESPONSE_CODES.map((c) => c.code)).toEqual([
      56, 57, 76, 82, 86, 99, 104, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 184, 187,
      203,
    ]);
    expect(
      CM_RESPONSE_CODES.filter((c) => c.germanSource === 'page').map((c) => [c.code, c.german]),
    ).toEqual([[175, 'Zustimmung erteilt']]);
  });
});
