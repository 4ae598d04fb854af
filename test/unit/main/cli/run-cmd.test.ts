/**
 * The steps of `mlperf-explorer run` that need no model or database: reading the command line,
 * printing progress, the repetition line and the exit code (run-cli.test.ts runs it whole).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  exitCode,
  parseRunArgs,
  progressPrinter,
  repetitionStatsText
} from '../../../../src-main/cli/run-cmd'
import type { JobOutcome } from '../../../../src-main/shared/local-run'
import type { RunProgress, RunResult } from '../../../../src-main/shared/local-run'
import type { RunProgressEvent } from '../../../../src-main/shared/local-run-views'

const dir = mkdtempSync(join(tmpdir(), 'mlx-run-cmd-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io(): {
  out: (s: string) => void
  err: (s: string) => void
  text: { out: string; err: string }
} {
  const text = { out: '', err: '' }
  return { out: (s) => (text.out += s), err: (s) => (text.err += s), text }
}

describe('parseRunArgs', () => {
  it('turns the flags into run settings, resolving paths', () => {
    const a = parseRunArgs(
      [
        '--model',
        'm.onnx',
        '--benchmark',
        'resnet50',
        '--scenario',
        'MultiStream',
        '--mode',
        'accuracy',
        '--dataset',
        'data',
        '--out',
        'o',
        '--db',
        'x.db',
        '--multi-stream-expected-latency',
        '40',
        '--min-duration',
        '1000',
        '--batch',
        '8',
        '--repetitions',
        '3',
        '--quality-target',
        '99.9'
      ],
      io()
    )
    expect(a.db).toBe('x.db')
    expect(a.repetitions).toBe(3)
    expect(a.settings).toEqual({
      modelPath: resolve('m.onnx'),
      scenario: 'MultiStream',
      mode: 'AccuracyOnly',
      datasetPath: resolve('data'),
      benchmark: 'resnet50',
      outputDir: resolve('o'),
      qualityTargetFraction: 0.999,
      expectedLatencyMs: 40,
      minDurationMs: 1000,
      batchSize: 8
    })
  })

  it("uses the scenario's expected latency and says the other one is ignored", () => {
    const o = io()
    const a = parseRunArgs(
      [
        '--model',
        'm',
        '--scenario',
        'SingleStream',
        '--single-stream-expected-latency',
        '2',
        '--multi-stream-expected-latency',
        '9'
      ],
      o
    )
    expect(a.settings.expectedLatencyMs).toBe(2)
    expect(a.settings.benchmark).toBeUndefined()
    expect(o.text.err).toBe(
      'run: --multi-stream-expected-latency does not apply to SingleStream; ignored\n'
    )
  })

  it('refuses bad arguments with the flag and the reason', () => {
    const bad: [string[], RegExp][] = [
      [['--scenario', 'Offline'], /--model FILE is required/],
      [['--model', 'm'], /--scenario must be one of/],
      [
        ['--model', 'm', '--scenario', 'Offline', '--benchmark', 'resnet'],
        /--benchmark must be one of .*got "resnet"/
      ],
      [
        ['--model', 'm', '--scenario', 'Offline', '--mode', 'fast'],
        /--mode must be performance or accuracy/
      ],
      [
        ['--model', 'm', '--scenario', 'Offline', '--min-duration', '1.5'],
        /--min-duration must be a whole number ≥ 0, got "1.5"/
      ],
      [
        ['--model', 'm', '--scenario', 'SingleStream', '--single-stream-expected-latency', '0'],
        /must be more than 0/
      ],
      [
        ['--model', 'm', '--scenario', 'Offline', '--repetitions', '0'],
        /--repetitions must be at least 1/
      ],
      [['--model', 'm', '--scenario', 'Offline', '--colour', 'red'], /unknown option --colour/],
      [
        ['--model', 'm', '--scenario', 'Offline', '--footnote'],
        /unknown option --footnote \(--footnote is an option of results\)/
      ]
    ]
    for (const [args, reason] of bad)
      expect(() => parseRunArgs(args, io()), args.join(' ')).toThrow(reason)
  })

  it('reads --user-conf, naming the file and line of a syntax error', () => {
    const good = join(dir, 'user.conf')
    writeFileSync(good, 'resnet50.Offline.target_qps = 123\n')
    const a = parseRunArgs(['--model', 'm', '--scenario', 'Offline', '--user-conf', good], io())
    expect(a.settings.userConf).toBe('resnet50.Offline.target_qps = 123\n')
    const bad = join(dir, 'bad.conf')
    writeFileSync(bad, 'this is not a setting\n')
    expect(() =>
      parseRunArgs(['--model', 'm', '--scenario', 'Offline', '--user-conf', bad], io())
    ).toThrow(new RegExp(`run: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 1: `))
  })
})

describe('progressPrinter', () => {
  const event = (phase: RunProgress['phase'], completed = 0): RunProgressEvent => ({
    jobId: 'j',
    runId: 1,
    repetition: 1,
    repetitions: 1,
    progress: {
      phase,
      mode: 'PerformanceOnly',
      elapsedNs: 1e9,
      minDurationNs: 6e9,
      issued: completed,
      generated: 100,
      completed,
      loaded: 0,
      toLoad: 0,
      throughput: 10,
      latencyP50Ns: 1e6,
      latencyP90Ns: 2e6,
      latencyP99Ns: 3e6
    }
  })

  it('rewrites one line in place on a terminal', () => {
    const o = io()
    const print = progressPrinter(o, true)
    print(event('running', 1))
    print(event('running', 2))
    expect(
      o.text.err
        .split('\r')
        .slice(1)
        .map((l) => l.length)
    ).toEqual([120, 120])
    expect(o.text.err).toContain('issued 2, completed 2')
  })

  it('elsewhere prints each phase once and at most a line a second while running', () => {
    const o = io()
    let t = 0
    const print = progressPrinter(o, false, () => t)
    print(event('loading'))
    print(event('running', 1))
    t = 500
    print(event('running', 2))
    t = 1000
    print(event('running', 3))
    print(event('writing'))
    const lines = o.text.err.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe('loading samples 0/0')
    expect(lines[1]).toContain('completed 1,')
    expect(lines[2]).toContain('completed 3,')
    expect(lines[3]).toBe('writing')
  })
})

describe('repetitionStatsText and exitCode', () => {
  it('prints latencies in ms and rates in their unit', () => {
    const base = { runs: 3, values: [], std: 0.5e6, cv: 0.0123 }
    expect(repetitionStatsText({ ...base, metricLabel: 'p90', unit: 'ns', mean: 2.5e6 })).toBe(
      '\n3 repetitions of p90: mean 2.500 ms, std 0.500 ms, CV 1.23%\n'
    )
    expect(
      repetitionStatsText({
        ...base,
        metricLabel: 'rate',
        unit: 'samples/s',
        mean: 1234.567,
        std: 1
      })
    ).toBe('\n3 repetitions of rate: mean 1234.57 samples/s, std 1.00 samples/s, CV 1.23%\n')
  })

  it('is 0 only when every run finished', () => {
    const run = (status: RunResult['status']) => ({
      id: 1,
      result: { status } as RunResult,
      value: null,
      unit: null,
      resultId: null
    })
    const job = (...runs: ReturnType<typeof run>[]): JobOutcome => ({ jobId: 'j', runs })
    expect(exitCode(job(run('done'), run('done')))).toBe(0)
    expect(exitCode(job(run('done'), run('cancelled')))).toBe(1)
    expect(exitCode(job(run('failed')))).toBe(1)
    expect(exitCode(job())).toBe(1)
  })
})
