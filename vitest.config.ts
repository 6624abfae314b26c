import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * test/package/ (npm pack, install, the README's CI recipe, a git dependency) takes minutes, mostly waiting on npm:
 * started first, it runs beside the other files instead of alone at the end.
 */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slowest = (f: TestSpecification) => /[\\/]test[\\/]package[\\/]/.test(f.moduleId);
    return [...sorted.filter(slowest), ...sorted.filter((f) => !slowest(f))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Font parsing and PDF builds are slow on shared 2-core machines; these are not timing assertions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: SlowestFirst },
  },
});
