import { HELSINKI } from '@consent-sim/core';
import { setup } from 'xstate';
import type { ProcessModel } from '../types.ts';

export const dh831Model: ProcessModel = {
  process: 'dh-831',
  machine: setup({}).createMachine({
    id: 'dh-831-model',
    initial: 'done',
    states: { done: { type: 'final' } },
  }),
  events: {},
  frame: {
    start: '2026-03-20T10:00:00+02:00',
    seed: 1,
    zone: HELSINKI,
    parties: {},
    parameters: {},
  },
  outcome: (run) => run.status ?? 'none',
};
