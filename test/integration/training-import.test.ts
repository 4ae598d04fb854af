/**
 * Training through the import job and the database: the corpus training trees (39 sets) and the
 * official training summaries, then the user's own run folders with the failures a real folder
 * has (truncated log, no run_stop, aborted run, a file that is no log at all). The corpus part is
 * skipped when ../shared/corpus is not next to the repository.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'
import { readTrainingSummaryFile } from '../../src-main/core/ingest/training/summaries'
import { trainingRecordKey } from '../../src-main/core/ingest/training-import'
import { getTrainingResult } from '../../src-main/core/repo/training-results'
import type { ImportProgress } from '../../src-main/shared/api'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const hasCorpus = existsSync(path.join(corpus, 'training'))
const dir = mkdtempSync(path.join(tmpdir(), 'mlx-training-import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const signal = new AbortController().signal

async function filesUnder(root: string, accept: (p: string) => boolean): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else if (accept(p)) out.push(p)
    }
  }
  await walk(root)
  return out.sort()
}

/**
 * Every training summary of the corpus: result_summarizer files committed by submitters, the
 * result_summarizer tables of whole rounds (training_summaries/, with their power tables) and
 * the CM training experiments.
 */
async function trainingSummaryFiles(): Promise<string[]> {
  const consolidated = path.join(corpus, 'consolidated')
  return filesUnder(
    consolidated,
    (p) =>
      (/training_results_v[\d.]+[\\/].+[\\/]summary\.(csv|json)$/.test(p) ||
        /training_summaries[\\/]v[\d.]+[\\/]summary(_power)?\.(csv|json)$/.test(p) ||
        /mlperf-training--.+[\\/]cm-result\.json$/.test(p)) &&
      !path.relative(consolidated, p).startsWith('inference')
  )
}

type Row = {
  id: number
  round: string
  submitter: string
  system_id: string
  benchmark: string
  value: number | null
  runs: number | null
  source_kind: string
}

describe.skipIf(!hasCorpus)(
  hasCorpus
    ? 'importing the corpus training trees and summaries'
    : '../shared/corpus not found: training corpus import skipped',
  () => {
    const db = openDb(path.join(dir, 'corpus.db'))
    const rows = (): Row[] =>
      db
        .prepare(
          'SELECT id, round, submitter, system_id, benchmark, value, runs, source_kind FROM training_results ORDER BY id'
        )
        .all() as Row[]
    let treeRows: Row[] = []

    it('imports every training set, skipping only the documented stray folder', async () => {
      const progress: ImportProgress[] = []
      const r = await runImport(
        db,
        [path.join(corpus, 'training')],
        { progress: (p) => progress.push(p) },
        signal
      )
      expect(r).toMatchObject({ status: 'done', resultsFound: 39, imported: 39, skipped: 1 })
      expect(r.skippedItems[0]?.path).toMatch(/Habana.*resnet[\\/]bert$/)
      expect(r.skippedItems[0]?.reason).toMatch(/Stray folder/)
      // The one aborted run (NVIDIA v3.0 resnet result_3) is named; its set still imported.
      expect(r.notes.filter((n) => / run aborted /.test(n))).toEqual([
        expect.stringMatching(/dgxh100_ngc23\.04_mxnet[\\/]resnet[\\/]result_3\.txt: run aborted/)
      ])
      expect(progress.at(-1)).toMatchObject({ phase: 'done', totalItems: 39, imported: 39 })
      treeRows = rows()
      expect(treeRows).toHaveLength(39)
      expect(new Set(treeRows.map((x) => x.round))).toEqual(
        new Set(['v0.5', 'v0.6', 'v0.7', 'v1.0', 'v3.0', 'v3.1', 'v5.0'])
      )
      for (const x of treeRows) {
        expect(x.source_kind).toBe('tree')
        expect(Number.isFinite(x.value), `${x.round} ${x.system_id} ${x.benchmark}`).toBe(true)
      }
      const runs = db.prepare('SELECT count(*) AS n FROM training_runs').get() as { n: number }
      expect(runs.n).toBe(treeRows.reduce((n, x) => n + (x.runs ?? 0), 0))
    })

    it('scores every set with an official value exactly as published', async () => {
      const official = new Map<string, number[]>()
      for (const f of await trainingSummaryFiles()) {
        for (const rec of (await readTrainingSummaryFile(f)).records) {
          if (rec.value === null) continue
          const key = `${rec.round}|${rec.systemId}|${rec.benchmark}`
          official.set(key, [...(official.get(key) ?? []), rec.value])
        }
      }
      let matched = 0
      for (const x of treeRows) {
        const refs = official.get(`${x.round}|${x.system_id}|${x.benchmark}`)
        if (!refs) continue
        matched++
        for (const ref of refs) {
          const rel = Math.abs((x.value ?? Number.NaN) - ref) / ref
          expect(rel, `${x.round} ${x.system_id} ${x.benchmark}`).toBeLessThanOrEqual(1e-9)
        }
      }
      // v1.0 (5 sets), v3.0 (10), v3.1 (1), v5.0 (5); v0.5–v0.7 have no official summary here.
      expect(matched).toBe(21)
    })

    it('changes nothing when the trees are imported again', async () => {
      const again = await runImport(db, [path.join(corpus, 'training')], {}, signal)
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 39, skipped: 1 })
    })

    it('imports the official training summaries without replacing any tree result', async () => {
      const files = await trainingSummaryFiles()
      // 5 submitters' result_summarizer files, the 11 tables of training_summaries/ (summary
      // and power, CSV and JSON) and the 51 CM training experiments.
      expect(files).toHaveLength(5 + 11 + 51)
      // What the import must do, from the summary reader alone: one result per key (the first
      // copy read), except those a tree result already holds (same round, system, benchmark).
      const read = await Promise.all(files.map((f) => readTrainingSummaryFile(f)))
      const all = read.flatMap((x) => x.records)
      const distinct = new Map(all.map((x) => [trainingRecordKey(x), x]))
      const onTree = new Set(treeRows.map((t) => `${t.round}|${t.system_id}|${t.benchmark}`))
      const meeting = [...distinct.values()].filter((x) =>
        onTree.has(`${x.round}|${x.systemId}|${x.benchmark}`)
      )
      // v1.0 (5 sets), v3.0 (10), v3.1 (1), v5.0 (5).
      expect(meeting).toHaveLength(21)
      const r = await runImport(db, files, {}, signal)
      // Each tree result met keeps its values and runs and stores the table row beside them.
      expect(r).toMatchObject({
        status: 'done',
        resultsFound: all.length,
        imported: distinct.size - meeting.length,
        updated: meeting.length,
        unchanged: all.length - distinct.size
      })
      expect(r.notes).toContain(
        `${all.length - distinct.size} summary row(s) repeat a result already read from another summary file in this import; the first copy was kept.`
      )
      expect(r.notes.join('\n')).toMatch(/21 summary row\(s\) matched results already imported/)
      // The only skipped items are rows without any value: the v3.1 Google row, and one row of
      // v4.0 and of v4.1 whose result files are absent from the snapshot (see SOURCES.txt).
      expect(r.skippedItems.map((x) => x.reason)).toEqual(
        Array(3).fill('The row has no benchmark value.')
      )
      expect(r.skippedItems[0]?.path).toMatch(
        /training_results_v3\.1[\\/]Google[\\/]summary\.csv:4$/
      )
      const after = rows()
      const trees = after.filter((x) => x.source_kind === 'tree')
      expect(trees.map(({ id, value }) => [id, value])).toEqual(
        treeRows.map(({ id, value }) => [id, value])
      )
      expect(after.length - trees.length).toBe(r.imported)
      const summaries = after.filter((x) => x.source_kind === 'summary')
      for (const s of summaries) {
        expect(
          trees.some(
            (t) => t.round === s.round && t.system_id === s.system_id && t.benchmark === s.benchmark
          ),
          `${s.round} ${s.system_id} ${s.benchmark}`
        ).toBe(false)
      }
      // The energy of result_summarizer's power tables reached its results (SOURCES.txt: 24
      // cells in v4.0, 1 in v4.1, 4 in v5.0).
      const energy = db
        .prepare(
          "SELECT round, count(*) AS n FROM training_results WHERE energy_value IS NOT NULL AND energy_unit = 'Joules' GROUP BY round ORDER BY round"
        )
        .all()
      expect(energy).toEqual([
        { round: 'v4.0', n: 24 },
        { round: 'v4.1', n: 1 },
        { round: 'v5.0', n: 4 }
      ])
      // Every score of the round tables has a row of its own (SOURCES.txt counts).
      const perRound = db
        .prepare(
          "SELECT round, count(*) AS n FROM training_results WHERE round IN ('v3.1','v4.0','v4.1','v5.0','v5.1') GROUP BY round ORDER BY round"
        )
        .all()
      expect(perRound).toEqual([
        { round: 'v3.1', n: 209 },
        { round: 'v4.0', n: 202 },
        { round: 'v4.1', n: 153 },
        { round: 'v5.0', n: 201 },
        { round: 'v5.1', n: 184 }
      ])
      const again = await runImport(db, files, {}, signal)
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: all.length })
    })

    it('finds the summaries in a cm4mlperf-results checkout folder by their content', async () => {
      const fresh = openDb(path.join(dir, 'cm.db'))
      const exp = path.join(corpus, 'consolidated', 'cm4mlperf-results', 'experiment')
      const folders = (await readdir(exp))
        .filter((d) => d.startsWith('mlperf-training--'))
        .map((d) => path.join(exp, d))
      const tables = (
        await Promise.all(folders.map((f) => filesUnder(f, (p) => /cm-result\.json$/.test(p))))
      ).flat()
      const r = await runImport(fresh, folders, {}, signal)
      expect(r.status).toBe('done')
      expect(r.filesRead).toBe(tables.length)
      expect(tables.length).toBeGreaterThanOrEqual(51)
      expect(r.skipped).toBe(0)
      const n = fresh.prepare('SELECT count(*) AS n FROM training_results').get() as { n: number }
      expect(n.n).toBe(r.imported)
      expect(r.imported).toBeGreaterThan(250)
      fresh.close()
    })
  }
)

const T0 = 1_700_000_000_000
const rec = (t: number, key: string, value: unknown, md: Record<string, unknown> = {}): string =>
  `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: t, event_type: 'POINT_IN_TIME', key, value, metadata: { file: 'train.py', lineno: 1, ...md } })}`

/** A resnet run of `minutes` reaching 0.76; `end` chooses how the log ends. */
function run(minutes: number, end: 'success' | 'aborted' | 'truncated' | 'no-stop'): string {
  const ms = minutes * 60_000
  const lines = [
    rec(T0 - 1000, 'submission_benchmark', 'resnet'),
    rec(T0 - 1000, 'submission_division', 'closed'),
    rec(T0, 'run_start', null),
    rec(T0 + ms / 2, 'eval_accuracy', 0.72, { epoch_num: 10 }),
    rec(T0 + ms, 'eval_accuracy', 0.76, { epoch_num: 20 })
  ]
  if (end === 'success' || end === 'aborted') {
    lines.push(rec(T0 + ms, 'run_stop', null, { status: end }))
  }
  const text = lines.join('\n') + '\n'
  // A log cut off in the middle of a record, as when a job is killed.
  return end === 'truncated' ? text + ':::MLLOG {"namespace": "", "time_ms": 17' : text
}

describe('importing the user’s own training runs', () => {
  const own = path.join(dir, 'own')
  const db = openDb(':memory:')

  beforeAll(async () => {
    const set = path.join(own, 'lab-box', 'resnet')
    await mkdir(set, { recursive: true })
    await writeFile(path.join(set, 'result_0.txt'), run(10, 'success'))
    await writeFile(path.join(set, 'result_1.txt'), run(11, 'truncated'))
    await writeFile(path.join(set, 'result_2.txt'), run(12, 'no-stop'))
    await writeFile(path.join(set, 'result_3.txt'), run(9, 'aborted'))
    await writeFile(path.join(set, 'result_4.txt'), 'epoch 1 loss 2.3\nepoch 2 loss 1.9\n')
    await writeFile(path.join(set, 'result_5.txt'), run(13, 'success'))
    const junk = path.join(own, 'junk')
    await mkdir(junk, { recursive: true })
    await writeFile(path.join(junk, 'result_0.txt'), 'not a log\n')
  })

  it('imports every readable run with a reason for each that does not count', async () => {
    const r = await runImport(db, [own], {}, signal)
    expect(r).toMatchObject({ status: 'done', resultsFound: 1, imported: 1, skipped: 1 })
    expect(r.skippedItems[0]?.path).toBe(path.join(own, 'junk'))
    expect(r.skippedItems[0]?.reason).toMatch(/None of the 1 result file\(s\) is an MLPerf/)
    const notes = r.notes.join('\n')
    for (const f of ['result_1.txt', 'result_2.txt', 'result_3.txt', 'result_4.txt']) {
      expect(notes).toMatch(new RegExp(`${f}: run \\w+ \\(.+\\), not counted in the score`))
    }
    expect(notes).toMatch(/result_3\.txt: run aborted/)
    expect(notes).toMatch(/result_4\.txt: run failed \(Unknown training log format/)
    const id = (db.prepare('SELECT id FROM training_results').get() as { id: number }).id
    const got = getTrainingResult(db, id)
    expect(got?.row).toMatchObject({
      system_id: 'lab-box',
      benchmark: 'resnet',
      runs: 6,
      aborted_runs: 1,
      valid: 0,
      value: null
    })
    // Nothing lost: every file is a run of the set, the readable ones with their evals.
    expect(got?.detail.runs.map((x) => [x.file, x.status])).toEqual([
      ['result_0.txt', 'success'],
      ['result_1.txt', 'incomplete'],
      ['result_2.txt', 'incomplete'],
      ['result_3.txt', 'aborted'],
      ['result_4.txt', 'failed'],
      ['result_5.txt', 'success']
    ])
    expect(got?.detail.runs[1]?.evals).toHaveLength(2)
    expect(got?.detail.invalidReason).toMatch(/Too many non-converging runs/)
  })

  it('imports a single log file as a one-run set of its own', async () => {
    const file = path.join(own, 'lab-box', 'resnet', 'result_0.txt')
    const r = await runImport(db, [file], {}, signal)
    expect(r).toMatchObject({ status: 'done', resultsFound: 1, imported: 1, skipped: 0 })
    const row = db
      .prepare('SELECT system_id, runs, source FROM training_results WHERE source = ?')
      .get(file)
    expect(row).toEqual({ system_id: 'lab-box/result_0.txt', runs: 1, source: file })
    // The set it came from is untouched.
    const set = db.prepare("SELECT runs FROM training_results WHERE system_id = 'lab-box'").get()
    expect(set).toEqual({ runs: 6 })
  })

  it('imports a folder holding both suites, counting both', async () => {
    const both = path.join(dir, 'both')
    await cp(path.join(repoRoot, 'test', 'fixtures', 'inference-tree'), both, { recursive: true })
    await cp(path.join(own, 'lab-box'), path.join(both, 'mine', 'lab-box'), { recursive: true })
    const fresh = openDb(':memory:')
    const r = await runImport(fresh, [both], {}, signal)
    const inference = fresh.prepare('SELECT count(*) AS n FROM inference_results').get()
    const training = fresh.prepare('SELECT count(*) AS n FROM training_results').get()
    expect(training).toEqual({ n: 1 })
    expect(inference).not.toEqual({ n: 0 })
    expect(r.imported).toBe((inference as { n: number }).n + 1)
  })

  it('stops on cancel, keeping the sets already written', async () => {
    const many = path.join(dir, 'many')
    for (let i = 0; i < 600; i++) {
      const set = path.join(many, `box-${i}`, 'resnet')
      await mkdir(set, { recursive: true })
      await writeFile(path.join(set, 'result_0.txt'), run(10, 'success'))
      await writeFile(path.join(set, 'result_1.txt'), run(11, 'success'))
    }
    const fresh = openDb(':memory:')
    const abort = new AbortController()
    const r = await runImport(
      fresh,
      [many],
      {
        progress: (p) => {
          if (p.phase === 'parsing' && p.resultsFound > 0) abort.abort()
        }
      },
      abort.signal
    )
    expect(r.status).toBe('cancelled')
    expect(r.resultsFound).toBeGreaterThan(0)
    expect(r.resultsFound).toBeLessThan(600)
    const stored = fresh.prepare('SELECT count(*) AS n FROM training_results').get()
    expect(stored).toEqual({ n: r.imported })
  })

  it('says what a file is not', async () => {
    const other = path.join(own, 'notes.txt')
    await writeFile(other, 'x')
    const r = await runImport(db, [other], {}, signal)
    expect(r.status).toBe('failed')
    expect(r.skippedItems[0]?.reason).toMatch(/a training log \(result_\*\.txt\)/)
  })
})
