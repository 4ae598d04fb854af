import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const jsonReport = process.env.VITEST_JSON

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI reads a JSON report to print its one-line summary (.ci/summarize.mjs).
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default']
  }
})
