/**
 * Support for the protocol fuzz tests (issue 13 Build 6): real request sequences recorded from
 * the harness against the served reference roles, and one-field mutations of them. Test-only,
 * kept beside the handler it exercises.
 */
import fc from 'fast-check';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import type { PluginTable } from '../process/plugin.ts';
import { PROCESSES } from '../processes/index.ts';
import { collectPaths } from '../vectors/index.ts';
import { SutClient } from './client.ts';
import type { SutPath } from './drive.ts';
import { createSutHandler } from './handler.ts';
import { runAgainstSut } from './remote-party.ts';

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
}

/** Processes served per role in the fuzz (the customer plays both). */
export const FUZZ_ROLES: Readonly<Record<string, readonly string[]>> = {
  vnb: ['cm-req-off'],
  sp: ['cm-req-off'],
  customer: ['cm-req-off', 'dh-831'],
  seller: ['dh-831'],
  datahub: ['dh-831'],
};

/** The first `count` scenario paths of a process. */
export function firstPaths(process: string, count: number): SutPath[] {
  const plugin = (PROCESSES as PluginTable)[process];
  if (plugin === undefined) throw new Error(`no process ${process}`);
  const { paths } = collectPaths(plugin, {
    scenarios: shippedScenarios(process as keyof typeof PROCESSES),
    sources: ['scenario'],
  });
  return paths.slice(0, count).map((p) => ({ id: p.id, scenario: p.scenario }));
}

/** Every request the harness sends for `path` to `role`, in order. */
export async function recordPath(role: string, path: SutPath): Promise<RecordedRequest[]> {
  const handle = createSutHandler({ processes: PROCESSES, role });
  const recorded: RecordedRequest[] = [];
  const client = new SutClient(async (p, body) => {
    const copy = JSON.parse(JSON.stringify(body));
    recorded.push({ path: p, body: copy });
    return handle(p, JSON.parse(JSON.stringify(copy)));
  });
  await runAgainstSut({ processes: PROCESSES, client, role, path });
  return recorded;
}

/** Values that broke the edge before issue 13, mixed into the random ones. */
const NASTY: readonly unknown[] = [
  null,
  '',
  0,
  -1,
  1.5,
  1e308,
  true,
  [],
  {},
  'x'.repeat(3_000),
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T10:00:00.000+01:00',
  'Fri, 20 Mar 2026 10:00:00 +0100',
  '9999-12-31T23:59:59.999Z',
  'Foo/Bar',
  '__proto__',
  { __proto__: null, kind: 'qrCode' },
  ['a', 1, null],
];

export interface Mutation {
  pick: number;
  op: number;
  value: unknown;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.nat({ max: 9 }),
  value: fc.oneof(fc.constantFrom(...NASTY), fc.jsonValue({ maxDepth: 2 })),
});

/** Paths of every value inside `value` (objects and arrays, up to depth 6). */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (prefix.length > 0) out.push(prefix);
  if (prefix.length >= 6 || typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value))
    paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

const swapped = (v: unknown): unknown =>
  typeof v === 'string'
    ? Number.isNaN(Number(v))
      ? v.length
      : Number(v)
    : typeof v === 'number'
      ? String(v)
      : Array.isArray(v)
        ? Object.fromEntries(v.entries())
        : typeof v === 'object' && v !== null
          ? Object.values(v)
          : String(v);

/** `body` with one field deleted, replaced or type-swapped; op 9 replaces the whole body. */
export function mutate(
  body: Record<string, unknown>,
  m: Mutation,
): { mutant: unknown; where: string } {
  if (m.op === 9) return { mutant: m.value, where: '$ (garbage)' };
  const copy = JSON.parse(JSON.stringify(body));
  const all = paths(copy);
  const path = all[m.pick % all.length] ?? ['testId'];
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1] as string;
  if (m.op <= 1) delete parent[last];
  else if (m.op <= 4) parent[last] = swapped(parent[last]);
  else parent[last] = m.value;
  const where = `$.${path.join('.')} (${m.op <= 1 ? 'deleted' : m.op <= 4 ? 'type-swapped' : 'replaced'})`;
  return { mutant: copy, where };
}
