import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ensureArtifact } from './dictionary/node';

export default defineConfig({
  // Explicit imports keep each module readable on its own.
  imports: false,
  // Parallel builds (e2e runs, benches, helpers) each get their own output folder.
  outDir: process.env.YUEDU_OUT_DIR ?? '.output',
  hooks: {
    // The compiled dictionary ships as a public asset, built (or taken from dictionary/build/) on every build.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('dictionary.bin');
    },
    'build:publicAssets': async (_wxt, files) => {
      files.push({ absoluteSrc: await ensureArtifact(), relativeDest: 'dictionary.bin' });
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    // Strings come from public/_locales (English default, Simplified Chinese second).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'alarms'],
    commands: {
      'toggle-pinyin': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandTogglePinyin__',
      },
    },
  },
});
