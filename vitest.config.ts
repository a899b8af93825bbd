import { defineConfig } from 'vitest/config';

// One root run, one project per workspace package (each has its own vitest.config.ts).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests', 'examples/*'],
  },
});
