import { defineProject } from 'vitest/config';
import { sharedTest } from '../../vitest.shared.ts';

export default defineProject({
  test: { ...sharedTest, name: 'example-msw-client', include: ['src/**/*.test.ts'] },
});
