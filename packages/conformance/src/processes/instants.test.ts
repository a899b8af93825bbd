// The processes' tables of "now" fields: complete against the schemas and the reference's own
// documents, found by rule whatever the prefix or message, and the reference's stamps pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDatahubXml, listDatahubSamples, sampleDatahubDocument } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { skipWithoutShared, XSD_DIR } from '../../../../test-support/shared-folder.ts';
import { shippedRun, shippedScenario, shippedScenarios } from '../coverage/test-scenarios.ts';
import { matchesPath, xmlInstantFields, xmlLeaves } from '../process/instants.ts';
import { SutClient } from '../sut/client.ts';
import { inMemoryTransport } from '../sut/in-memory.ts';
import { runAgainstSut } from '../sut/remote-party.ts';
import { CM_REQ_OFF_CONTENT_DATES, CM_REQ_OFF_NOW_FIELDS } from './cm-req-off/instants.ts';
import { DH_831_CONTENT_DATES, DH_831_NOW_FIELDS } from './dh-831/instants.ts';
import { PROCESSES, type ProcessName } from './index.ts';

const TABLES = {
  'cm-req-off': { now: CM_REQ_OFF_NOW_FIELDS, content: CM_REQ_OFF_CONTENT_DATES },
  'dh-831': { now: DH_831_NOW_FIELDS, content: DH_831_CONTENT_DATES },
} as const;

/** Whether a leaf's path is one of the table's "now" fields or content dates. */
const classified = (process: ProcessName, names: readonly string[]) =>
  TABLES[process].now.some((r) => matchesPath(names, r.path)) ||
  TABLES[process].content.some((p) => matchesPath(names, p));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|$|[+-]\d{2}:\d{2}$|Z$)/;
const local = (qnames: readonly string[]) => qnames.map((q) => q.slice(q.indexOf(':') + 1));

describe('finding fields by rule', () => {
  it('matches local names whatever the prefix, at any depth unless anchored', () => {
    const names = [
      'CMRequest',
      'MarketParticipantDirectory',
      'RoutingHeader',
      'DocumentCreationDateTime',
    ];
    expect(matchesPath(names, 'RoutingHeader/DocumentCreationDateTime')).toBe(true);
    expect(matchesPath(names, '/*/DocumentCreationDateTime')).toBe(false);
    expect(
      matchesPath(['DataRequest', 'DocumentCreationDateTime'], '/*/DocumentCreationDateTime'),
    ).toBe(true);
    expect(matchesPath(names, '/CMRequest/**/DocumentCreationDateTime')).toBe(true);
    const prefixed =
      '<ns0:X xmlns:ns0="u"><ns0:RoutingHeader><ns0:DocumentCreationDateTime>v</ns0:DocumentCreationDateTime></ns0:RoutingHeader></ns0:X>';
    const plain =
      '<X xmlns="u"><RoutingHeader><DocumentCreationDateTime>v</DocumentCreationDateTime></RoutingHeader></X>';
    for (const xml of [prefixed, plain]) {
      expect(xmlInstantFields(xml, CM_REQ_OFF_NOW_FIELDS).map((f) => f.value)).toEqual(['v']);
    }
  });

  it('reads a QR payload of several documents, pretty-printed with XML declarations', () => {
    const doc = (d: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<cp:CMRequest xmlns:cp="u">\n  <!-- a > comment -->\n  <cp:ProcessDirectory a=">">\n    <cp:ProcessDate>${d}</cp:ProcessDate>\n  </cp:ProcessDirectory>\n</cp:CMRequest>`;
    const fields = xmlInstantFields(
      `${doc('2026-03-20')}\n${doc('2026-03-21')}`,
      CM_REQ_OFF_NOW_FIELDS,
      '$.q ',
    );
    expect(fields).toEqual([
      {
        path: '$.q /cp:CMRequest/cp:ProcessDirectory/cp:ProcessDate',
        value: '2026-03-20',
        syntax: 'xs:date',
      },
      {
        path: '$.q /cp:CMRequest/cp:ProcessDirectory/cp:ProcessDate',
        value: '2026-03-21',
        syntax: 'xs:date',
      },
    ]);
  });

  it("the zone the judge uses is each plug-in's", () => {
    expect(PROCESSES['cm-req-off'].zone).toBe('Europe/Vienna');
    expect(PROCESSES['dh-831'].zone).toBe('Europe/Helsinki');
  });
});

describe('the tables are complete', () => {
  it.skipIf(skipWithoutShared('the EDA schema side of the instant table'))(
    'every xs:date and xs:dateTime element of the official EDA schemas is a "now" field or content',
    () => {
      const names = new Set<string>();
      for (const file of readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd'))) {
        const xsd = readFileSync(path.join(XSD_DIR, file), 'utf8');
        const derived = [
          ...xsd.matchAll(
            /simpleType name="(\w+)">(?:(?!<\/xsd:simpleType>)[\s\S])*?base="xsd:date(?:Time)?"/g,
          ),
        ].map((m) => m[1]);
        for (const m of xsd.matchAll(/<xsd:element name="(\w+)" type="(?:xsd|ct):(\w+)"/g)) {
          if (m[2] === 'date' || m[2] === 'dateTime' || derived.includes(m[2]))
            names.add(m[1] ?? '');
        }
      }
      expect([...names].sort()).toEqual([
        'ConsentEnd',
        'DateFrom',
        'DateTo',
        'DocumentCreationDateTime',
        'ProcessDate',
      ]);
      const steps = [
        ...TABLES['cm-req-off'].now.map((r) => r.path),
        ...TABLES['cm-req-off'].content,
      ];
      for (const name of names)
        expect(
          steps.some((p) => p.endsWith(`/${name}`)),
          name,
        ).toBe(true);
    },
  );

  it('every date in every document the reference sends, and every Datahub sample, is classified', () => {
    const unclassified = new Set<string>();
    const look = (process: ProcessName, xml: string) => {
      for (const leaf of xmlLeaves(xml)) {
        if (ISO_DATE.test(leaf.text) && !classified(process, local(leaf.qnames)))
          unclassified.add(`${process} ${leaf.qnames.join('/')}`);
      }
    };
    for (const process of ['cm-req-off', 'dh-831'] as const) {
      for (const { name } of shippedScenarios(process)) {
        const run = shippedRun(process, name);
        for (const e of run.events)
          if (e.kind === 'send' && e.document?.startsWith('<')) look(process, e.document);
      }
    }
    for (const { kind } of listDatahubSamples())
      look('dh-831', buildDatahubXml(sampleDatahubDocument(kind, { seed: 1 })));
    expect([...unclassified]).toEqual([]);
  });
});

describe("the reference's own stamps pass", () => {
  const documentChecks = async (process: ProcessName, role: string, pathName: string) => {
    const client = new SutClient(inMemoryTransport(PROCESSES, role));
    const scenario = shippedScenario(process, pathName);
    const checks = await runAgainstSut({
      processes: PROCESSES,
      client,
      role,
      path: { id: pathName, scenario },
    });
    return checks.filter((c) => c.id.includes(':document#'));
  };

  it.each([
    ['cm-req-off', 'vnb', 'happy-path', 1],
    ['cm-req-off', 'sp', 'happy-path', 0],
    ['dh-831', 'datahub', 'reminder-sent', 2],
    ['dh-831', 'seller', 'cancelled-dh-851', 0],
  ] as const)(
    '%s %s on %s (letters and e-mails with instants: at least %i)',
    async (process, role, name, mails) => {
      const checks = await documentChecks(process, role, name);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((c) => c.verdict !== 'PASS')).toEqual([]);
      expect(
        checks.filter((c) => c.title.includes("records the test clock's instants")).length,
      ).toBeGreaterThanOrEqual(mails);
    },
  );
});
