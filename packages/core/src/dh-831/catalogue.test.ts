import type { DatahubErrorId } from '@consent-sim/messages';
import { DATAHUB_ERRORS } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, StateNode } from 'xstate';
import { authorizationRequestMachine } from './authorization-request.ts';
import { DH831_CATALOGUE, DH831_GATEWAYS } from './catalogue.ts';
import { customerMachine } from './customer.ts';
import { datahubMachine } from './datahub.ts';
import { sellerMachine } from './seller.ts';
import { DH831_STEP_KEYS, DH831_STEPS } from './steps.ts';

function metaSteps(machine: AnyStateMachine): Array<{ state: string; step: string }> {
  const found: Array<{ state: string; step: string }> = [];
  const visit = (node: StateNode) => {
    const step = (node.meta as { step?: string } | undefined)?.step;
    if (step !== undefined) found.push({ state: node.id, step });
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return found;
}

const machines = {
  seller: sellerMachine,
  datahub: datahubMachine,
  request: authorizationRequestMachine,
  customer: customerMachine,
};
const realised = Object.values(machines).flatMap(metaSteps);

describe('DH-831 catalogue ⇄ machines', () => {
  it('every catalogue step is realised by some state (meta.step)', () => {
    const steps = new Set(realised.map((r) => r.step));
    expect(DH831_STEP_KEYS.filter((key) => !steps.has(key))).toEqual([]);
  });

  it('every meta.step is a catalogue step', () => {
    expect(realised.filter((r) => !(r.step in DH831_STEPS))).toEqual([]);
  });

  it('a step is realised in the lane that owns it', () => {
    const laneOf = {
      seller: 'seller',
      datahub: 'datahub',
      request: 'datahub',
      customer: 'customer',
    } as const;
    for (const [name, machine] of Object.entries(machines) as Array<
      [keyof typeof machines, AnyStateMachine]
    >) {
      for (const { step } of metaSteps(machine)) {
        expect(DH831_STEPS[step as keyof typeof DH831_STEPS].lane, step).toBe(laneOf[name]);
      }
    }
  });

  it('gateway branches lead to catalogue steps; error ids are defined', () => {
    for (const gateway of Object.values(DH831_GATEWAYS)) {
      for (const branch of Object.values(gateway.branches)) {
        if (branch.next !== null) expect(DH831_STEPS).toHaveProperty([branch.next]);
      }
    }
    const ids = Object.values(DH831_STEPS).flatMap((s) =>
      'errorIds' in s ? (s.errorIds as readonly DatahubErrorId[]) : [],
    );
    for (const id of ids) expect(DATAHUB_ERRORS).toHaveProperty([id]);
    expect(Object.keys(DATAHUB_ERRORS).filter((id) => !ids.includes(id as DatahubErrorId))).toEqual(
      [],
    );
  });

  it('quotes the seed headings', () => {
    expect(DH831_CATALOGUE.title.fi).toBe('Valtuutuspyyntö myyjältä asiakkaalle');
    expect(DH831_STEPS['DH-831.DH.REMINDER_EMAIL'].section.fi).toBe(
      'Muistutus luodusta valtuutuspyynnöstä',
    );
    expect(DH831_STEPS['DH-851.SELLER.CANCEL'].section.fi).toBe('Tapahtuman peruuttaminen');
  });
});
