// The promise of docs/interpretations ("Other reading: … → WARNING"): a system that took one of
// the other readings the harness recognises is never failed for it. Each reading, served as the
// system under test, runs the shipped scenarios of its process: no FAIL, and where its runs
// differ from the reference, the WARNINGs name the reading's key.
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES } from '../processes/index.ts';
import { SutClient } from '../sut/client.ts';
import { inMemoryTransport } from '../sut/in-memory.ts';
import { runAgainstSut } from '../sut/remote-party.ts';
import { collectPaths } from '../vectors/index.ts';

const READINGS = Object.values(PROCESSES).flatMap((p) => p.readings);

describe('other readings', () => {
  for (const reading of READINGS) {
    it(`${reading.key} (${reading.reading}) served as the ${reading.role}: WARNINGs at most, naming ${reading.key}`, async () => {
      const process = reading.role === 'vnb' ? 'cm-req-off' : 'dh-831';
      const { paths } = collectPaths(PROCESSES[process], {
        scenarios: shippedScenarios(process),
        sources: ['scenario'],
      });
      const client = new SutClient(
        inMemoryTransport(PROCESSES, reading.role, { [reading.role]: reading.machine() }),
      );
      const checks = [];
      for (const path of paths) {
        checks.push(
          ...(await runAgainstSut({
            processes: PROCESSES,
            client,
            role: reading.role,
            path: { id: path.id, scenario: path.scenario },
          })),
        );
      }
      const fails = checks.filter((c) => c.verdict === 'FAIL');
      expect(fails.slice(0, 2), reading.reading).toEqual([]);
      for (const warning of checks.filter((c) => c.verdict === 'WARNING')) {
        expect(warning.interpretations.length, warning.id).toBeGreaterThan(0);
      }
    }, 120_000);
  }
});
