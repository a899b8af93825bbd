/**
 * DH-831 roles that decide as the reference does but write the wrong "now" into their documents
 * (docs/sut-protocol.md § What is judged in a document's instants): the Datahub's Created,
 * ApprovedAt and e-mail Date, the seller's Created.
 */
import { dh831 } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import {
  localDigitsAs,
  type OutboxRewrite,
  stamping,
  utcDigitsUnderZoneOffset,
  wallClock,
} from './stamps.ts';
import type { Mutant } from './types.ts';

const writer = (
  role: 'datahub' | 'seller',
  id: string,
  wrong: string,
  documents: OutboxRewrite,
  focus: readonly string[],
): Mutant => ({
  id: `dh-831/${id}`,
  process: 'dh-831',
  role,
  wrong,
  machine: (): AnyStateMachine => (role === 'datahub' ? dh831.datahubMachine : dh831.sellerMachine),
  documents,
  focus,
});

/** E-mails whose Date header shows the UTC clock reading under the offset it was written with. */
const mailDateUtcAsLocal: OutboxRewrite = (item) => {
  if (item.channel !== 'email' || item.document === null) return item;
  const document = item.document.replace(
    /^Date: (.*?)([+-]\d{4})$/m,
    (line, _time: string, zone: string) => {
      const ms = Date.parse(line.slice('Date: '.length));
      return Number.isNaN(ms) ? line : `Date: ${new Date(ms).toUTCString().replace('GMT', zone)}`;
    },
  );
  return { ...item, document };
};

/** The catalogue of wrong DH-831 document writers. */
export const DH_831_WRITER_MUTANTS: readonly Mutant[] = [
  writer(
    'datahub',
    'created-utc-as-local',
    "the Datahub's Created is the UTC clock reading under the Helsinki offset (two or three hours early)",
    stamping(['Created'], utcDigitsUnderZoneOffset),
    ['05dc1ec2a756'],
  ),
  writer(
    'datahub',
    'approved-at-wall-clock',
    "the Datahub's DH-825 ApprovedAt is the server's wall clock, not the test clock",
    stamping(['ApprovedAt'], wallClock),
    ['05dc1ec2a756'],
  ),
  writer(
    'datahub',
    'mail-date-utc-as-local',
    "the Datahub's notification and reminder e-mails carry the UTC clock reading under the Helsinki offset in Date",
    mailDateUtcAsLocal,
    ['001c24c80c80'],
  ),
  writer(
    'seller',
    'seller-created-wall-clock',
    "the seller stamps Created of its DH-831 and DH-851 from the server's wall clock",
    stamping(['Created'], wallClock),
    ['05dc1ec2a756'],
  ),
  writer(
    'seller',
    'seller-created-without-dst',
    'the seller writes Helsinki wall-clock time under +02:00 all year in Created (an hour late in summer time)',
    stamping(['Created'], localDigitsAs('+02:00')),
    ['cancelled-dh-851'],
  ),
];
