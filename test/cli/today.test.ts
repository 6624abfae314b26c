import { afterEach, expect, test, vi } from 'vitest';
import { runCli } from '../fixtures/capture.js';

const check = (...args: string[]) => runCli('--lang', 'en', 'check', ...args);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

test('BULLETIN_TODAY, which pins "today" for new and init, is also the day check judges the future by', async () => {
  vi.stubEnv('BULLETIN_TODAY', '2026-05-01');
  const pinned = await check('examples/gusu-022.yaml');
  expect(pinned.out).toContain('(date-future)');
  expect(pinned.code).toBe(1);
  vi.stubEnv('BULLETIN_TODAY', '2026-05-21');
  expect((await check('examples/gusu-022.yaml')).code).toBe(0);
});
