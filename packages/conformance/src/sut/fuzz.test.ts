// issue 13 defect 5 / Build 6: the protocol fuzz. For every served role, real request sequences
// recorded from the harness are replayed with one field mutated (deleted, type-swapped,
// replaced by a nasty or random JSON value) or the whole body replaced by garbage, between the
// valid requests; every answer must be a protocol answer, never a 500, and a valid test run
// afterwards against the same handler must pass. The seed varies per run and is printed on
// failure; set FIXED_SEED to rerun one.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROCESSES } from '../processes/index.ts';
import { SutClient } from './client.ts';
import type { SutPath } from './drive.ts';
import {
  FUZZ_ROLES,
  firstPaths,
  mutate,
  mutationArb,
  type RecordedRequest,
  recordPath,
} from './fuzz-support.ts';
import { createSutHandler } from './handler.ts';
import { runAgainstSut } from './remote-party.ts';

const FIXED_SEED: number | null = null;
const SEED = FIXED_SEED ?? Date.now() % 2_147_483_647;
const REQUESTS_PER_ROLE = 2_000;
const MUTANTS_PER_STEP = 3;

const paths: Record<string, SutPath[]> = {};
const recordings: Record<string, RecordedRequest[][]> = {};

beforeAll(async () => {
  for (const process of ['cm-req-off', 'dh-831']) paths[process] = firstPaths(process, 3);
  for (const [role, processes] of Object.entries(FUZZ_ROLES)) {
    recordings[role] = [];
    for (const process of processes)
      for (const path of paths[process] ?? []) recordings[role]?.push(await recordPath(role, path));
  }
}, 120_000);

describe(`issue 13 defect 5: protocol fuzz, seed ${SEED}`, () => {
  for (const [role, processes] of Object.entries(FUZZ_ROLES)) {
    it(`${role}: ${REQUESTS_PER_ROLE} mutated and valid requests, never a 500; a valid test passes after`, async () => {
      const handle = createSutHandler({ processes: PROCESSES, role });
      const sequences = recordings[role] ?? [];
      const mutations = fc.sample(mutationArb, {
        seed: SEED + role.length,
        numRuns: REQUESTS_PER_ROLE,
      });
      const failures: string[] = [];
      let sent = 0;
      let round = 0;
      while (sent < REQUESTS_PER_ROLE) {
        const sequence = sequences[round % sequences.length] ?? [];
        const testId = `fuzz-${round}`;
        round += 1;
        for (const request of sequence) {
          const body = { ...request.body, testId };
          for (let i = 0; i < MUTANTS_PER_STEP && sent < REQUESTS_PER_ROLE; i += 1) {
            const { mutant, where } = mutate(
              body,
              mutations[sent] ?? { pick: 0, op: 9, value: null },
            );
            const answer = handle(request.path, mutant);
            sent += 1;
            if (answer.status >= 500) {
              failures.push(
                `seed ${SEED} #${sent - 1} ${request.path} ${where}: ${JSON.stringify(mutant).slice(0, 200)} → ${JSON.stringify(answer.body).slice(0, 300)}`,
              );
            }
          }
          handle(request.path, body);
          sent += 1;
        }
      }
      expect(failures.slice(0, 5), `seed ${SEED}: ${failures.length} answers ≥ 500`).toEqual([]);
      const client = new SutClient(async (p, b) => handle(p, JSON.parse(JSON.stringify(b))));
      for (const process of processes) {
        const path = paths[process]?.[0];
        if (path === undefined) continue;
        const checks = await runAgainstSut({ processes: PROCESSES, client, role, path });
        const failed = checks.filter((c) => c.verdict === 'FAIL').map((c) => c.title);
        expect(failed, `seed ${SEED}: ${process} after the fuzz`).toEqual([]);
      }
    }, 60_000);
  }
});
