import { describe, expect, it } from 'vitest'
import type { InferenceResultRecord } from '../../../../../../src-main/shared/inference'
import type { TrainingResultRecord } from '../../../../../../src-main/shared/training'
import type { WritableDb } from '../../../../../../src-main/core/db/types'
import { emptyCounts } from '../../../../../../src-main/core/repo/upsert-sql'
import { BatchWriter } from '../../../../../../src-main/core/ingest/import/batch-writer'
import type { SuiteStore } from '../../../../../../src-main/core/ingest/import/batch-writer'
import { ImportState } from '../../../../../../src-main/core/ingest/import/import-state'
import type { Owner } from '../../../../../../src-main/core/ingest/import/import-state'
import { RecordIntake } from '../../../../../../src-main/core/ingest/import/record-intake'
import { makeRecord } from '../../../../../support/records'
import { makeSummaryRecord, makeTrainingRecord } from '../../../../../support/training-records'

/** A store that keeps what it was given to write and to fill from. */
function store<R>(size: number) {
  const batches: R[][] = []
  const copies: R[] = []
  const s: SuiteStore<R> = {
    guard: (_db, records) => ({ write: [...records], kept: [], changed: [], untouched: 0 }),
    upsert: (_db, records) => {
      batches.push([...records])
      return { ...emptyCounts(), imported: records.length }
    },
    fillGaps: (_db, c) => {
      copies.push(...c)
      return 0
    }
  }
  return { s, batches, copies, size }
}

function setup(batch = 100) {
  const state = new ImportState('job', ['/in'], {})
  state.tally.at('/in', 'inference')
  const inf = store<InferenceResultRecord>(batch)
  const tr = store<TrainingResultRecord>(batch)
  const target = {
    db: {} as WritableDb,
    problems: new Map(),
    importId: () => 1,
    origin: 'imported' as const
  }
  const sink = {
    guarded: () => {},
    written: (o: Owner, c: ReturnType<typeof emptyCounts>) => state.written(o, c),
    filled: () => {}
  }
  const writers = {
    inference: new BatchWriter<InferenceResultRecord, Owner>(inf.s, target, sink, batch, null),
    training: new BatchWriter<TrainingResultRecord, Owner>(tr.s, target, sink, batch, null)
  }
  const intake = new RecordIntake(state, writers)
  const flush = (): void => {
    writers.inference.flush()
    writers.training.flush()
  }
  return { state, intake, inf, tr, flush }
}

const summary = (over: Partial<InferenceResultRecord> = {}): InferenceResultRecord =>
  makeRecord({ sourceKind: 'summary', source: '/in/summary_results.json', ...over })

describe('RecordIntake', () => {
  it('keeps the first copy of a repeated summary row and hands the later one over as a copy', () => {
    const t = setup()
    t.intake.inference(summary({ value: 1 }))
    t.intake.inference(summary({ value: 2, source: '/in/cm-result.json' }))
    t.flush()
    expect(t.inf.batches.flat().map((r) => r.value)).toEqual([1])
    expect(t.inf.copies.map((r) => r.value)).toEqual([2])
    expect(t.state.report.unchanged).toBe(1)
    expect(t.state.totals.repeatedSummaryRows).toBe(1)
  })

  it('writes a summary row that meets a tree result of this job (the store decides)', () => {
    const t = setup()
    t.intake.inference(makeRecord())
    t.intake.inference(summary())
    t.intake.inference(summary({ source: '/in/other.csv' }))
    t.flush()
    expect(t.inf.batches.flat().map((r) => r.sourceKind)).toEqual(['tree', 'summary', 'summary'])
    expect(t.state.totals.repeatedSummaryRows).toBe(0)
  })

  it('skips a second tree folder that maps to a result already read, naming the first', () => {
    const t = setup()
    t.intake.inference(makeRecord({ source: '/in/a/Offline' }))
    t.intake.inference(makeRecord({ source: '/in/b/Offline' }))
    t.intake.inference(makeRecord({ source: '/in/a/Offline', value: 9 }))
    t.flush()
    expect(t.inf.batches.flat().map((r) => r.source)).toEqual(['/in/a/Offline', '/in/a/Offline'])
    expect(t.state.report.skippedItems).toEqual([
      { path: '/in/b/Offline', reason: expect.stringContaining('/in/a/Offline') as string }
    ])
  })

  it('notes a tree folder whose name says another scenario than the log', () => {
    const t = setup()
    t.intake.inference(makeRecord({ source: '/in/a/Server', scenario: 'Offline' }))
    expect(t.state.report.notes).toEqual([expect.stringMatching(/folder says Server/) as string])
  })

  it('marks a result without a value invalid before it is written', () => {
    const t = setup()
    t.intake.inference(makeRecord({ value: null, valid: true }))
    t.flush()
    expect(t.inf.batches[0]?.[0]?.valid).toBe(false)
  })

  it('writes a full batch at once and counts it under the path it was read from', () => {
    const t = setup(2)
    t.state.tally.planned('/in', 'inference', 2)
    t.state.tally.planned('/other', 'inference', 1)
    t.intake.inference(makeRecord({ benchmark: 'a' }))
    t.intake.inference(makeRecord({ benchmark: 'b' }))
    expect(t.inf.batches).toHaveLength(1)
    t.state.tally.at('/other', 'inference')
    t.intake.inference(makeRecord({ benchmark: 'c' }))
    t.flush()
    expect(t.inf.batches.map((b) => b.length)).toEqual([2, 1])
    expect(t.state.tally.rows().map((r) => [r.path, r.imported])).toEqual([
      ['/in', 2],
      ['/other', 1]
    ])
    expect(t.state.phase).toBe('parsing')
  })

  it('takes a read outcome: a record is found, a skip is listed, files are counted', () => {
    const t = setup()
    t.intake.inferenceRead({ record: makeRecord(), filesRead: 3 })
    t.intake.inferenceRead({ skipped: { path: '/in/x', reason: 'no log' }, filesRead: 1 })
    expect(t.state.report).toMatchObject({ filesRead: 4, resultsFound: 1, skipped: 1 })
  })

  it('keeps the first copy of a repeated training summary row and notes runs that do not count', () => {
    const t = setup()
    t.intake.training(makeSummaryRecord({ value: 1 }))
    t.intake.training(makeSummaryRecord({ value: 2 }))
    const tree = makeTrainingRecord({ benchmark: 'bert' })
    const aborted = { ...tree.detail.runs[0]!, status: 'aborted' as const, reason: 'run_stop' }
    t.intake.trainingRead({
      record: { ...tree, detail: { ...tree.detail, runs: [aborted] } },
      runs: [],
      filesRead: 5
    })
    t.flush()
    expect(t.tr.batches.flat().map((r) => r.benchmark)).toEqual(['resnet', 'bert'])
    expect(t.tr.copies.map((r) => r.value)).toEqual([2])
    expect(t.state.report.filesRead).toBe(5)
    expect(t.state.report.notes).toEqual([
      expect.stringMatching(/result_0\.txt: run aborted/) as string
    ])
  })
})
