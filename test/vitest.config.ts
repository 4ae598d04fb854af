import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { configDefaults, defineConfig } from 'vitest/config'

const jsonReport = process.env.VITEST_JSON
const ELECTRON_GLUE = 'test/unit/main/electron/**/*.test.ts'

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    // Whatever a file stubs or spies on is put back after each test, so that files sharing a
    // process (the unit project) cannot see each other's stubs.
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    // CI reads a JSON report to print its one-line summary (.ci/summarize.mjs).
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      {
        // Pure unit tests share one process per worker: a fresh fork per file cost ~0.9 s of
        // start-up against ~0.1 s of testing (81 s → 19 s for these files on 2 cores).
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // The Electron glue loads src-main/electron/main with a mocked 'electron' module and
          // sets the data folder in process.env: a process of its own, with the integration tests.
          exclude: [...configDefaults.exclude, ELECTRON_GLUE],
          pool: 'forks',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        // Each file in a fresh process: these tests open databases and workers, spawn the CLI,
        // mock modules and set process-wide state.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/integration/**/*.test.ts', ELECTRON_GLUE],
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
