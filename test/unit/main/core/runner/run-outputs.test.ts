import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RunRecord } from '../../../../../src-main/core/loadgen/run-record'
import { float32LeHex } from '../../../../../src-main/core/runner/benchmarks'
import type { ValueMeta } from '../../../../../src-main/core/runner/model-input'
import {
  labelOffset,
  runCharts,
  runFileTexts,
  scoreAccuracy,
  writeRunFiles
} from '../../../../../src-main/core/runner/run-outputs'
import { resolveRunSettings } from '../../../../../src-main/core/runner/run-settings'
import type { RunFile, RunSettingsInput } from '../../../../../src-main/shared/local-run'

const root = mkdtempSync(join(tmpdir(), 'mlx-run-outputs-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const settings = (over: Partial<RunSettingsInput> = {}) =>
  resolveRunSettings({ modelPath: '/m.onnx', outputDir: '/o', benchmark: 'resnet50', ...over })
const output = (classes: number): ValueMeta[] => [
  { name: 'probs', isTensor: true, type: 'float32', shape: ['N', classes] }
]

/** An accuracy record: sample i (qsl i) answered `responses[i]`, completed in order. */
function answered(responses: number[]): RunRecord {
  const r = new RunRecord(responses.length, responses.length, true)
  responses.forEach((cls, i) => {
    r.addQuery(Uint32Array.of(i), i, i)
    r.complete(i, 0, 1, i + 10, Int32Array.of(cls), 0)
  })
  return r
}

describe('labelOffset', () => {
  it("'auto' shifts by one for a 1001-class output (background first)", () => {
    expect(labelOffset({ labelOffset: 'auto' }, output(1001))).toBe(1)
    expect(labelOffset({ labelOffset: 'auto' }, output(1000))).toBe(0)
    expect(labelOffset({ labelOffset: 'auto' }, [])).toBe(0)
    expect(labelOffset({ labelOffset: 3 }, output(1001))).toBe(3)
  })
})

describe('scoreAccuracy', () => {
  it('scores top-1 against the labels and writes the classes the reference harness writes', () => {
    const s = settings({ mode: 'AccuracyOnly', referenceAccuracy: 80 })
    const scored = scoreAccuracy(s, output(1000), Int32Array.of(1, 2, 0, 0), answered([1, 2, 0, 5]))
    expect(scored.accuracy).toMatchObject({ top1Percent: 75, good: 3, total: 4 })
    expect(scored.accuracy!.qualityTarget).toMatchObject({ met: false })
    expect(scored.entries.map((e) => e.hex)).toEqual([1, 2, 0, 5].map(float32LeHex))
    expect(scored.notes).toHaveLength(1)
    expect(scored.notes[0]).toMatch(/^Accuracy log: .* as the resnet50 reference harness writes it/)
  })

  it('subtracts the label offset before comparing, and says so', () => {
    const s = settings({ mode: 'AccuracyOnly' })
    const scored = scoreAccuracy(s, output(1001), Int32Array.of(0, 1), answered([1, 2]))
    expect(scored.accuracy).toMatchObject({ good: 2, total: 2, qualityTarget: null })
    expect(scored.notes[1]).toBe(
      "Label offset 1: the model's class ids minus 1 are compared with the val_map labels and written to the accuracy log."
    )
  })

  it('scores nothing for a performance run or inputs without labels', () => {
    const none = { accuracy: null, entries: [], notes: [] }
    expect(scoreAccuracy(settings(), output(10), Int32Array.of(1), answered([1]))).toEqual(none)
    expect(
      scoreAccuracy(settings({ mode: 'AccuracyOnly' }), output(10), null, answered([1]))
    ).toEqual(none)
  })
})

describe('runFileTexts', () => {
  const logs = { summary: 'S\n', detail: 'D\n' }

  it('a performance run: both logs and an empty accuracy log', () => {
    expect(runFileTexts(logs, { accuracy: null, entries: [] })).toEqual([
      { role: 'summary', name: 'mlperf_log_summary.txt', text: 'S\n' },
      { role: 'detail', name: 'mlperf_log_detail.txt', text: 'D\n' },
      { role: 'accuracy_log', name: 'mlperf_log_accuracy.json', text: '[\n]\n' }
    ])
  })

  it('a scored accuracy run adds accuracy.txt with the hash of the accuracy log', () => {
    const entries = [{ seqId: 0, qslIdx: 4, hex: 'AB' }]
    const files = runFileTexts(logs, {
      accuracy: { top1Percent: 100, good: 1, total: 1, qualityTarget: null },
      entries
    })
    const log = files[2]!.text
    expect(log).toBe('[\n{ "seq_id" : 0, "qsl_idx" : 4, "data" : "AB" }\n]\n')
    const hash = createHash('sha256').update(log).digest('hex')
    expect(files[3]).toEqual({
      role: 'accuracy',
      name: 'accuracy.txt',
      text: `accuracy=100.000%, good=1, total=1\nhash=${hash}\n`
    })
  })
})

describe('writeRunFiles', () => {
  it('creates the folder and lists each file with its size', async () => {
    const dir = join(root, 'run', 'nested')
    const written: RunFile[] = []
    await writeRunFiles(dir, [{ role: 'summary', name: 's.txt', text: 'héllo' }], written)
    expect(readFileSync(join(dir, 's.txt'), 'utf8')).toBe('héllo')
    expect(written).toEqual([{ role: 'summary', path: join(dir, 's.txt'), bytes: 6 }])
  })

  it('keeps what was written before a failure', async () => {
    const dir = join(root, 'partial')
    const written: RunFile[] = []
    const files = [
      { role: 'summary', name: 'ok.txt', text: 'x' },
      { role: 'detail', name: 'sub/none.txt', text: 'y' }
    ]
    await expect(writeRunFiles(dir, files, written)).rejects.toThrow(/ENOENT/)
    expect(written.map((f) => f.role)).toEqual(['summary'])
  })

  it('fails when the folder cannot be made', async () => {
    const file = join(root, 'a-file')
    writeFileSync(file, '')
    await expect(writeRunFiles(join(file, 'x'), [], [])).rejects.toThrow(/ENOTDIR|EEXIST/)
  })
})

describe('runCharts', () => {
  it('charts the completed latencies and completions over time', () => {
    const r = new RunRecord(4, 4, false)
    for (let q = 0; q < 4; q++) {
      r.addQuery(Uint32Array.of(q), q * 1e8, q * 1e8)
      if (q < 3) r.complete(q, 0, 1, q * 1e8 + (q + 1) * 1e6, null, 0)
    }
    const c = runCharts(r)
    expect(c.histogram.reduce((n, b) => n + b.count, 0)).toBe(3)
    expect(c.percentileCurve.at(-1)!.latencyNs).toBe(3e6)
    expect(c.throughputSeries.length).toBeGreaterThan(0)
  })
})
