import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // Explicit imports keep each module readable on its own.
  imports: false,
  // Parallel builds (e2e runs, benches, helpers) each get their own output folder.
  outDir: process.env.YUEDU_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    // Strings come from public/_locales (English default, Simplified Chinese second).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage'],
    commands: {
      'toggle-pinyin': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandTogglePinyin__',
      },
    },
  },
});
