/**
 * Legitimate CM_REQ_OFF variants (issue 12 build 5): correct SPs, DSOs and customers that differ
 * from the reference only where the documents leave the choice open. `sim mutants` runs each
 * over every path; a FAIL is a false FAIL of the harness.
 */
import { cmRequestId } from '@consent-sim/messages';
import type { Variant } from './types.ts';
import {
  answeringLater,
  inUtc,
  type OwnIdScheme,
  ownIds,
  prefixed,
  varyingLater,
  writing,
} from './variant-writers.ts';

const pad = (n: number) => String(n).padStart(10, '0');

/**
 * EDA ids of a system's own scheme, valid XSD GroupingIds ([0-9A-Za-z], ≤ 35): MessageId and
 * ConversationId keep the sender address and end in a counter; a ConsentId keeps the DSO
 * address and Vienna timestamp and ends in a CMRequestId of its own; a CMRequestId is computed
 * from the renamed MessageId as the digest's "Identifier facts" say (CRC-32 → CRC-8 → base32).
 */
const EDA_OWN_IDS: OwnIdScheme = {
  elements: ['MessageId', 'ConversationId', 'ConsentId'],
  mint: (element, value, n) => {
    switch (element) {
      case 'MessageId':
        return `${value.slice(0, 8)}OWNM${pad(n)}`;
      case 'ConversationId':
        return `${value.slice(0, 8)}OWNC${pad(n)}`;
      default:
        return `${value.slice(0, 25)}${cmRequestId(`${value.slice(0, 8)}OWNK${pad(n)}`)}`;
    }
  },
  derived: [{ element: 'CMRequestId', from: 'MessageId', compute: cmRequestId }],
};

const ownIdsDiffer =
  'its ids are its own (MessageId, ConversationId, CMRequestId from its own MessageId) — ' +
  'correct: the schema fixes only their form (GroupingId) and the CMRequestId algorithm, and the ' +
  'harness judges what a document answers by the document it names, never by the id';
const prefixesDiffer =
  'its XML uses other namespace prefixes — correct: a namespace is named by its URI, not its ' +
  'prefix (XML Namespaces 1.0), and the harness reads by local name and namespace';
const utcDiffers =
  'it writes DocumentCreationDateTime in UTC (Z) — correct: the real EDA samples do ' +
  '(2024-04-02T14:40:47.4699220Z), and any offset naming the same instant passes (OFF-DOCUMENT-INSTANTS)';
const laterDiffers = (what: string) =>
  `every message leaves ${what} later than the reference's, its "now" fields written then — ` +
  'correct: the documents fix deadlines, not how fast a system answers; where the lateness moves ' +
  'an event across the deadline a path probes, the path is INCONCLUSIVE, not FAIL (issue 12 build 3)';
const noStepsDiffers =
  'it reports no steps — correct: `steps` is optional in the SUT protocol (§ which steps to ' +
  'report); what only steps could show is NOT_JUDGED, not FAIL';

export const CM_REQ_OFF_VARIANTS: readonly Variant[] = [
  {
    id: 'cm-req-off/legit-sp-own-ids',
    process: 'cm-req-off',
    role: 'sp',
    differs: ownIdsDiffer,
    transport: ownIds(EDA_OWN_IDS),
    focus: ['happy-path', 'duplicate-consent-request', 'objection-after-window'],
  },
  {
    id: 'cm-req-off/legit-sp-prefixes',
    process: 'cm-req-off',
    role: 'sp',
    differs: `${prefixesDiffer} (ns0 for cp, ns1 for ct)`,
    transport: writing((item, context) =>
      prefixed('ct', 'ns1')(prefixed('cp', 'ns0')(item, context), context),
    ),
    focus: ['happy-path'],
  },
  {
    id: 'cm-req-off/legit-sp-utc-instants',
    process: 'cm-req-off',
    role: 'sp',
    differs: utcDiffers,
    transport: writing(inUtc(['DocumentCreationDateTime'])),
    focus: ['happy-path', 'duplicate-consent-request'],
  },
  {
    id: 'cm-req-off/legit-sp-1s-later',
    process: 'cm-req-off',
    role: 'sp',
    differs: laterDiffers('1 s'),
    transport: answeringLater(1_000),
    focus: ['redeemed-at-deadline', 'happy-path'],
  },
  {
    id: 'cm-req-off/legit-sp-1min-later',
    process: 'cm-req-off',
    role: 'sp',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['redeemed-at-deadline', 'happy-path'],
  },
  varyingLater('cm-req-off', 'sp', ['redeemed-at-deadline', 'happy-path']),
  {
    id: 'cm-req-off/legit-sp-no-steps',
    process: 'cm-req-off',
    role: 'sp',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['happy-path'],
  },
  {
    id: 'cm-req-off/legit-vnb-own-ids',
    process: 'cm-req-off',
    role: 'vnb',
    differs: `${ownIdsDiffer}; its ConsentIds too (DSO address, Vienna timestamp and a CMRequestId of its own)`,
    transport: ownIds(EDA_OWN_IDS),
    focus: ['happy-path', 'objection-after-window', 'qr-too-large'],
  },
  {
    id: 'cm-req-off/legit-vnb-prefixes',
    process: 'cm-req-off',
    role: 'vnb',
    differs: `${prefixesDiffer} (ns2 for cp)`,
    transport: writing(prefixed('cp', 'ns2')),
    focus: ['happy-path', 'unknown-consent-id'],
  },
  {
    id: 'cm-req-off/legit-vnb-utc-instants',
    process: 'cm-req-off',
    role: 'vnb',
    differs: `${utcDiffers}; its QR templates too`,
    transport: writing(inUtc(['DocumentCreationDateTime'])),
    focus: ['happy-path', 'periodic-data-delivery'],
  },
  {
    id: 'cm-req-off/legit-vnb-1min-later',
    process: 'cm-req-off',
    role: 'vnb',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['redeemed-at-deadline', 'objection-at-deadline'],
  },
  varyingLater('cm-req-off', 'vnb', ['redeemed-at-deadline', 'objection-at-deadline']),
  {
    id: 'cm-req-off/legit-vnb-no-steps',
    process: 'cm-req-off',
    role: 'vnb',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['happy-path'],
  },
  {
    id: 'cm-req-off/legit-customer-1min-later',
    process: 'cm-req-off',
    role: 'customer',
    differs: laterDiffers('1 min'),
    transport: answeringLater(60_000),
    focus: ['objection-at-deadline', 'happy-path'],
  },
  varyingLater('cm-req-off', 'customer', ['objection-at-deadline', 'happy-path']),
  {
    id: 'cm-req-off/legit-customer-no-steps',
    process: 'cm-req-off',
    role: 'customer',
    differs: noStepsDiffers,
    withoutSteps: true,
    focus: ['happy-path'],
  },
];
