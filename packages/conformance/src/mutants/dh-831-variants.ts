/**
 * Legitimate DH-831 variants (issue 12 build 5): correct sellers, Datahubs and customers that
 * differ from the reference only where the documents leave the choice open. `sim mutants` runs
 * each over every path; a FAIL is a false FAIL of the harness.
 */
import type { Variant } from './types.ts';
import {
  answeringLater,
  both,
  inUtc,
  type OwnIdScheme,
  ownIds,
  prefixed,
  varyingLater,
  writing,
} from './variant-writers.ts';

/**
 * Datahub MessageIds of a system's own scheme: the format asks only for a non-empty text
 * (`Header/MessageId`), the reference writes UUIDs; these are `<kind>-<counter>`.
 */
const DATAHUB_OWN_IDS: OwnIdScheme = {
  elements: ['MessageId'],
  mint: (_element, _value, n) => `OWN-MSG-${String(n).padStart(8, '0')}`,
};

const ownIdsDiffer =
  'its MessageIds are its own (not UUIDs) — correct: the Datahub format asks only for a ' +
  'non-empty Header/MessageId, and the harness judges what an ACK answers by the document it ' +
  'names (OriginalMessageId), never by the id';
const utcDiffers = (what: string) =>
  `it writes ${what} in UTC (Z) — correct: the Datahub format takes Z or ±hh:mm, and the same ` +
  'instant under any offset is the same value (DH-DOCUMENT-INSTANTS)';
const laterDiffers = (what: string) =>
  `every message leaves ${what} later than the reference's, its "now" fields written then — ` +
  'correct: the documents fix deadlines, not how fast a system answers; where the lateness moves ' +
  'an event across the deadline a path probes, the path is INCONCLUSIVE, not FAIL (issue 12 build 3)';
const noStepsDiffers =
  'it reports no steps — correct: `steps` is optional in the SUT protocol (§ which steps to ' +
  'report); what only steps could show is NOT_JUDGED, not FAIL';

export const DH_831_VARIANTS: readonly Variant[] = [
  {
    id: 'dh-831/legit-seller-own-ids',
    process: 'dh-831',
    role: 'seller',
    differs: ownIdsDiffer,
    transport: ownIds(DATAHUB_OWN_IDS),
    focus: ['approved', 'cancelled-dh-851', 'technical-fault'],
  },
  {
    id: 'dh-831/legit-seller-prefixes',
    process: 'dh-831',
    role: 'seller',
    differs:
      'its XML uses namespace prefix ns0 — correct: a namespace is named by its URI, not its ' +
      'prefix (XML Namespaces 1.0), and the harness reads by local name and namespace',
    transport: writing(prefixed('dh', 'ns0')),
    focus: ['approved'],
  },
  {
    id: 'dh-831/legit-seller-utc-instants',
    process: 'dh-831',
    role: 'seller',
    differs: utcDiffers('Created, the period start and the reminder time'),
    transport: writing(inUtc(['Created', 'Start', 'ReminderTime'])),
    focus: ['approved', 'reminder-sent'],
  },
  {
    id: 'dh-831/legit-seller-1s-later',
    process: 'dh-831',
    role: 'seller',
    differs: laterDiffers('1 s'),
    transport: answeringLater(1_000),
    focus: ['start-at-90-days', 'start-yesterday-at-night'],
  },
  {
    id: 'dh-831/legit-seller-1min-later',
    process: 'dh-831',
    role: 'seller',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['start-at-90-days', 'start-yesterday-at-night'],
  },
  varyingLater('dh-831', 'seller', ['start-at-90-days', 'start-yesterday-at-night']),
  {
    id: 'dh-831/legit-seller-no-steps',
    process: 'dh-831',
    role: 'seller',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['approved', 'wrong-accounting-points'],
  },
  {
    id: 'dh-831/legit-datahub-own-ids',
    process: 'dh-831',
    role: 'datahub',
    differs: ownIdsDiffer,
    transport: ownIds(DATAHUB_OWN_IDS),
    focus: ['approved', 'cancelled-dh-851'],
  },
  {
    id: 'dh-831/legit-datahub-utc-prefixes',
    process: 'dh-831',
    role: 'datahub',
    differs: `${utcDiffers('Created, ApprovedAt and the start its ACK copies')}; its XML uses namespace prefix ns0`,
    transport: writing(both(inUtc(['Created', 'ApprovedAt', 'Start']), prefixed('dh', 'ns0'))),
    focus: ['approved', 'cancelled-dh-851'],
  },
  {
    id: 'dh-831/legit-datahub-1min-later',
    process: 'dh-831',
    role: 'datahub',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['approved', 'reminder-sent'],
  },
  varyingLater('dh-831', 'datahub', ['approved', 'reminder-sent']),
  {
    id: 'dh-831/legit-datahub-no-steps',
    process: 'dh-831',
    role: 'datahub',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['approved'],
  },
  {
    id: 'dh-831/legit-customer-1min-later',
    process: 'dh-831',
    role: 'customer',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['approved', 'rejected-by-customer'],
  },
  varyingLater('dh-831', 'customer', ['approved', 'rejected-by-customer']),
  {
    id: 'dh-831/legit-customer-no-steps',
    process: 'dh-831',
    role: 'customer',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['approved'],
  },
];
