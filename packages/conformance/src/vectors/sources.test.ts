import { describe, expect, it } from 'vitest';
import { shippedScenarios } from '../coverage/test-scenarios.ts';
import { PROCESSES } from '../processes/index.ts';
import { collectPaths } from './sources.ts';

describe('collectPaths: judging', () => {
  const scenarios = shippedScenarios('cm-req-off');
  const ids = (judging?: string) =>
    collectPaths(PROCESSES['cm-req-off'], {
      scenarios,
      sources: ['scenario'],
      ...(judging === undefined ? {} : { judging }),
    }).paths.map((p) => p.id);

  it('leaves a scenario out for a role its `judges` does not name, and keeps it for one it does', () => {
    expect(scenarios.find((s) => s.name === 'data-requested-in-window')?.judges).toEqual(['vnb']);
    expect(ids('vnb')).toContain('data-requested-in-window');
    expect(ids('sp')).not.toContain('data-requested-in-window');
    expect(ids()).toContain('data-requested-in-window');
  });

  it('keeps a scenario without `judges` for every role', () => {
    for (const role of ['vnb', 'sp', 'customer']) expect(ids(role)).toContain('happy-path');
  });
});
