/**
 * The toy process as one plug-in: its definition with a judging policy (no documents, nothing
 * open), a test model (ask, then a day passes), coverage of its steps and message, two wrong
 * askers for `sim mutants`, no other readings, and a menu for random runs. Adding it to a table
 * (`{ ...PROCESSES, toy: toyPlugin }`) is all it takes: no shared file knows it.
 */
import {
  emptyObserved,
  type JudgingPolicy,
  type ProcessCoverageModel,
  type ProcessModel,
  type ProcessPlugin,
} from '@consent-sim/conformance';
import { setup } from 'xstate';
import { toyProcess } from './definition.ts';
import { askerMachine, TOY_STEPS } from './machines.ts';

const START = '2026-03-27T12:00:00+01:00';
const SECOND = 1_000;
const DAY_MS = 86_400_000;

const policy: JudgingPolicy = {
  readCodes: () => ({ messageCode: null, responseCodes: [], issues: [], businessIssues: [] }),
  readFacts: () => ({ ownId: null, answers: null, content: {}, damaged: false }),
  openUnder: () => null,
  codeVerdict: () => ({ verdict: 'FAIL', key: null, why: 'the toy has no codes' }),
  omittedKey: null,
  isKey: (cover) => cover.startsWith('TOY-DAY'),
  stepIn: (text) => /\b(TOY-[A-Z]+)\b/.exec(text)?.[1] ?? null,
  canonicalStep: (id) => ({ id, alias: null }),
  stateKeepers: [],
  receiverJudgesBusinessRules: {},
};

const model: ProcessModel = {
  process: 'toy',
  machine: setup({}).createMachine({
    id: 'toy-model',
    initial: 'start',
    states: {
      start: { on: { ASK: 'asked', NOTHING: 'done' } },
      asked: { on: { DAY_PASSES: 'done' } },
      done: { type: 'final' },
    },
  }),
  events: {
    ASK: {
      title: 'ask',
      covers: ['TOY-ASK', 'TOY-RECEIVE'],
      apply(run) {
        run.stimulus(run.start, 'asker', 'ask');
        run.step(run.start, 'TOY-ASK');
        run.message(run.start + SECOND, { code: 'PING', from: 'asker', to: 'answerer' });
        run.step(run.start + SECOND, 'TOY-RECEIVE');
        run.label('waiting');
      },
    },
    DAY_PASSES: {
      title: 'a day passes',
      covers: ['TOY-EXPIRE', 'TOY-DAY'],
      apply(run) {
        run.step(run.start + DAY_MS, 'TOY-EXPIRE');
        run.labels.splice(0, run.labels.length, 'expired');
      },
    },
    NOTHING: { title: 'nothing happens', covers: [], apply: (run) => run.label('idle') },
  },
  frame: { start: START, seed: 1, zone: 'Europe/Berlin', parties: {}, parameters: {} },
  outcome: (run) => run.labels.join(','),
};

const coverage: ProcessCoverageModel = {
  universe: {
    steps: TOY_STEPS.map((id) => ({ id })),
    messageCodes: [{ id: 'PING' }],
  },
  observe(events) {
    const observed = emptyObserved();
    for (const e of events) {
      if (e.kind === 'step' && e.step !== null) observed.steps.add(e.step);
      if (e.kind === 'send' && e.messageCode !== null) observed.messageCodes.add(e.messageCode);
    }
    return observed;
  },
  gaps: {},
};

export const toyPlugin = {
  ...toyProcess,
  policy,
  model,
  coverage: { categories: ['steps', 'messageCodes'], model: coverage },
  mutants: [
    {
      id: 'toy/waits-two-days',
      process: 'toy',
      role: 'asker',
      wrong: 'gives up after two days instead of one (TOY-EXPIRE)',
      machine: () => askerMachine(2 * DAY_MS),
      focus: [],
    },
    {
      id: 'toy/never-pings',
      process: 'toy',
      role: 'asker',
      wrong: 'asks without sending the PING (TOY-ASK)',
      machine: () => askerMachine(DAY_MS, false),
      focus: [],
    },
  ],
  variants: [
    {
      id: 'toy/legit-asker-no-steps',
      process: 'toy',
      role: 'asker',
      differs: 'reports no steps (optional in the SUT protocol)',
      withoutSteps: true,
      focus: [],
    },
  ],
  readings: [],
  negative: [],
  random: {
    start: START,
    opening: [{ party: 'asker', event: 'ask' }],
    any: [{ party: 'asker', event: 'ask' }],
    channels: ['wire'],
    mayOpenLate: false,
  },
} as const satisfies ProcessPlugin<'toy'>;
