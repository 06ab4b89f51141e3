import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ensureShippedArtifact, ensureShippedShards } from './dictionary/node';
import { HEAD_FILE, SHARD_COUNT, shardFile } from './dictionary/shards';
import { ensureWordFrequencies } from './dictionary/word-frequencies-node';
import { ensureSearchIndex } from './dictionary/search-index-node';
import { checkContentScripts } from './scripts/lib/loadable-text';

/**
 * Firefox needs an explicit add-on id: without one a temporary add-on gets a random id and its storage API refuses
 * to work. 140 is the first Firefox (and ESR) with the CSS Custom Highlight API that draws the hovered word; everything
 * else the extension uses is older. Firefox 140 also reads `data_collection_permissions`: Yuedu collects nothing.
 */
export const FIREFOX_ADDON_ID = 'yuedu@yuedu-reader';
const FIREFOX_SETTINGS = {
  gecko: {
    id: FIREFOX_ADDON_ID,
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
};
import { ANKI_ORIGINS } from './lib/anki/permission';

const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

export default defineConfig({
  // Explicit imports keep each module readable on its own.
  imports: false,
  // Parallel builds (e2e runs, benches, helpers) each get their own output folder.
  outDir: process.env.YUEDU_OUT_DIR ?? '.output',
  hooks: {
    // A script Chromium refuses stops the whole extension from loading, silently: fail the build instead.
    'build:done': (wxt, output) => checkContentScripts(wxt.config.outDir, output.steps.flatMap((step) => step.chunks.map((chunk) => chunk.fileName))),
    // The compiled dictionary ships as a public asset, built (or taken from dictionary/build/) on every build.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('dictionary.bin.gz', 'word-frequencies.bin', 'search-index.txt.gz', `shards/${HEAD_FILE}`);
      for (let i = 0; i < SHARD_COUNT; i++) paths.push(`shards/${shardFile(i)}`);
    },
    'build:publicAssets': async (_wxt, files) => {
      files.push({ absoluteSrc: await ensureShippedArtifact(), relativeDest: 'dictionary.bin.gz' });
      // The same artifact in shards, which a cold service worker's first lookups read instead (dictionary/shards.ts).
      const shards = await ensureShippedShards();
      for (const file of shards.files) files.push({ absoluteSrc: path.join(shards.dir, file), relativeDest: `shards/${file}` });
      // The segmenter's word frequencies (jieba, MIT), compiled the same way.
      files.push({ absoluteSrc: await ensureWordFrequencies(), relativeDest: 'word-frequencies.bin' });
      // Search by pinyin or English (the popup's search box), compiled from the artifact; loaded on the first search.
      files.push({ absoluteSrc: await ensureSearchIndex(), relativeDest: 'search-index.txt.gz' });
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    // Strings come from public/_locales (English default, Simplified Chinese second).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'alarms'],
    // The content script answers a hover from the dictionary's shards itself while the service worker starts
    // (content/hover/own-lookup.ts). Chromium serves them to it only at a URL that changes every session: a page
    // cannot probe a fixed one to learn that Yuedu is installed. Firefox's extension URLs differ per profile already.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['shards/*'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }]
        : ['shards/*'],
    // The word list's .apkg export runs SQLite as WebAssembly (sql.js, shipped with the extension): extension pages
    // may compile wasm, and nothing else changes from the browsers' default policy.
    content_security_policy:
      manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    // Send to Anki talks to AnkiConnect on this machine: asked for only when the reader turns it on.
    ...(manifestVersion === 3 ? { optional_host_permissions: ANKI_ORIGINS } : { optional_permissions: ANKI_ORIGINS }),
    commands: {
      'toggle-pinyin': {
        // Chromium leaves Alt+Shift+P unassigned (the command would get no key); Alt+P is free in Chromium and Firefox.
        suggested_key: { default: 'Alt+P' },
        description: '__MSG_commandTogglePinyin__',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
