/**
 * The inference worker as the Electron app starts it: the built entry out/main/inference-worker.js
 * (electron.vite.config.ts), started by path in plain Node. Skipped until `npm run build` has
 * produced it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runLocal } from '../../src-main/core/runner/local-run'
import { resolveRunSettings } from '../../src-main/core/runner/run-settings'
import { fileWorkerFactory } from '../../src-main/core/runner/worker-pool'
import { writeTestModels } from '../fixtures/models/build-models'

// The name src-main/electron/inference-worker.ts starts (tests may not import the electron layer).
const built = join(import.meta.dirname, '..', '..', 'out', 'main', 'inference-worker.js')
const dir = mkdtempSync(join(tmpdir(), 'mlx-bundled-worker-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('bundled inference worker', () => {
  it.skipIf(!existsSync(built))('runs a short Offline run from out/main', async () => {
    const models = writeTestModels(join(dir, 'models'))
    const r = await runLocal(
      resolveRunSettings({
        modelPath: models.conv,
        outputDir: join(dir, 'run'),
        benchmark: 'resnet50',
        scenario: 'Offline',
        targetQps: 2000,
        minDurationMs: 20,
        minQueryCount: 64,
        warmupRuns: 1
      }),
      { createWorker: fileWorkerFactory(built) }
    )
    expect(r.status).toBe('done')
    expect(r.summary!.sampleCount).toBeGreaterThanOrEqual(64)
  })
})
