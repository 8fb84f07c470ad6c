import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temp-dir.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files that spawn the real CLI and Claude Code would starve each other.
    maxWorkers: 2
  }
})
