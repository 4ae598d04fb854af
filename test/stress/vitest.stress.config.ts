import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const jsonReport = process.env.STRESS_JSON

/**
 * `npm run test:stress`: the long reliability tests (fuzzing, kills mid-import, concurrent
 * writers, web load). One file at a time: each of them loads both cores on its own.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    environment: 'node',
    include: ['test/stress/**/*.stress.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    // CI adds these results to its one-line summary (.ci/summarize.mjs).
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default']
  }
})
