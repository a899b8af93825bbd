/**
 * CM_REQ_OFF roles that decide as the reference does but write the wrong "now" into their
 * documents (docs/sut-protocol.md § What is judged in a document's instants): the DSO's
 * DocumentCreationDateTime, the SP's DocumentCreationDateTime and ProcessDate.
 */
import { cmReqOff } from '@consent-sim/core';
import type { AnyStateMachine } from 'xstate';
import {
  localDigitsAs,
  type OutboxRewrite,
  restampXml,
  stamping,
  utcDigitsAs,
  wallClock,
} from './stamps.ts';
import type { Mutant } from './types.ts';

const writer = (
  role: 'vnb' | 'sp',
  id: string,
  wrong: string,
  documents: OutboxRewrite,
  focus: readonly string[],
): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role,
  wrong,
  machine: (): AnyStateMachine =>
    role === 'vnb' ? cmReqOff.vnbMachine : cmReqOff.serviceProviderMachine,
  documents,
  focus,
});

/**
 * An SP that re-addresses the QR code's CMRequest and keeps its ProcessDate: the date the DSO
 * made the QR code (VNB_02), not the date of its own request (SP_04).
 */
const processDateOfQrCode: OutboxRewrite = (item, { received }) => {
  if (item.document === null || !item.document.includes('ProcessDate')) return item;
  const consentId = /<(?:[\w.-]+:)?ConsentId>([^<]+)</.exec(item.document)?.[1];
  const template = received
    .map((d) => d.content?.qrPayload)
    .filter((p): p is string => typeof p === 'string')
    .flatMap((p) => p.split(/\n(?=<)/))
    .findLast((doc) => consentId !== undefined && doc.includes(`>${consentId}<`));
  const date = template && /<(?:[\w.-]+:)?ProcessDate>([^<]+)</.exec(template)?.[1];
  if (!date) return item;
  return { ...item, document: restampXml(item.document, 'ProcessDate', () => date) };
};

const CREATED = ['DocumentCreationDateTime'];

/** A DSO whose QR payload is rewritten document by document (OFF-QR-PAYLOAD). */
const qrPayloadAs =
  (rewrite: (cmRequest: string) => string, join = '\n'): OutboxRewrite =>
  (item) => {
    const payload = item.content?.qrPayload;
    if (typeof payload !== 'string' || item.content === null || item.content === undefined)
      return item;
    const written = payload
      .split(/\n(?=<)/)
      .map(rewrite)
      .join(join);
    return { ...item, content: { ...item.content, qrPayload: written } };
  };

/** Adds an element the CMRequest schema does not have after its ProcessDirectory's MessageId. */
const unknownElement = (doc: string) =>
  doc.replace(
    /(<(\w+:)?MessageId>[^<]*<\/(?:\w+:)?MessageId>)/,
    (all, _m, prefix = '') => `${all}<${prefix}Remark>QR</${prefix}Remark>`,
  );

/** An XML declaration before each document and a line break between its elements. */
const declaredAndIndented = (doc: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>${doc.replace(/></g, '>\n  <')}`;

/** The catalogue of wrong CM_REQ_OFF document writers. */
export const CM_REQ_OFF_WRITER_MUTANTS: readonly Mutant[] = [
  writer(
    'vnb',
    'stamp-wall-clock',
    "the DSO stamps DocumentCreationDateTime (EDA answers, data, QR templates) from the server's wall clock, not the test clock",
    stamping(CREATED, wallClock),
    ['happy-path'],
  ),
  writer(
    'vnb',
    'stamp-utc-as-cet',
    'the DSO writes the UTC clock reading under the label +01:00 in DocumentCreationDateTime (one hour early)',
    stamping(CREATED, utcDigitsAs('+01:00')),
    ['00fd9a332c17'],
  ),
  writer(
    'vnb',
    'stamp-without-dst',
    'the DSO writes Vienna wall-clock time under +01:00 all year in DocumentCreationDateTime (an hour late in summer time)',
    stamping(CREATED, localDigitsAs('+01:00')),
    ['05efa2b96a1a'],
  ),
  writer(
    'sp',
    'sp-stamp-utc-without-offset',
    'the SP writes the UTC clock reading without offset in DocumentCreationDateTime (read as Vienna time: one or two hours early)',
    stamping(CREATED, utcDigitsAs('')),
    ['00fd9a332c17'],
  ),
  writer(
    'sp',
    'sp-process-date-of-qr-code',
    "the SP's ANFORDERUNG_CMQF keeps the QR template's ProcessDate (the day the DSO made the QR code), not the day it sends the request",
    processDateOfQrCode,
    ['00fd9a332c17'],
  ),
  writer(
    'vnb',
    'qr-payload-unknown-element',
    'the DSO writes an element the CMRequest schema does not have into each QR template (OFF-QR-PAYLOAD schema rules; the SP may still read it)',
    qrPayloadAs(unknownElement),
    ['happy-path'],
  ),
  {
    ...writer(
      'vnb',
      'qr-payload-declared-and-indented',
      'the DSO writes an XML declaration and line breaks between the elements into its QR payload (OFF-QR-PAYLOAD: the strict form is one compact CMRequest per line)',
      qrPayloadAs(declaredAndIndented),
      ['happy-path'],
    ),
    strictOnly:
      'OFF-QR-PAYLOAD lists a declaration and pretty-printing as readings a tolerant SP reads: WARNING',
  },
];
