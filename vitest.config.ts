import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Font parsing and PDF builds are slow on shared 2-core machines; these are not timing assertions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
