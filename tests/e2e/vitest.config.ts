import { defineConfig } from 'vitest/config'

// Browser tests: build the app, start it on a free port with a fresh embedded
// database, and drive Debian's Chromium with playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
