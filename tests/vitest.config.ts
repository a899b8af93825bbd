import { defineProject } from 'vitest/config';
import { sharedTest } from '../vitest.shared.ts';

export default defineProject({
  test: { ...sharedTest, name: 'tests', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
});
