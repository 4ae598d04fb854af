import { defineConfig } from '@playwright/test'

const isCI = !!process.env.CI

/**
 * Browser tests of the renderer in Debian Chromium, through the web mode: test/e2e/serve.ts
 * serves out/renderer and the API over HTTP (token "e2e"). Build first: `npm run test:e2e`.
 * Two servers: 4173 with the bundled sample results, 4174 with 200,000 synthetic rows for
 * large.spec.ts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../output/playwright',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // CI reads a JSON report to print its one-line summary (.ci/summarize.mjs).
  reporter: process.env.PW_JSON
    ? [['list'], ['json', { outputFile: process.env.PW_JSON }]]
    : 'list',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  webServer: [
    {
      command: 'npx tsx test/e2e/serve.ts',
      cwd: '../..',
      url: 'http://127.0.0.1:4173/healthz',
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe'
    },
    {
      command: 'npx tsx test/e2e/serve.ts',
      cwd: '../..',
      env: { E2E_PORT: '4174', E2E_ROWS: '200000' },
      url: 'http://127.0.0.1:4174/healthz',
      reuseExistingServer: !isCI,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe'
    }
  ]
})
