import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    // Vitest's default on a two-core machine is one worker, which would run the Firefox files after all the Chromium
    // ones: two let each browser project (one file at a time each) run beside the other, in its own process.
    maxWorkers: 2,
    projects: [
      {
        // WXT's plugin points `wxt/browser` at its in-memory fakeBrowser (from wxt/testing), reset by tests that use it.
        plugins: [preact(), WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/build-extension.ts'],
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // A busy two-core CI machine runs Chromium, its service worker and the test side by side: polls wait up to
          // 10 s (instead of 1 s) for what the extension does in the background.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          // The same kind of tests in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi). Its own project, so
          // its one Firefox runs beside the e2e project's one Chromium instead of after it.
          name: 'firefox',
          include: ['tests/firefox/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/firefox/support/build-extension.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
