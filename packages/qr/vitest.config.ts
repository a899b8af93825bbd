import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'qr', include: ['src/**/*.test.ts'] },
});
