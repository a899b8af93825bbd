import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_PROCESSES } from '../process/test-processes.ts';
import { loadScenario } from './load.ts';

const readme = fileURLToPath(new URL('../../../../scenarios/README.md', import.meta.url));

describe('scenarios/README.md', () => {
  it('has an annotated example that loads without errors', () => {
    const blocks = [...readFileSync(readme, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/gu)];
    const example = blocks.map((block) => block[1] ?? '').find((text) => text.includes('\nname: '));
    expect(example).toBeDefined();
    const scenario = loadScenario(
      example ?? '',
      'scenarios/cm-req-off/happy-path.yaml',
      TEST_PROCESSES,
    );
    expect(scenario.fullName).toBe('cm-req-off/happy-path');
    expect(scenario.stimuliAtMs[2]).toBe(Date.parse('2026-03-05T10:00:00+01:00'));
  });
});
