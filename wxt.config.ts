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
    name: 'Yuedu 阅读',
    description: 'Read Chinese news: hover glosses, pinyin, political set phrases and flashcards.',
    permissions: ['storage'],
  },
});
