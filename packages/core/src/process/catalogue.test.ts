import { describe, expect, it } from 'vitest';
import { CM_REQ_OFF_STEP_IDS } from '../cm-req-off/catalogue.ts';
import { catalogue as cmReqOff } from '../cm-req-off/process-catalogue.ts';
import { catalogue as dh831 } from '../dh-831/process-catalogue.ts';
import { DH831_STEP_KEYS } from '../dh-831/steps.ts';
import type { ProcessCatalogue } from './catalogue.ts';

describe.each<[string, ProcessCatalogue, readonly string[]]>([
  ['CM_REQ_OFF', cmReqOff, CM_REQ_OFF_STEP_IDS],
  ['DH-831', dh831, DH831_STEP_KEYS],
])('%s in the common catalogue shape', (_, catalogue, stepIds) => {
  const ids = new Set(catalogue.steps.map((step) => step.id));

  it('holds every step of the process once, in its order', () => {
    expect(catalogue.steps.map((step) => step.id)).toEqual([...stepIds]);
  });

  it('puts every step in one of its lanes', () => {
    expect(catalogue.steps.filter((step) => !catalogue.lanes.includes(step.lane))).toEqual([]);
  });

  it('leads every gateway branch to a step of the process or nowhere', () => {
    const next = catalogue.gateways.flatMap((gateway) => gateway.branches.map((b) => b.next));
    expect(next.filter((step) => step !== null && !ids.has(step))).toEqual([]);
  });

  it('names only message codes it lists', () => {
    const codes = new Set(catalogue.messageCodes.map((entry) => entry.code));
    const used = catalogue.steps.flatMap((step) => step.messageCodes);
    expect(used.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('counts deadlines in the zone of the process', () => {
    expect(catalogue.deadlines.every((deadline) => deadline.zone === catalogue.zone)).toBe(true);
  });
});
