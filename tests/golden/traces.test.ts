import { readFileSync, writeFileSync } from 'node:fs';
import { env } from 'node:process';
import { describe, expect, it } from 'vitest';
import {
  conformDigests,
  GOLDEN_FILE,
  pathDigests,
  scenarioDigests,
  shippedScenarios,
} from './traces.ts';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, string>;
const scenarios = shippedScenarios();
const computed: Record<string, string> = {};

function compare(part: Record<string, string>, prefix: string): void {
  Object.assign(computed, part);
  const want = Object.entries(golden).filter(([key]) => key.startsWith(prefix));
  if (env.UPDATE_GOLDEN === '1') return;
  const changed = want.filter(([key, hash]) => part[key] !== hash).map(([key]) => key);
  const added = Object.keys(part).filter((key) => !(key in golden));
  // Name every run whose trace changed: a refactoring that keeps behaviour changes none.
  expect({ changed, added }).toEqual({ changed: [], added: [] });
}

describe('byte-identical traces (golden digests; UPDATE_GOLDEN=1 rewrites them on purpose)', () => {
  it('every shipped scenario at its seed and at seeds 1-3', () => {
    compare(scenarioDigests(scenarios), 'scenario ');
  });
  it('every generated model path', () => {
    compare(pathDigests(), 'path ');
  });
  it('sim conform of every reference role against itself on the scenario paths', async () => {
    compare(await conformDigests(scenarios), 'conform ');
    if (env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN_FILE, `${JSON.stringify(computed, null, 1)}\n`);
    }
  });
});
