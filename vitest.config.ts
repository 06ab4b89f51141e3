import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
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
    ],
  },
});
