/**
 * `mlperf-explorer run` end to end: real onnxruntime workers on tiny generated models, the
 * files in --out, the run in --db, and the exit codes (0 finished, even INVALID; 1 the run
 * could not be done; 2 bad arguments).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pngjs from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'
import { openDb } from '../../src-main/core/db/open-db'
import type { TestModels } from '../fixtures/models/build-models'
import { writeTestModels } from '../fixtures/models/build-models'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-run-cli-'))
const db = join(dir, 'cli.db')
let models: TestModels

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

function colorDataset(name: string, broken = false): string {
  const data = join(dir, name)
  mkdirSync(data, { recursive: true })
  const lines: string[] = []
  for (let i = 0; i < 6; i++) {
    const img = new pngjs.PNG({ width: 34, height: 34 })
    const rgb = [0, 0, 0]
    rgb[i % 3] = 230
    for (let p = 0; p < 34 * 34; p++) img.data.set([...rgb, 255], p * 4)
    const bytes = pngjs.PNG.sync.write(img)
    writeFileSync(join(data, `img${i}.png`), broken && i === 3 ? bytes.subarray(0, 60) : bytes)
    lines.push(`img${i}.png ${i % 3}`)
  }
  writeFileSync(join(data, 'val_map.txt'), lines.join('\n') + '\n')
  return data
}

beforeAll(() => {
  models = writeTestModels(join(dir, 'models'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('mlperf-explorer run', () => {
  it('runs SingleStream, writes the files into --out, indexes the run and prints the summary', async () => {
    const out = join(dir, 'ss')
    const r = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'SingleStream',
      '--single-stream-expected-latency',
      '0.001',
      '--min-duration',
      '300',
      '--min-query-count',
      '100',
      '--out',
      out,
      '--db',
      db
    ])
    expect(r.err).toMatch(/running \d+\.\d s \/ 0\.3 s, issued \d+/)
    expect(r.code).toBe(0)
    expect(r.out).toContain('MLPerf Results Summary')
    expect(r.out).toContain('Scenario : SingleStream')
    expect(r.out).toContain('Result is : VALID')
    for (const f of ['mlperf_log_summary.txt', 'mlperf_log_detail.txt', 'mlperf_log_accuracy.json'])
      expect(existsSync(join(out, f))).toBe(true)
    expect(r.out).toContain(readFileSync(join(out, 'mlperf_log_summary.txt'), 'utf8'))
    expect(r.out).toMatch(/your own, unverified result #\d+: [\d.]+ Latency \(ms\)/)
    // Two named verdicts: LoadGen's for these settings, and the submission rules'.
    expect(r.out).toContain('LoadGen verdict for these settings: VALID')
    expect(r.out).toContain('Submittable under MLPerf rules: no — minimum duration 600 s')
    const conn = openDb(db)
    try {
      const row = conn
        .prepare(
          'SELECT round, division, submitter, scenario, unit, source_kind FROM inference_results WHERE source = ?'
        )
        .get(out)
      expect(row).toEqual({
        round: 'local',
        division: 'local',
        submitter: 'You',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        source_kind: 'local'
      })
      const stored = conn.prepare('SELECT status, run_dir FROM local_runs').all()
      expect(stored).toEqual([{ status: 'done', run_dir: out }])
    } finally {
      conn.close()
    }
  })

  it('exits 0 for an INVALID result (a finished run) and reports repetition statistics', async () => {
    const r = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'Offline',
      '--min-duration',
      '5000',
      '--min-query-count',
      '64',
      '--target-qps',
      '100',
      '--batch',
      '4',
      '--threads',
      '1',
      '--repetitions',
      '2',
      '--out',
      join(dir, 'offline'),
      '--db',
      db
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Result is : INVALID')
    expect(r.out).toMatch(/2 repetitions of Samples per second: mean [\d.]+ samples\/s, std/)
    expect(existsSync(join(dir, 'offline', 'run_2', 'mlperf_log_detail.txt'))).toBe(true)
  })

  it('runs accuracy mode on a dataset and judges the quality target', async () => {
    const out = join(dir, 'acc')
    const r = await run([
      'run',
      '--model',
      models.color,
      '--dataset',
      colorDataset('colors'),
      '--benchmark',
      'resnet50',
      '--scenario',
      'Offline',
      '--mode',
      'accuracy',
      '--reference-accuracy',
      '100',
      '--quality-target',
      '99.9',
      '--out',
      out,
      '--db',
      db
    ])
    expect(r.code).toBe(0)
    // No minimum duration in accuracy mode: the progress says how far through the samples.
    expect(r.err).toMatch(/accuracy \d+\.\d s, issued \d+ of 1 queries/)
    expect(r.err).not.toMatch(/\/ 600\.0 s/)
    expect(r.out).toContain('Accuracy: top-1 100.000% (6 of 6)')
    expect(r.out).toMatch(/Quality target: Top-1 100\.000% reaches 99\.9% of the FP32 reference/)
    expect(readFileSync(join(out, 'accuracy.txt'), 'utf8')).toMatch(
      /^accuracy=100\.000%, good=6, total=6\nhash=[0-9a-f]{64}\n$/
    )
  })

  it('exits 1 with the file and the reason when the run cannot be done', async () => {
    const garbage = join(dir, 'garbage.onnx')
    writeFileSync(garbage, 'not a model')
    const bad = await run([
      'run',
      '--model',
      garbage,
      '--benchmark',
      'resnet50',
      '--scenario',
      'Offline',
      '--db',
      db
    ])
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/run failed: Could not load the model .*garbage\.onnx: /)

    const broken = await run([
      'run',
      '--model',
      models.color,
      '--dataset',
      colorDataset('broken', true),
      '--benchmark',
      'resnet50',
      '--scenario',
      'SingleStream',
      '--db',
      db
    ])
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/run failed: .*img3\.png: is not a valid image/)

    const accNoData = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'Offline',
      '--mode',
      'accuracy',
      '--db',
      db
    ])
    expect(accNoData.code).toBe(1)
    expect(accNoData.err).toMatch(/Accuracy mode needs a dataset/)
  })

  it('needs --benchmark and suggests one from the file name and input shape', async () => {
    const named = join(dir, 'resnet50_v1.onnx')
    writeFileSync(named, readFileSync(models.conv))
    const r = await run(['run', '--model', named, '--scenario', 'Offline', '--db', db])
    expect(r.code).toBe(2)
    expect(r.err).toContain('run: --benchmark NAME is required')
    expect(r.err).toContain(
      'Suggested: --benchmark resnet50. The file name resnet50_v1.onnx names resnet50'
    )
    const plain = await run(['run', '--model', models.conv, '--scenario', 'Offline', '--db', db])
    expect(plain.err).toMatch(
      /Neither the file name conv\.onnx nor the input shape \[N, 3, 32, 32\] matches/
    )
    const conn = openDb(db)
    try {
      // Nothing ran: no run row was stored for either.
      expect(
        conn
          .prepare("SELECT count(*) AS n FROM local_runs WHERE model_path LIKE '%resnet50_v1%'")
          .get()
      ).toEqual({ n: 0 })
    } finally {
      conn.close()
    }
  })

  it('reads --user-conf in LoadGen syntax; the expected-latency flags set the pre-generation', async () => {
    const conf = join(dir, 'user.conf')
    writeFileSync(
      conf,
      [
        '# user.conf as a submitter writes it',
        'resnet50.MultiStream.target_latency = 0.01',
        '*.MultiStream.min_duration = 300',
        'resnet50.MultiStream.min_query_count = 700',
        '*.*.qsl_rng_seed = 42',
        ''
      ].join('\n')
    )
    const out = join(dir, 'ms-conf')
    const r = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'MultiStream',
      '--user-conf',
      conf,
      '--out',
      out,
      '--db',
      db
    ])
    expect(r.code).toBe(0)
    expect(r.err).toContain(`${conf}: *.*.qsl_rng_seed is only read from the built-in mlperf.conf`)
    const detail = readFileSync(join(out, 'mlperf_log_detail.txt'), 'utf8')
    expect(detail).toMatch(/"key": "requested_multi_stream_expected_latency_ns", "value": 10000,/)
    expect(detail).toMatch(/"key": "requested_min_duration_ms", "value": 300,/)
    expect(detail).toMatch(/"key": "requested_min_query_count", "value": 700,/)
    expect(detail).toMatch(/"key": "effective_qsl_rng_seed", "value": 2085463073848966840,/)
    // 2 × 300 ms at 10 µs: 60,001 generated.
    expect(detail).toMatch(/"key": "generated_query_count", "value": 60001,/)
    const flag = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'MultiStream',
      '--user-conf',
      conf,
      '--multi-stream-expected-latency',
      '0.5',
      '--single-stream-expected-latency',
      '1',
      '--out',
      join(dir, 'ms-flag'),
      '--db',
      db
    ])
    expect(flag.err).toContain(
      '--single-stream-expected-latency does not apply to MultiStream; ignored'
    )
    expect(readFileSync(join(dir, 'ms-flag', 'mlperf_log_detail.txt'), 'utf8')).toMatch(
      /"key": "generated_query_count", "value": 1201,/
    )
    writeFileSync(conf, 'resnet50.MultiStream.target_latency = soon\n')
    const bad = await run([
      'run',
      '--model',
      models.conv,
      '--benchmark',
      'resnet50',
      '--scenario',
      'MultiStream',
      '--user-conf',
      conf,
      '--db',
      db
    ])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain(`run: ${conf}: line 1: value needs to be integer or double: "soon"`)
  })

  it('exits 2 on bad arguments, with the usage', async () => {
    for (const args of [
      ['run', '--scenario', 'Offline'],
      ['run', '--model', models.conv],
      ['run', '--model', models.conv, '--scenario', 'Batch'],
      ['run', '--model', models.conv, '--scenario', 'Offline', '--min-duration', 'soon'],
      ['run', '--model', models.conv, '--scenario', 'Offline', '--mode', 'fast'],
      ['run', '--model', models.conv, '--scenario', 'Offline', '--bogus', '1'],
      ['run', '--model', models.conv, '--scenario', 'Offline', '--benchmark', 'mobilenet'],
      [
        'run',
        '--model',
        models.conv,
        '--scenario',
        'Offline',
        '--benchmark',
        'resnet50',
        '--user-conf',
        join(dir, 'nope.conf')
      ]
    ]) {
      const r = await run([...args, '--db', db])
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toContain('mlperf-explorer run --model FILE')
    }
  })

  it('works as a real process with the real exit code', () => {
    const bin = join(root, 'src-main', 'cli', 'bin.js')
    const ok = spawnSync(
      process.execPath,
      [
        bin,
        'run',
        '--model',
        models.add,
        '--benchmark',
        'resnet50',
        '--scenario',
        'Server',
        '--target-qps',
        '500',
        '--target-latency',
        '100',
        '--min-duration',
        '300',
        '--out',
        join(dir, 'server'),
        '--db',
        db
      ],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(ok.stderr).toMatch(/running/)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('Completed samples per second')
    const missing = spawnSync(
      process.execPath,
      [
        bin,
        'run',
        '--model',
        join(dir, 'missing.onnx'),
        '--benchmark',
        'resnet50',
        '--scenario',
        'Server',
        '--db',
        db
      ],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/Model file not found: .*missing\.onnx/)
  })
})
