/**
 * A copy of a built extension whose background runs as ever but holds a page's lookups (one window or many)
 * unanswered, as a service worker still starting does, until an extension page sends RELEASE; everything else it
 * answers. Used in Chromium and Firefox alike: it wraps the namespace WXT's `browser` is (Firefox's `browser`, else
 * `chrome`).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const RELEASE = 'releaseLookupsForTest';

const HOLD_LOOKUPS = `{
  const events = (globalThis.browser ?? globalThis.chrome).runtime.onMessage;
  const listen = events.addListener.bind(events);
  let held = [];
  events.addListener = (listener) => {
    const answer = (message, sender, respond) => void Promise.resolve(listener(message, sender, respond)).then(respond);
    listen((message, sender, respond) => {
      if (message === '${RELEASE}') {
        for (const h of held) answer(...h);
        held = null;
        respond(true);
        return false;
      }
      if (!held || !['lookup', 'lookupMany'].includes(message?.type)) return listener(message, sender, respond);
      held.push([message, sender, respond]);
      return true;
    });
  };
}
`;

/** Copies the extension in `dir` to a new temporary folder, its background holding lookups; returns the folder. */
export async function copyHoldingLookups(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'yuedu-held-lookups-'));
  await cp(dir, copy, { recursive: true });
  const background = path.join(copy, 'background.js');
  await writeFile(background, HOLD_LOOKUPS + (await readFile(background, 'utf8')));
  return copy;
}
