import {
  DATAHUB_ERRORS,
  documentRule,
  type ElementRule,
  HEADER_SEQUENCE,
  SEQUENCES,
} from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { VNB_06_REJECTIONS } from '../processes/cm-req-off/negative.ts';
import { badValues } from '../processes/cm-req-off/negative-facets.ts';
import { PROCESSES } from '../processes/index.ts';
import { casesFor, negativeCaseId, oracleAnswer } from './run.ts';
import { structuralCases } from './structure.ts';

const dso = casesFor(PROCESSES['cm-req-off'], 'vnb');
const datahub = casesFor(PROCESSES['dh-831'], 'datahub');
const rejections = (cases: typeof dso) => cases.filter((c) => c.testCase.kind === 'rejection');

/** Counted from the schema model, independently of the generator: what the suite must hold. */
function expectedDsoSchemaCases(): number {
  let count = 4; // not well-formed, DOCTYPE, entity, root namespace
  const walk = (rule: ElementRule, required: boolean) => {
    const kids = rule.children ?? [];
    const mandatory = kids.filter((k) => k.minOccurs === 1);
    if (required && mandatory.length > 0) {
      // out of order (≥ 2 required children), an unknown child, the first child's namespace
      count += (mandatory.length >= 2 ? 1 : 0) + 2;
      count += mandatory.length + mandatory.filter((k) => k.maxOccurs === 1).length;
    }
    for (const a of rule.attributes ?? []) {
      count += badValues(a.type).filter((b) => b.kind === 'rejection').length + 1;
    }
    if (rule.text) count += badValues(rule.text).filter((b) => b.kind === 'rejection').length;
    if (rule.maxOccurs > 1) count += 1;
    for (const k of kids) walk(k, required && k.minOccurs === 1);
  };
  walk(documentRule('CMRequest', '01.30').root, true);
  return count;
}

describe('negative suites: one case per rejection rule', () => {
  it('DSO: a case per schema rule of CMRequest 01.30 and per negative branch of VNB_06', () => {
    const schema = rejections(dso).filter((c) => c.testCase.rule === 'VNB_06.no.schema');
    expect(schema.length).toBe(expectedDsoSchemaCases());
    expect(rejections(dso).length).toBe(expectedDsoSchemaCases() + VNB_06_REJECTIONS.length - 1);
    expect(new Set(dso.map((c) => c.testCase.rule))).toEqual(new Set(VNB_06_REJECTIONS));
    expect(VNB_06_REJECTIONS).toHaveLength(8);
  });

  it('Datahub: every error id of DATAHUB_ERRORS and the decision on a closed request has a case', () => {
    const rules = new Set(datahub.map((c) => c.testCase.rule));
    for (const id of [...Object.keys(DATAHUB_ERRORS), 'AS-DECISION.notOpen']) {
      expect(rules.has(id), id).toBe(true);
    }
    expect(rules).toEqual(new Set(PROCESSES['dh-831'].negative[0]?.rules()));
    // Structure from the element sequences: each required element missing and repeated, each
    // sequence out of order (≥ 2 required), an unknown and a foreign-namespace element in each.
    const required = (seq: readonly { name: string; min: number }[]) =>
      seq.filter((s) => s.min === 1);
    const sequences = [
      SEQUENCES['DH-831'],
      HEADER_SEQUENCE,
      SEQUENCES.AuthorizationRequestProcess,
      SEQUENCES.AuthorizationPeriod,
    ];
    const structural = sequences.reduce(
      (n, seq) => n + 2 * required(seq).length + (required(seq).length >= 2 ? 1 : 0) + 2,
      0,
    );
    const keys = datahub.map((c) => c.testCase.key);
    expect(keys.filter((k) => /#(missing|repeated|order|unknown|namespace)$/.test(k))).toHaveLength(
      structural,
    );
  });

  it('case keys and check ids are unique; boundary cases come after the rejections', () => {
    for (const cases of [dso, datahub]) {
      const keys = cases.map((c) => c.testCase.key);
      expect(new Set(keys).size).toBe(keys.length);
      const ids = keys.map((k) => negativeCaseId('p', 'r', k));
      expect(new Set(ids).size).toBe(ids.length);
      const firstBoundary = cases.findIndex((c) => c.testCase.kind === 'boundary');
      expect(cases.slice(firstBoundary).every((c) => c.testCase.kind === 'boundary')).toBe(true);
    }
  });

  it('a new required element or facet gets its cases without a line of suite code', () => {
    const rules = {
      missing: 'M',
      repeated: 'R',
      order: 'O',
      unknown: 'U',
      namespace: 'N',
      step: 's',
      interpretations: [],
      prefixes: [],
      foreignNamespace: 'urn:x',
    };
    const one = { name: 'A', single: true, children: [] };
    const before = structuralCases({ name: 'Root', single: true, children: [one] }, rules);
    const after = structuralCases(
      { name: 'Root', single: true, children: [one, { name: 'B', single: true, children: [] }] },
      rules,
    );
    expect(after.length - before.length).toBe(3); // B missing, B repeated, B before A
    expect(
      badValues({ kind: 'simple', name: 't', base: 'string', maxLength: 5 }).map((b) => b.value),
    ).toEqual(['ääääää', 'äääää']); // 6 characters refused, 5 (10 bytes) inside
  });

  it('the reference refuses every rejection case and takes the boundary values (it is the oracle)', async () => {
    for (const [plugin, cases] of [
      [PROCESSES['cm-req-off'], dso],
      [PROCESSES['dh-831'], datahub],
    ] as const) {
      for (const { suite, testCase } of cases) {
        const answer = await oracleAnswer(plugin, suite, testCase);
        if (testCase.kind === 'boundary') continue;
        // A decision on a closed request is not shown to the customer: nothing happens.
        const refused = testCase.rule === 'AS-DECISION.notOpen' ? 'none' : answer.class;
        expect(refused, `${testCase.key}: ${answer.label}`).not.toBe('accepted');
      }
    }
    const inside = datahub.find((c) => c.testCase.key === 'EC.AUTH.012@Description#inside');
    expect(inside).toBeDefined();
    if (inside) {
      const answer = await oracleAnswer(PROCESSES['dh-831'], inside.suite, inside.testCase);
      expect(answer.class).toBe('accepted');
    }
  }, 240_000);
});
