import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code (server/**, app/**); integration tests call
// procedures through createCaller against a real migrated database.
// Browser tests (tests/e2e) have their own config: they need Chromium.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'app/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
