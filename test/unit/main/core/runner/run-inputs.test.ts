import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkRunInputs, workerCount } from '../../../../../src-main/core/runner/run-inputs'
import { resolveRunSettings } from '../../../../../src-main/core/runner/run-settings'
import type { RunSettingsInput } from '../../../../../src-main/shared/local-run'

const root = mkdtempSync(join(tmpdir(), 'mlx-run-inputs-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const model = join(root, 'model.onnx')
writeFileSync(model, 'the checks only need a file here')
const data = join(root, 'data')
mkdirSync(data)
writeFileSync(join(data, 'a.png'), 'not decoded before the model is known')
writeFileSync(join(data, 'val_map.txt'), 'a.png 3\n')

const settings = (over: Partial<RunSettingsInput> = {}) =>
  resolveRunSettings({
    modelPath: model,
    outputDir: join(root, 'out'),
    benchmark: 'resnet50',
    ...over
  })

describe('checkRunInputs', () => {
  it('passes a model file and synthetic inputs', async () => {
    expect(await checkRunInputs(settings())).toEqual({ modelPath: model, dataset: null })
  })

  it('opens the dataset', async () => {
    const r = await checkRunInputs(settings({ datasetPath: data }))
    expect('problem' in r).toBe(false)
    if (!('problem' in r)) {
      expect(r.dataset?.root).toBe(data)
      expect(r.dataset?.entries).toEqual([{ file: 'a.png', label: 3, line: 1 }])
    }
  })

  it('names each problem in the order a user would fix them', async () => {
    const cases: [Partial<RunSettingsInput>, RegExp][] = [
      [
        { minDurationMs: -1, modelPath: join(root, 'nope.onnx') },
        /^Invalid settings: minDurationMs/
      ],
      [{ modelPath: join(root, 'nope.onnx') }, /^Model file not found: .*nope\.onnx$/],
      [{ modelPath: root }, /^Model file not found: /],
      [
        { mode: 'AccuracyOnly', benchmark: 'bert' },
        /for bert \(language\) that is output this app does not produce/
      ],
      [{ mode: 'AccuracyOnly' }, /^Accuracy mode needs a dataset folder/],
      [{ datasetPath: join(root, 'missing') }, /missing: dataset folder not found$/]
    ]
    for (const [over, problem] of cases) {
      const r = await checkRunInputs(settings(over))
      expect('problem' in r && r.problem, JSON.stringify(over)).toMatch(problem)
    }
  })
})

describe('workerCount', () => {
  it('gives Server and Offline the workers asked for, up to twice the cores', () => {
    expect(workerCount({ scenario: 'Offline', workers: 3 }, 4)).toBe(3)
    expect(workerCount({ scenario: 'Server', workers: 64 }, 4)).toBe(8)
    expect(workerCount({ scenario: 'Server', workers: 0 }, 4)).toBe(1)
  })

  it('gives SingleStream and MultiStream one (one query in flight)', () => {
    expect(workerCount({ scenario: 'SingleStream', workers: 8 }, 4)).toBe(1)
    expect(workerCount({ scenario: 'MultiStream', workers: 8 }, 4)).toBe(1)
  })
})
