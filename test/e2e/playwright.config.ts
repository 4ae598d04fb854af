import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'

const isCI = !!process.env.CI
// E2E_PORT_BASE moves both servers (base and base + 1), so two checkouts can run their browser
// tests side by side without one reusing the other's server.
const base = Number(process.env.E2E_PORT_BASE ?? 4173)
const large = base + 1
process.env.E2E_LARGE_BASE = `http://127.0.0.1:${large}`

/**
 * Browser tests of the renderer in Debian Chromium, through the web mode: test/e2e/serve.ts
 * serves out/renderer and the API over HTTP (token "e2e"). Build first: `npm run test:e2e`.
 * Two servers: E2E_PORT_BASE (default 4173) with the bundled sample results, the next port
 * with 200,000 synthetic rows for large.spec.ts.
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
    baseURL: `http://127.0.0.1:${base}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
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
      env: { E2E_PORT: String(base) },
      url: `http://127.0.0.1:${base}/healthz`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe'
    },
    {
      command: 'npx tsx test/e2e/serve.ts',
      cwd: '../..',
      env: { E2E_PORT: String(large), E2E_ROWS: '200000' },
      url: `http://127.0.0.1:${large}/healthz`,
      reuseExistingServer: !isCI,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe'
    }
  ]
})
