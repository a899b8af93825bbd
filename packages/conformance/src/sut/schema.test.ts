// docs/sut-protocol.schema.json is checked by an independent validator (Ajv, draft 2020-12)
// against what really travels: every request the harness sends and every answer the served
// reference roles give over whole paths, every error body, and every JSON example of
// docs/sut-protocol.md. If the schema and the code drift apart, this fails.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES } from '../processes/index.ts';
import { collectPaths } from '../vectors/index.ts';
import { SutClient, type SutTransport } from './client.ts';
import { createSutHandler } from './handler.ts';
import { SUT_ENDPOINTS, SUT_PROTOCOL_VERSION } from './protocol.ts';
import { runAgainstSut } from './remote-party.ts';

const DOCS = new URL('../../../../docs/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('sut-protocol.schema.json', DOCS), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(schema);
const ID = schema.$id as string;

function validator(def: string) {
  const validate = ajv.getSchema(`${ID}#/$defs/${def}`);
  if (validate === undefined) throw new Error(`no $defs/${def} in sut-protocol.schema.json`);
  return (body: unknown) =>
    validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
const REQUEST_DEF: Record<string, string> = {
  [SUT_ENDPOINTS.reset]: 'ResetRequest',
  [SUT_ENDPOINTS.clock]: 'ClockRequest',
  [SUT_ENDPOINTS.deliver]: 'DeliverRequest',
};

/** The served role as a transport that validates both directions of every exchange. */
function checkedTransport(role: string, problems: string[], seen: { n: number }): SutTransport {
  const handle = createSutHandler({ processes: PROCESSES, role });
  return async (path, body) => {
    const request = JSON.parse(JSON.stringify(body));
    const def = REQUEST_DEF[path] ?? 'none';
    for (const p of validator(def)(request)) problems.push(`${def} ${p}`);
    const answer = handle(path, request);
    const responseDef = answer.status === 200 ? 'SutResponse' : 'SutErrorResponse';
    for (const p of validator(responseDef)(answer.body)) problems.push(`${responseDef} ${p}`);
    seen.n += 1;
    return answer;
  };
}

describe('docs/sut-protocol.schema.json', () => {
  for (const [process, roles] of [
    ['cm-req-off', ['vnb', 'sp', 'customer']],
    ['dh-831', ['seller', 'datahub', 'customer']],
  ] as const) {
    it(`accepts every request and answer of ${process} (${roles.join(', ')}) over the shipped scenarios`, async () => {
      const { paths } = collectPaths(PROCESSES[process], {
        scenarios: shippedScenarios(process),
        sources: ['scenario'],
      });
      for (const role of roles) {
        const problems: string[] = [];
        const seen = { n: 0 };
        const client = new SutClient(checkedTransport(role, problems, seen));
        for (const path of paths) {
          await runAgainstSut({
            processes: PROCESSES,
            client,
            role,
            path: { id: path.id, scenario: path.scenario },
          });
        }
        expect(problems.slice(0, 5), role).toEqual([]);
        expect(seen.n, role).toBeGreaterThan(paths.length * 2);
      }
    }, 120_000);
  }

  it('accepts the error bodies the handler writes, and refuses a broken body', () => {
    const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
    const error = handle(SUT_ENDPOINTS.clock, {
      protocol: SUT_PROTOCOL_VERSION,
      testId: 'x',
      now: 'y',
    });
    expect(error.status).toBe(400);
    expect(validator('SutErrorResponse')(error.body)).toEqual([]);
    const notFound = handle('/consent-sim/v1/nothing', {});
    expect(validator('SutErrorResponse')(notFound.body)).toEqual([]);
    const answer = {
      protocol: SUT_PROTOCOL_VERSION,
      testId: 't',
      now: '2026-03-20T10:00:00Z',
      outbox: [],
      nextTimerAt: null,
    };
    expect(validator('SutResponse')(answer)).toEqual([]);
    expect(validator('SutResponse')({ ...answer, now: '2026-03-20 10:00' })).not.toEqual([]);
    expect(validator('SutResponse')({ ...answer, protocol: 'consent-sim.sut/2' })).not.toEqual([]);
    const { nextTimerAt: _dropped, ...missing } = answer;
    expect(validator('SutResponse')(missing)).not.toEqual([]);
  });

  it('accepts every JSON example of docs/sut-protocol.md', () => {
    const text = readFileSync(new URL('sut-protocol.md', DOCS), 'utf8');
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(10);
    const root = ajv.getSchema(ID);
    for (const block of blocks) {
      const body = JSON.parse(block);
      expect(root?.(body) ? [] : root?.errors, block.slice(0, 120)).toEqual([]);
    }
  });
});

describe('docs/sut-protocol.schema.json names what the registry holds', () => {
  const defs = schema.$defs as Record<string, { properties?: Record<string, { enum?: string[] }> }>;
  const plugins = Object.values(PROCESSES);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

  it("the process and role enums of a reset are the registry's processes and roles", () => {
    const reset = defs.ResetRequest?.properties ?? {};
    expect(sorted(reset.process?.enum ?? [])).toEqual(sorted(Object.keys(PROCESSES)));
    expect(sorted(reset.role?.enum ?? [])).toEqual(sorted(plugins.flatMap((p) => p.roles)));
  });

  it("an outbox item's channel enum is every channel of every process", () => {
    const channel = defs.OutboxItem?.properties?.channel?.enum ?? [];
    expect(sorted(channel)).toEqual(sorted(plugins.flatMap((p) => Object.keys(p.channels))));
  });
});
