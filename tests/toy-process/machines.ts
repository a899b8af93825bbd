/**
 * The toy process's two roles (it exists only to prove the process seam): the asker sends one
 * PING when asked and gives up one day later; the answerer records that the PING arrived.
 */
import { type AnyStateMachine, emit, setup } from 'xstate';

export const TOY_STEPS = ['TOY-ASK', 'TOY-RECEIVE', 'TOY-EXPIRE'] as const;
export type ToyStep = (typeof TOY_STEPS)[number];

const DAY_MS = 86_400_000;

const step = (id: ToyStep) => emit({ type: 'step', step: id });

/** The asker, with the day it waits as a parameter (a wrong one is a mutant). */
export function askerMachine(waitMs = DAY_MS, sends = true): AnyStateMachine {
  return setup({
    delays: { giveUp: waitMs },
  }).createMachine({
    id: 'toy-asker',
    initial: 'idle',
    states: {
      idle: { on: { 'stimulus.ask': 'waiting' } },
      waiting: {
        meta: { step: 'TOY-ASK' },
        entry: [
          step('TOY-ASK'),
          ...(sends
            ? [
                emit({
                  type: 'send',
                  channel: 'wire',
                  to: 'answerer',
                  message: { messageCode: 'PING' },
                }),
              ]
            : []),
        ],
        after: { giveUp: 'expired' },
      },
      expired: { meta: { step: 'TOY-EXPIRE' }, entry: step('TOY-EXPIRE'), type: 'final' },
    },
  });
}

export const answererMachine: AnyStateMachine = setup({}).createMachine({
  id: 'toy-answerer',
  initial: 'idle',
  states: {
    idle: { on: { 'receive.PING': 'received' } },
    received: { meta: { step: 'TOY-RECEIVE' }, entry: step('TOY-RECEIVE'), type: 'final' },
  },
});
