import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Integration tests talk to a real LRS process (test/lrs) over loopback HTTP: slower than
// unit tests, and one file at a time so LRS processes never pile up.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
