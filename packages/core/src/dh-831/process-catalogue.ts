/**
 * DH-831's catalogue in the common shape of every process (../process/catalogue.ts), built from
 * the constants in steps.ts, catalogue.ts and message-types.ts.
 */
import type { ProcessCatalogue } from '../process/catalogue.ts';
import { DH831_DEADLINES, DH831_GATEWAYS, DH831_ZONE } from './catalogue.ts';
import { DH831_MESSAGES, type Dh831MessageType } from './message-types.ts';
import {
  DH831_LANES,
  DH831_STEP_KEYS,
  DH831_STEPS,
  type Dh831Lane,
  type Dh831StepDefinition,
  type Dh831StepKey,
} from './steps.ts';

const keysOf = <K extends string>(record: Readonly<Record<K, unknown>>) =>
  Object.keys(record) as K[];

/**
 * DH-831 (with DH-851) as a {@link ProcessCatalogue}. The seed has no step kinds and no other
 * ids for a step: every step is a task without aliases.
 *
 * @example dh831.catalogue.steps.find((step) => step.id === 'DH-851.DH.CANCEL')?.lane // 'datahub'
 */
export const catalogue: ProcessCatalogue<Dh831StepKey, Dh831Lane> = {
  process: 'DH-831',
  title: 'Authorization request from a seller to a customer',
  zone: DH831_ZONE,
  lanes: keysOf(DH831_LANES),
  steps: DH831_STEP_KEYS.map((id) => {
    const step: Dh831StepDefinition = DH831_STEPS[id];
    return {
      id,
      lane: step.lane,
      kind: 'task' as const,
      aliases: [],
      title: step.summary,
      messageCodes: step.messages ?? [],
      interpretations: step.interpretations ?? [],
      simulationOnly: step.simulationOnly === true,
    };
  }),
  gateways: keysOf(DH831_GATEWAYS).map((id) => {
    const gateway = DH831_GATEWAYS[id];
    return {
      id,
      question: gateway.question,
      branches: Object.entries(gateway.branches).map(([branch, { when, next }]) => ({
        id: branch,
        when,
        next,
      })),
    };
  }),
  deadlines: [
    {
      key: 'startWindow',
      zone: DH831_DEADLINES.startWindow.zone,
      days: DH831_DEADLINES.startWindow.days,
      summary: 'Start date at or after today and at most 90 days after it.',
      interpretations: ['DH-START-WINDOW'],
    },
    {
      key: 'reminder',
      zone: DH831_DEADLINES.reminder.zone,
      days: null,
      summary: 'Reminder e-mail at the reminder time given in the request.',
      interpretations: ['DH-REMINDER'],
    },
    {
      key: 'requestEnd',
      zone: DH831_DEADLINES.requestEnd.zone,
      days: DH831_DEADLINES.requestEnd.defaultDays,
      summary: 'The request end date; absent, receipt + 30 calendar days, end of day.',
      interpretations: ['DH-END-DATE'],
    },
  ],
  messageCodes: keysOf(DH831_MESSAGES).map((code: Dh831MessageType) => ({
    code,
    title: DH831_MESSAGES[code].summary,
    simulationOnly: DH831_MESSAGES[code].simulationOnly,
  })),
};
