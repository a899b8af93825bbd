import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES } from '../processes/index.ts';
import { checkAgainstSchema } from './check-schema.ts';
import { vectorSchema } from './schema.ts';
import { collectPaths, type SourcedPath } from './sources.ts';
import { buildVector, renderVector, VECTOR_FORMAT, vectorFileName } from './vector.ts';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs');

const shipped = [...shippedScenarios('cm-req-off'), ...shippedScenarios('dh-831')];
const scenarioPaths = (process: 'cm-req-off' | 'dh-831') =>
  collectPaths(PROCESSES[process], { scenarios: shipped, sources: ['scenario'] }).paths;
const named = (process: 'cm-req-off' | 'dh-831', id: string): SourcedPath => {
  const found = scenarioPaths(process).find((p) => p.id === id);
  if (found === undefined) throw new Error(`no path ${id}`);
  return found;
};

describe('test vectors', () => {
  it('docs/test-vector.schema.json is vectorSchema(PROCESSES) (draft 2020-12)', () => {
    const written = JSON.parse(readFileSync(path.join(DOCS, 'test-vector.schema.json'), 'utf8'));
    expect(written).toEqual(vectorSchema(PROCESSES));
    expect(written.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('every vector of every shipped scenario and of the first model paths is valid', () => {
    const model = [
      ...collectPaths(PROCESSES['cm-req-off'], { sources: ['model'] }).paths.slice(0, 8),
      ...collectPaths(PROCESSES['dh-831'], { sources: ['model'] }).paths.slice(0, 8),
    ];
    const all = [...scenarioPaths('cm-req-off'), ...scenarioPaths('dh-831'), ...model];
    expect(all.length).toBe(shipped.length + 16);
    for (const sourced of all) {
      const vector = JSON.parse(renderVector(buildVector(sourced)));
      expect(checkAgainstSchema(vectorSchema(PROCESSES), vector), vectorFileName(vector)).toEqual(
        [],
      );
      expect(vector.expected.referencePassed, vectorFileName(vector)).toBe(true);
    }
  });

  it('the same path gives byte-identical files on two independent runs', () => {
    for (const sourced of [
      named('cm-req-off', 'lossy-network'),
      named('dh-831', 'technical-fault'),
    ]) {
      expect(renderVector(buildVector(sourced))).toBe(renderVector(buildVector(sourced)));
    }
  });

  it('records stimuli with channel and instants, and the documents exactly as sent', () => {
    const vector = buildVector(named('cm-req-off', 'happy-path'));
    expect(vector.format).toBe(VECTOR_FORMAT);
    expect(vector.start).toEqual({ at: '2026-03-02T09:00:00.000+01:00', atMs: 1772438400000 });
    expect(vector.stimuli.map((s) => [s.party, s.event, s.channel])).toEqual([
      ['customer', 'apply', 'phone'],
      ['customer', 'handOver', 'handover'],
    ]);
    const eda = vector.expected.documents.filter((d) => d.channel === 'eda');
    expect(eda.map((d) => `${d.from}→${d.to} ${d.messageCode} ${d.responseCodes.join()}`)).toEqual([
      'sp→vnb ANFORDERUNG_CMQF ',
      'vnb→sp ANTWORT_CMQF 99',
      'vnb→sp ANTWORT_CMQF 175',
    ]);
    expect(
      eda[0]?.document.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<cp:CMRequest'),
    ).toBe(true);
    expect(vector.expected.steps.at(-1)).toBe('CM_REQ_OFF_SP_08');
    // A customer who keeps the QR code sends nothing: no channel.
    const declines = buildVector(named('cm-req-off', 'customer-declines'));
    expect(declines.stimuli.find((s) => s.event === 'keepQr')?.channel).toBeNull();
  });

  it('the schema check names the pointer and the rule of each violation', () => {
    const vector = JSON.parse(renderVector(buildVector(named('dh-831', 'approved'))));
    delete vector.format;
    vector.start.atMs = '0';
    vector.expected.documents[0].contentType = 'image/png';
    vector.extra = true;
    expect(checkAgainstSchema(vectorSchema(PROCESSES), vector)).toEqual([
      '/: required property "format" is missing',
      '/start/atMs: must be of type integer, got string',
      '/expected/documents/0/contentType: must be one of "application/xml", "application/json", "text/plain", got "image/png"',
      '/extra: property is not allowed',
    ]);
  });
});
