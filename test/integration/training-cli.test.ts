/**
 * The training side of the CLI: `results --suite training` over an imported corpus, and `ttmt`
 * on logs (corpus logs when ../shared/corpus is there; a small log written here, whose times are
 * worked out by hand, always).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const hasCorpus = existsSync(path.join(corpus, 'training'))
const dir = mkdtempSync(path.join(tmpdir(), 'mlx-training-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

type TtmtRow = { run: string; threshold: string; tta_minutes: string; attmt_minutes: string }
const csvRows = (text: string): { fields: string[]; rows: TtmtRow[] } => {
  const parsed = Papa.parse<TtmtRow>(text.trim(), { header: true })
  return { fields: parsed.meta.fields ?? [], rows: parsed.data }
}

const T0 = 1_700_000_000_000
const rec = (t: number, key: string, value: unknown, md: Record<string, unknown> = {}): string =>
  `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: t, event_type: 'POINT_IN_TIME', key, value, metadata: { file: 'train.py', lineno: 1, ...md } })}`

// Evals at 1.5, 3, 4.5 and 6 minutes after run_start.
const SMALL_LOG = [
  rec(T0 - 5000, 'submission_benchmark', 'resnet'),
  rec(T0, 'run_start', null),
  rec(T0 + 90_000, 'eval_accuracy', 0.6, { epoch_num: 4 }),
  rec(T0 + 180_000, 'eval_accuracy', 0.72, { epoch_num: 8 }),
  rec(T0 + 270_000, 'eval_accuracy', 0.755, { epoch_num: 12 }),
  rec(T0 + 360_000, 'eval_accuracy', 0.761, { epoch_num: 16 }),
  rec(T0 + 360_000, 'run_stop', null, { status: 'success' })
].join('\n')

describe('mlperf-explorer ttmt on a log written here', () => {
  const runs = path.join(dir, 'mine', 'resnet')
  mkdirSync(runs, { recursive: true })
  const log = path.join(runs, 'result_0.txt')
  writeFileSync(log, SMALL_LOG)

  it('writes one row per threshold, hardest last, with hand-computed TTA and ATTMT', async () => {
    const r = await run(['ttmt', log, '--thresholds', '0.75,0.6,0.7,0.8'])
    expect(r.code).toBe(0)
    const { fields, rows } = csvRows(r.out)
    expect(fields).toEqual(['run', 'threshold', 'tta_minutes', 'attmt_minutes'])
    // TTA: 0.60 at 1.5 min, 0.70 first passed at 3 min (0.72), 0.75 at 4.5 min, 0.80 never.
    // ATTMT is the running mean: 1.5, (1.5 + 3) / 2 = 2.25, (1.5 + 3 + 4.5) / 3 = 3, empty.
    expect(rows).toEqual([
      { run: log, threshold: '0.6', tta_minutes: '1.5', attmt_minutes: '1.5' },
      { run: log, threshold: '0.7', tta_minutes: '3', attmt_minutes: '2.25' },
      { run: log, threshold: '0.75', tta_minutes: '4.5', attmt_minutes: '3' },
      { run: log, threshold: '0.8', tta_minutes: '', attmt_minutes: '' }
    ])
  })

  it('reads a folder as every result_*.txt in it and prints JSON', async () => {
    writeFileSync(path.join(runs, 'notes.md'), 'not a run')
    const r = await run(['ttmt', runs, '--thresholds', '0.7,0.75', '--format', 'json'])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out) as {
      benchmark: string
      direction: string
      thresholds: number[]
      runs: { run: string; tta: (number | null)[]; attmt: (number | null)[] }[]
    }
    expect(j).toMatchObject({ benchmark: 'resnet', direction: 'higher', thresholds: [0.7, 0.75] })
    expect(j.runs).toEqual([{ run: log, tta: [3, 4.5], attmt: [3, 3.75] }])
  })

  it('uses the benchmark’s default ladder without --thresholds', async () => {
    const r = await run(['ttmt', log])
    expect(r.code).toBe(0)
    const { rows } = csvRows(r.out)
    expect(rows).toHaveLength(10)
    expect(rows[0]?.threshold).toBe('0.7')
    expect(rows.at(-1)?.threshold).toBe('0.759')
    expect(rows.at(-1)?.tta_minutes).toBe('6')
    expect(r.err).toMatch(/default thresholds for resnet/)
  })

  it('fails with a clear message on a file that is not a training log', async () => {
    const bad = path.join(dir, 'result_9.txt')
    writeFileSync(bad, 'Epoch 1/90 loss 6.9\nEpoch 2/90 loss 6.1\n')
    const r = await run(['ttmt', bad])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^ttmt: .*result_9\.txt: Unknown training log format/)
    const empty = path.join(dir, 'empty')
    mkdirSync(empty, { recursive: true })
    expect((await run(['ttmt', empty])).err).toMatch(/no result_\*\.txt file directly in/)
    expect((await run(['ttmt', log, '--thresholds', '0.7,abc'])).code).toBe(2)
    expect((await run(['ttmt'])).code).toBe(2)
  })

  it('is listed in the help', async () => {
    const r = await run(['help'])
    expect(r.out).toMatch(/mlperf-explorer ttmt <log-file-or-folder>/)
    expect(r.out).toMatch(/--suite inference\|training/)
  })
})

describe.skipIf(!hasCorpus)(
  hasCorpus
    ? 'mlperf-explorer on the corpus training results'
    : '../shared/corpus not found: training CLI corpus checks skipped',
  () => {
    const db = path.join(dir, 'cli.db')
    const nvResnet = path.join(
      corpus,
      'training',
      'v3.0',
      'NVIDIA',
      'results',
      'dgxh100_ngc23.04_mxnet',
      'resnet'
    )

    it('imports the training trees and writes the table as CSV', async () => {
      // A database without the bundled catalogue: only what the trees give.
      const imp = await run(['import', path.join(corpus, 'training'), '--db', db, '--no-catalogue'])
      expect(imp.code).toBe(0)
      expect(imp.out).toMatch(/Import done: 39 results found/)
      const r = await run(['results', '--suite', 'training', '--db', db, '--format', 'csv'])
      expect(r.code).toBe(0)
      const parsed = Papa.parse<Record<string, string>>(r.out.trim(), { header: true })
      expect(parsed.meta.fields?.slice(0, 15)).toEqual(
        'round,division,category,submitter,system_id,system_name,benchmark,runs,value,unit,scaling_factor,accelerator,accelerators_total,nodes,source'.split(
          ','
        )
      )
      expect(parsed.meta.fields).toEqual(
        expect.arrayContaining(['framework', 'aborted_runs', 'rcp_normalised', 'valid'])
      )
      expect(parsed.data).toHaveLength(39)
      const gigabyte = parsed.data.find(
        (x) => x.system_id === 'G593-SD0_mxnet' && x.benchmark === 'resnet'
      )
      expect(gigabyte).toMatchObject({
        round: 'v3.0',
        submitter: 'GIGABYTE',
        runs: '5',
        value: '13.500062959611194',
        unit: 'minutes',
        rcp_normalised: '1',
        source: path.join(
          corpus,
          'training',
          'v3.0',
          'GIGABYTE',
          'results',
          'G593-SD0_mxnet',
          'resnet'
        )
      })
      expect(Number(gigabyte?.scaling_factor)).toBeGreaterThan(1)
      const nv = parsed.data.find((x) => x.source === nvResnet)
      expect(nv).toMatchObject({ aborted_runs: '1', runs: '5', valid: '1' })
    })

    it('filters, sorts and prints json and table formats', async () => {
      const json = await run([
        'results',
        '--suite',
        'training',
        '--db',
        db,
        '--where',
        'benchmark=resnet',
        '--sort',
        'value',
        '--format',
        'json'
      ])
      const rows = JSON.parse(json.out) as { benchmark: string; value: number }[]
      expect(rows.length).toBeGreaterThan(5)
      expect(new Set(rows.map((x) => x.benchmark))).toEqual(new Set(['resnet']))
      const values = rows.map((x) => x.value)
      expect(values).toEqual([...values].sort((a, b) => a - b))
      const table = await run(['results', '--suite', 'training', '--db', db, '--format', 'table'])
      expect(table.out).toMatch(/^round\s+division\s+submitter\s+system_name\s+benchmark\s+runs/)
      expect(table.out).toMatch(/39 results\n$/)
      const bad = await run(['results', '--suite', 'training', '--db', db, '--where', 'scenario=x'])
      expect(bad.code).toBe(2)
      expect(bad.err).toMatch(/Unknown column "scenario"/)
    })

    it('ttmt: one row per run and threshold, empty where unreached, ATTMT the running mean', async () => {
      const r = await run(['ttmt', nvResnet])
      expect(r.code).toBe(0)
      const { rows } = csvRows(r.out)
      expect(rows).toHaveLength(5 * 10)
      const byRun = new Map<string, TtmtRow[]>()
      for (const row of rows) byRun.set(row.run, [...(byRun.get(row.run) ?? []), row])
      expect([...byRun.keys()]).toEqual(
        [0, 1, 2, 3, 4].map((i) => path.join(nvResnet, `result_${i}.txt`))
      )
      for (const [file, list] of byRun) {
        let sum = 0
        let broken = false
        list.forEach((row, k) => {
          if (row.tta_minutes === '') broken = true
          else sum += Number(row.tta_minutes)
          if (broken) expect(row.attmt_minutes, file).toBe('')
          else expect(Number(row.attmt_minutes)).toBeCloseTo(sum / (k + 1), 12)
        })
      }
      // result_3 was aborted before reaching the 0.759 target.
      const aborted = byRun.get(path.join(nvResnet, 'result_3.txt'))
      expect(aborted?.at(-1)).toMatchObject({ threshold: '0.759', tta_minutes: '' })
      expect(byRun.get(path.join(nvResnet, 'result_0.txt'))?.at(-1)?.tta_minutes).not.toBe('')
    })

    it('ttmt refuses logs of different benchmarks', async () => {
      const ssd = path.join(
        corpus,
        'training',
        'v3.0',
        'NVIDIA',
        'results',
        'dgxh100_ngc23.04_pytorch',
        'ssd',
        'result_0.txt'
      )
      const r = await run(['ttmt', path.join(nvResnet, 'result_0.txt'), ssd])
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/different benchmarks \(resnet: .*; ssd: .*\)/)
    })
  }
)
