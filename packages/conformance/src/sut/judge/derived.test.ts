import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../../coverage/test-scenarios.ts';
import { CM_REQ_OFF_DERIVED_MUTANTS } from '../../mutants/cm-req-off-derived.ts';
import { DH_831_DERIVED_MUTANTS } from '../../mutants/dh-831-derived.ts';
import { runRoleUntilFail } from '../../mutants/run.ts';
import type { OutboxRewrite } from '../../mutants/stamps.ts';
import { restampXml } from '../../mutants/stamps.ts';
import { PROCESSES, type ProcessName } from '../../processes/index.ts';

const scenarios = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];

describe('derived fields (issue 11 item 3)', () => {
  const mutants = [...CM_REQ_OFF_DERIVED_MUTANTS, ...DH_831_DERIVED_MUTANTS];

  it('has at least two mutants per role whose fields are derived', () => {
    const roles = [
      'cm-req-off/sp',
      'cm-req-off/vnb',
      'cm-req-off/customer',
      'dh-831/seller',
      'dh-831/datahub',
      'dh-831/customer',
    ];
    for (const role of roles) {
      expect(
        mutants.filter((m) => `${m.process}/${m.role}` === role).length,
        role,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  for (const mutant of mutants) {
    it(`kills ${mutant.id} with a derived-field FAIL, without --strict`, async () => {
      const verdict = await runRoleUntilFail(
        PROCESSES[mutant.process as ProcessName],
        mutant.role,
        { [mutant.role]: mutant.machine() },
        mutant.focus,
        { scenarios, maxPaths: 0, ...(mutant.documents ? { documents: mutant.documents } : {}) },
      );
      expect(verdict.status).toBe('KILLED');
      if (verdict.status !== 'KILLED') return;
      expect(verdict.strict).toBe(false);
      // The first FAIL of the path is the derived-field check, naming both values.
      expect(verdict.check.id).toContain(':derived#');
      expect(verdict.check.expected).toContain(' of ');
    }, 30_000);
  }

  /** Legitimate variants: other prefixes, instants in UTC where the format allows any offset. */
  const utc =
    (name: string): OutboxRewrite =>
    (item) =>
      item.document?.startsWith('<') === true || item.document?.startsWith('<?xml') === true
        ? {
            ...item,
            document: restampXml(item.document, name, (v) => {
              const ms = Date.parse(v);
              return Number.isNaN(ms) ? v : new Date(ms).toISOString();
            }),
          }
        : item;
  const prefixed =
    (from: string, to: string): OutboxRewrite =>
    (item) =>
      item.document === null
        ? item
        : {
            ...item,
            document: item.document
              .replaceAll(`xmlns:${from}=`, `xmlns:${to}=`)
              .replace(new RegExp(`(</?)${from}:`, 'g'), `$1${to}:`),
          };
  const variants: [ProcessName, string, string, OutboxRewrite, string[]][] = [
    [
      'dh-831',
      'seller',
      'period and reminder in UTC',
      (i, c) => utc('ReminderTime')(utc('Start')(i, c), c),
      ['approved', 'reminder-sent'],
    ],
    [
      'dh-831',
      'datahub',
      'ACK copy with the start in UTC, prefix ns0',
      (i, c) => prefixed('dh', 'ns0')(utc('Start')(i, c), c),
      ['approved', 'cancelled-dh-851'],
    ],
    [
      'cm-req-off',
      'sp',
      'ANFORDERUNG_CMQF under prefixes ns0/ns1',
      (i, c) => prefixed('ct', 'ns1')(prefixed('cp', 'ns0')(i, c), c),
      ['happy-path'],
    ],
    [
      'cm-req-off',
      'vnb',
      'answers under prefix ns2',
      prefixed('cp', 'ns2'),
      ['happy-path', 'unknown-consent-id'],
    ],
  ];
  for (const [process, role, what, documents, focus] of variants) {
    it(`a ${role} whose documents differ only legitimately (${what}) draws no FAIL`, async () => {
      const verdict = await runRoleUntilFail(PROCESSES[process], role, undefined, focus, {
        scenarios,
        maxPaths: 0,
        documents,
      });
      expect(verdict.status === 'KILLED' ? verdict.check : verdict.status).toBe('SURVIVED');
    }, 30_000);
  }
});
