/**
 * Where bulletin keeps what it derives and can always derive again (V8 code cache, font data): the user's cache
 * folder, as each system names it. Nothing in it is needed; deleting it only makes the next build slower.
 * BULLETIN_CACHE_DIR overrides the place; BULLETIN_CACHE=0 turns the cache off.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.BULLETIN_CACHE === '0') return null;
  if (env.BULLETIN_CACHE_DIR) return env.BULLETIN_CACHE_DIR;
  let base: string | undefined;
  try {
    if (platform === 'win32') base = env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local');
    else if (platform === 'darwin') base = env.XDG_CACHE_HOME || join(homedir(), 'Library', 'Caches');
    else base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  } catch {
    return null; // no home folder (a service account): no cache
  }
  return base ? join(base, 'bulletin') : null;
}
