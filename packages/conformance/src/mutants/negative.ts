/**
 * Wrong servers the negative suites must catch (issue 11 item 2), written as a team would build
 * them: a reader that skips what it should refuse (an inbound rewrite in front of the reference
 * role), a validator that counts bytes or forgets a code list, a writer that turns every
 * refusal into a technical fault. Each names the rule it breaks and the case that catches it.
 */
import { cmReqOff, dh831 } from '@consent-sim/core';
import { assign } from 'xstate';
import type { DeliverRequest, OutboxItem } from '../sut/protocol.ts';
import { datahubWith, validatingWith } from './dh-831.ts';
import type { Mutant } from './types.ts';

/** A reader that drops the DOCTYPE and expands the internal entities it declared. */
function skipDoctype(request: DeliverRequest): DeliverRequest {
  const document = request.document;
  if (typeof document !== 'string' || !document.includes('<!DOCTYPE')) return request;
  const entities = [...document.matchAll(/<!ENTITY\s+(\w+)\s+"([^"]*)">/g)];
  let read = document.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>\s*/, '');
  for (const [, name, value] of entities) read = read.replaceAll(`&${name};`, value ?? '');
  return { ...request, document: read };
}

/** A reader that takes every CMRequest as the version it knows. */
function ignoreSchemaVersion(request: DeliverRequest): DeliverRequest {
  const document = request.document;
  if (typeof document !== 'string' || !document.includes('CMRequest')) return request;
  return {
    ...request,
    document: document.replace(/SchemaVersion="[^"]*"/, 'SchemaVersion="01.30"'),
  };
}

/** A writer that answers every refusal with a technical fault: no copied process, EC.MSG.003. */
function refusalsAsTechnical(item: OutboxItem): OutboxItem {
  const document = item.document;
  if (typeof document !== 'string' || !document.includes('<dh:Result>negative</dh:Result>'))
    return item;
  const technical = document
    .replace(/<dh:(AuthorizationRequestProcess|CancellationProcess)>[\s\S]*?<\/dh:\1>\s*/, '')
    .replace(/<dh:ErrorId>EC\.AUTH\.\d{3}<\/dh:ErrorId>/g, '<dh:ErrorId>EC.MSG.003</dh:ErrorId>');
  return { ...item, document: technical };
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

const vnb = (id: string, wrong: string, inbound: Mutant['inbound'], focus: string[]): Mutant => ({
  id: `cm-req-off/${id}`,
  process: 'cm-req-off',
  role: 'vnb',
  wrong,
  machine: () => cmReqOff.vnbMachine,
  ...(inbound === undefined ? {} : { inbound }),
  focus,
});

const datahub = (id: string, wrong: string, parts: Partial<Mutant>, focus: string[]): Mutant => ({
  id: `dh-831/${id}`,
  process: 'dh-831',
  role: 'datahub',
  wrong,
  machine: () => dh831.datahubMachine,
  ...parts,
  focus,
});

export const CM_REQ_OFF_NEGATIVE_MUTANTS: readonly Mutant[] = [
  vnb(
    'doctype-read',
    'its XML reader skips a DOCTYPE and expands internal entities instead of refusing the document (VNB_06.no.schema)',
    skipDoctype,
    ['VNB_06.no.schema@doctype', 'VNB_06.no.schema@entity'],
  ),
  vnb(
    'schema-version-unchecked',
    'it reads every CMRequest as 01.30 whatever its SchemaVersion says (VNB_06.no.schema)',
    ignoreSchemaVersion,
    ['VNB_06.no.schema@/CMRequest/MarketParticipantDirectory/@SchemaVersion#enumeration 01.30'],
  ),
];

export const DH_831_NEGATIVE_MUTANTS: readonly Mutant[] = [
  datahub(
    'unknown-reason-accepted',
    'an unknown authorization reason is accepted (EC.AUTH.015 not raised)',
    {
      machine: () =>
        validatingWith((v) => ({
          ...v,
          errorIds: v.errorIds.filter((id) => id !== 'EC.AUTH.015'),
        })),
    },
    ['EC.AUTH.015@Reason'],
  ),
  datahub(
    'description-bytes',
    'the description limit counts UTF-8 bytes, not characters (EC.AUTH.012 on 150 "ä")',
    {
      machine: () =>
        datahubWith(
          dh831.authorizationRequestMachine.provide({
            actions: {
              validate: assign({
                validation: ({ context }) => {
                  const { process, header } = context.document;
                  const v = dh831.validateAuthorizationRequest(process, context.receivedAt, {
                    duplicate: context.duplicate,
                    header,
                  });
                  const ids: (typeof v.errorIds)[number][] = v.errorIds.filter(
                    (id) => id !== 'EC.AUTH.012',
                  );
                  if (byteLength(process.description ?? '') > 150) ids.push('EC.AUTH.012');
                  return { ...v, errorIds: ids };
                },
              }),
            },
          }),
        ),
    },
    ['EC.AUTH.012@Description#inside'],
  ),
  datahub(
    'refusals-as-technical',
    'every business refusal is answered as a technical fault (no copied process, EC.MSG.003; DH-ERROR-IDS)',
    { documents: refusalsAsTechnical },
    ['EC.AUTH.015@Reason'],
  ),
];
