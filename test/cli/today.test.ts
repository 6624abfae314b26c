import { afterEach, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/index.js';

async function check(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { code: await main(['node', 'bulletin', '--lang', 'en', 'check', ...args]), out };
}

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
