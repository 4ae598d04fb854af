/**
 * Issue 13, point 5: parsing a large detail log yields to the event loop, and gives exactly
 * what one pass gives.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createReadContext,
  parseMllogDetail,
  readInferenceResult,
  scanInferenceTree
} from '../../src-main/core/ingest/inference'
import { parseMllogDetailSliced } from '../../src-main/core/ingest/inference/mllog-sliced'

const root = join(import.meta.dirname, '..', '..')
const fixture = join(root, 'test', 'fixtures', 'inference-tree')
const ssDir = ['closed', 'Acme', 'results', 'acme_x1', 'resnet50', 'SingleStream']
const detailOf = (tree: string): string =>
  join(tree, ...ssDir, 'performance', 'run_1', 'mlperf_log_detail.txt')
const work = mkdtempSync(join(tmpdir(), 'mlx-large-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a detail log parsed in slices', () => {
  it('equals the one-pass parse (values, errors with their line numbers, counts)', async () => {
    const text = readFileSync(detailOf(fixture), 'utf8')
    // An error record and an unparsable line, so every merged field is exercised.
    const extra =
      ':::MLLOG {"key": "error_invalid_config", "value": "x", "time_ms": 1, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": true, "is_warning": false, "file": "a.cc", "line_no": 1, "pid": 1, "tid": 1}}\n:::MLLOG {not json\n'
    const withExtra = text + extra
    const one = parseMllogDetail(withExtra)
    const sliced = await parseMllogDetailSliced(withExtra, 300)
    expect(sliced).toEqual(one)
    expect(one.errors.length).toBeGreaterThan(0)
    expect(one.skippedLines).toBeGreaterThan(0)
  })

  it('a 40 MB log: the event loop turns while it is read and parsed, the value is the same', async () => {
    const tree = join(work, 'big')
    cpSync(fixture, tree, { recursive: true })
    const loc = async (t: string) =>
      (await scanInferenceTree(t)).locations.find((l) => l.scenarioDir === 'SingleStream')!
    const small = await readInferenceResult(await loc(fixture), createReadContext())
    const lines = readFileSync(detailOf(tree), 'utf8').split('\n')
    const pad = Array.from(
      { length: 160_000 },
      (_, i) =>
        `:::MLLOG {"key": "generic_message", "value": "padding line ${i} ${'x'.repeat(160)}", "time_ms": 1.5, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": false, "is_warning": false, "file": "pad.cc", "line_no": 1, "pid": 1, "tid": 1}}`
    )
    writeFileSync(detailOf(tree), [lines[0], ...pad, ...lines.slice(1)].join('\n'))
    let turns = 0
    let ticking = true
    const tick = (): void => {
      turns++
      if (ticking) setImmediate(tick)
    }
    setImmediate(tick)
    const big = await readInferenceResult(await loc(tree), createReadContext())
    ticking = false
    expect('record' in big && 'record' in small).toBe(true)
    if ('record' in big && 'record' in small) expect(big.record.value).toBe(small.record.value)
    // 40 MB in 4 MB read slices and 2 M-character parse slices: well over ten turns.
    expect(turns).toBeGreaterThan(10)
  })
})
