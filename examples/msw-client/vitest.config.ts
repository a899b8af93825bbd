import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-msw-client', include: ['src/**/*.test.ts'] },
});
