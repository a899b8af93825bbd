import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'msw', include: ['src/**/*.test.ts'] },
});
