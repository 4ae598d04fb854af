/**
 * The steps that turn a local run's written logs into a results-table record, each on real
 * LoadGen-format logs written by a simulated run (the app's own writer, simulated time).
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  detailSections,
  linkedAccuracy,
  localRunChecks,
  localSystem,
  readLocalRunRecord,
  readRunLogs,
  recordNotes,
  RULES_ROUND,
  runLogFiles,
  runScenario,
  runValid,
  UNVERIFIED_NOTE
} from '../../../../../src-main/core/local-runs/local-run-record'
import type { MachineInfo } from '../../../../../src-main/core/local-runs/machine-info'
import type { RunResult } from '../../../../../src-main/shared/local-run'
import { simulatedRun } from '../../../../support/simulated-run'

const root = mkdtempSync(join(tmpdir(), 'mlx-run-record-'))
let offline: RunResult
let singleStream: RunResult

const machine: MachineInfo = {
  hostname: 'bench-01',
  cpuModel: 'Test CPU 9000',
  logicalCores: 16,
  memoryGiB: 31.2,
  operatingSystem: 'Linux 6.1 (linux x64)',
  nodeVersion: '20.20.2',
  onnxruntimeVersion: '1.22.0'
}

beforeAll(async () => {
  offline = await simulatedRun(join(root, 'offline'), {
    benchmark: 'resnet50',
    scenario: 'Offline',
    targetQps: 2000,
    minDurationMs: 1000,
    serviceNs: 100_000n
  })
  // Too few queries for an early-stopping estimate: LoadGen may call it VALID, the record not.
  singleStream = await simulatedRun(join(root, 'ss'), {
    benchmark: 'resnet50',
    scenario: 'SingleStream',
    expectedLatencyMs: 1,
    minDurationMs: 20,
    minQueryCount: 10,
    serviceNs: 1_000_000n
  })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('readRunLogs', () => {
  it('reads and parses both logs', () => {
    const logs = readRunLogs(offline.runDir)
    expect(logs.summaryPath).toBe(join(offline.runDir, 'mlperf_log_summary.txt'))
    expect(logs.summary.scenario).toBe('Offline')
    expect(logs.detail.values.get('effective_scenario')).toBe('Offline')
    expect(logs.detailText.startsWith(':::MLLOG ')).toBe(true)
  })

  it('names the missing file', () => {
    const empty = join(root, 'empty')
    mkdirSync(empty, { recursive: true })
    expect(() => readRunLogs(empty)).toThrow(`${join(empty, 'mlperf_log_summary.txt')} is missing`)
    writeFileSync(join(empty, 'mlperf_log_summary.txt'), '')
    expect(() => readRunLogs(empty)).toThrow(`${join(empty, 'mlperf_log_detail.txt')} is missing`)
  })
})

describe('runScenario', () => {
  it("takes the detail log's effective_scenario, else the summary's, else fails", () => {
    const logs = readRunLogs(offline.runDir)
    expect(runScenario(logs)).toBe('Offline')
    const noDetail = { ...logs, detail: { ...logs.detail, values: new Map() } }
    expect(runScenario(noDetail)).toBe('Offline')
    const none = { ...noDetail, summary: { ...logs.summary, scenario: null } }
    expect(() => runScenario(none)).toThrow(`${logs.summaryPath} names no scenario`)
  })
})

describe('runValid', () => {
  it("follows LoadGen's verdict, and is never valid without an official value", () => {
    const logs = readRunLogs(offline.runDir)
    expect(logs.detail.values.get('result_validity')).toBe('VALID')
    expect(runValid(logs, 123)).toBe(true)
    expect(runValid(logs, null)).toBe(false)
    const invalid = new Map(logs.detail.values).set('result_validity', 'INVALID')
    expect(runValid({ ...logs, detail: { ...logs.detail, values: invalid } }, 123)).toBe(false)
  })

  it("uses the summary's verdict when the detail log has none", () => {
    const logs = readRunLogs(offline.runDir)
    const values = new Map(logs.detail.values)
    values.delete('result_validity')
    const noVerdict = { ...logs, detail: { ...logs.detail, values } }
    expect(runValid(noVerdict, 1)).toBe(logs.summary.validity === 'VALID')
  })
})

describe('detailSections', () => {
  it('splits settings from statistics and leaves the rest out', () => {
    const { settings, statistics } = detailSections(readRunLogs(offline.runDir).detail.values)
    expect(settings['effective_scenario']).toBe('Offline')
    expect(settings['requested_min_duration_ms']).toBe(1000)
    expect(statistics['result_validity']).toBe('VALID')
    expect(statistics['generated_query_count']).toBe(1)
    expect(statistics['num_errors']).toBe(0)
    expect(typeof statistics['power_begin']).toBe('string')
    expect(settings['loadgen_version']).toBeUndefined()
    expect(statistics['qsl_name']).toBeUndefined()
  })

  it('keeps scalars and turns lists and non-finite numbers into text', () => {
    const out = detailSections(
      new Map<string, never>([
        ['result_x', Infinity as never],
        ['result_list', [1, 2] as never],
        ['effective_flag', true as never],
        ['result_none', null as never]
      ])
    )
    expect(out.statistics).toEqual({
      result_x: 'Infinity',
      result_list: '[1,2]',
      result_none: null
    })
    expect(out.settings).toEqual({ effective_flag: true })
  })
})

describe('linkedAccuracy', () => {
  it('reads the accuracy run’s accuracy.txt in the checker’s rendering', () => {
    const dir = join(root, 'acc-run')
    mkdirSync(dir, { recursive: true })
    const text = 'accuracy=76.456%, good=38228, total=50000\nhash=abc\n'
    writeFileSync(join(dir, 'accuracy.txt'), text)
    const acc = linkedAccuracy({ runKey: 'acc-1', runDir: dir }, 'resnet')
    expect(acc).toEqual({
      rendered: 'acc: 76.456',
      metrics: { acc: 76.456 },
      file: { role: 'accuracy', path: join(dir, 'accuracy.txt'), bytes: text.length },
      note: 'Accuracy from the accuracy run acc-1 of the same model (its accuracy.txt).'
    })
  })

  it('is null without an accuracy run or when its file is gone', () => {
    expect(linkedAccuracy(null, 'resnet')).toBeNull()
    expect(linkedAccuracy(undefined, 'resnet')).toBeNull()
    expect(linkedAccuracy({ runKey: 'x', runDir: join(root, 'nowhere') }, 'resnet')).toBeNull()
  })
})

describe('localSystem', () => {
  it('describes the machine and the run set-up, with the execution provider as accelerator', () => {
    const cpu = localSystem(machine, offline.settings)
    expect(cpu.fields).toMatchObject({
      systemName: 'bench-01 (onnxruntime cpu)',
      accelerator: null,
      nodes: 1,
      hostProcessor: 'Test CPU 9000',
      hostProcessorCoreCount: '16',
      framework: 'onnxruntime-node 1.22.0 (cpu)'
    })
    expect(cpu.detail).toMatchObject({
      host_memory_capacity: '31.2 GiB',
      framework: 'onnxruntime-node 1.22.0',
      execution_provider: 'cpu',
      dataset: 'synthetic inputs',
      model_file: offline.settings.modelPath
    })
    const gpu = localSystem(
      { ...machine, onnxruntimeVersion: null },
      { ...offline.settings, executionProvider: 'cuda', datasetPath: '/data/imagenet' }
    )
    expect(gpu.fields.accelerator).toBe('cuda')
    expect(gpu.fields.framework).toBe('onnxruntime-node (cuda)')
    expect(gpu.detail['dataset']).toBe('/data/imagenet')
  })
})

describe('runLogFiles and recordNotes', () => {
  it('lists both logs and the accuracy log, whose size is null once it is gone', () => {
    const logs = readRunLogs(singleStream.runDir)
    const files = runLogFiles(logs, singleStream.runDir)
    expect(files.map((f) => f.role)).toEqual(['summary', 'detail', 'accuracy log'])
    expect(files[0]!.bytes).toBe(Buffer.byteLength(logs.summaryText))
    expect(files[2]!.bytes).toBe(4)
    unlinkSync(join(singleStream.runDir, 'mlperf_log_accuracy.json'))
    expect(runLogFiles(logs, singleStream.runDir)[2]!.bytes).toBeNull()
  })

  it('puts the unverified note and the rules first, and says how a guessed model was found', () => {
    const official = recordNotes(
      ['value note'],
      ['run note'],
      { model: 'resnet', how: 'mapping' },
      'resnet50'
    )
    expect(official).toEqual([
      UNVERIFIED_NOTE,
      `Metric, unit and value follow the ${RULES_ROUND} submission checker rules, read from the written logs.`,
      'value note',
      'run note'
    ])
    const guessed = recordNotes([], [], { model: 'resnet', how: 'substring' }, 'my-resnet')
    expect(guessed.at(-1)).toBe('MLPerf model "resnet" from the benchmark name "my-resnet".')
  })
})

describe('localRunChecks', () => {
  it("runs the importer's validity checks and the submission checker's on the logs", () => {
    const logs = readRunLogs(offline.runDir)
    const checks = localRunChecks(logs, 'Offline', 'resnet', 'resnet50')
    const ids = checks.map((c) => c.id)
    expect(ids).toContain('min_duration')
    expect(ids).toContain('loadgen_verdict')
    // A 1 s run is not a submittable 600 s run.
    expect(checks.some((c) => c.passed === false && /600/.test(c.explanation))).toBe(true)
  })
})

describe('readLocalRunRecord', () => {
  it('files the run as the user’s own, with the value the importer derives', () => {
    const { record, value } = readLocalRunRecord({
      runDir: offline.runDir,
      runKey: 'run-key',
      result: offline,
      machine
    })
    expect(record).toMatchObject({
      round: 'local',
      division: 'local',
      submitter: 'You',
      systemId: 'run-key',
      scenario: 'Offline',
      metric: 'samples_per_second',
      sourceKind: 'local',
      valid: true,
      accuracy: null
    })
    expect(value).toBe(record.value)
    expect(value).toBeGreaterThan(0)
    expect(record.detail.runs).toEqual([{ run: 'run-key', value, valid: true }])
  })

  it('never marks a run without an early-stopping estimate valid', () => {
    const { record } = readLocalRunRecord({
      runDir: singleStream.runDir,
      runKey: 'k',
      result: singleStream,
      machine
    })
    expect(record.value).toBeNull()
    expect(record.valid).toBe(false)
  })
})
