import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

const jsonReport = process.env.VITEST_JSON

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    // CI reads a JSON report to print its one-line summary (.ci/summarize.mjs).
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        // The renderer's rune models (src-renderer/lib/state/*.svelte.ts), compiled by the
        // Svelte plugin as the renderer build compiles them, against a fake API.
        extends: true,
        plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
        // Svelte's client runtime ($state, $derived, flushSync), not its server build.
        resolve: { conditions: ['browser'] },
        test: {
          name: 'models',
          environment: 'node',
          include: ['test/models/**/*.test.ts']
        }
      }
    ]
  }
})
