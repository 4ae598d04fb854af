import type { Cell } from '../../shared/api'
import type {
  EvalPoint,
  TrainingResultDetail,
  TrainingResultRecord,
  TrainingRunDetail,
  TrainingRunStatus
} from '../../shared/training'
import { prepareCached } from '../db/statement-cache'
import { writeTransaction } from '../db/write-transaction'
import type { ReadonlyDb, WritableDb } from '../db/types'
import type { UpsertCounts } from './upsert-sql'
import { contentHash, upsertSql } from './upsert-sql'

const KEY_COLUMNS = ['round', 'division', 'submitter', 'system_id', 'benchmark']

/** Every stored column but the bookkeeping ones (id, content_hash, import_id). */
const INSERT_COLUMNS = [
  'round',
  'division',
  'category',
  'submitter',
  'system_id',
  'system_name',
  'accelerator',
  'accelerators_total',
  'nodes',
  'framework',
  'benchmark',
  'runs',
  'value',
  'unit',
  'scaling_factor',
  'aborted_runs',
  'rcp_normalised',
  'valid',
  'source',
  'source_kind'
] as const

type StoredRow = Record<(typeof INSERT_COLUMNS)[number], string | number | null>

/** NaN/Infinity have no place in a REAL column the table sorts on. */
function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null
}

function toRow(r: TrainingResultRecord): StoredRow {
  return {
    round: r.round,
    division: r.division,
    category: r.category,
    submitter: r.submitter,
    system_id: r.systemId,
    system_name: r.systemName,
    accelerator: r.accelerator,
    accelerators_total: finite(r.acceleratorsTotal),
    nodes: finite(r.nodes),
    framework: r.framework,
    benchmark: r.benchmark,
    runs: r.runs,
    value: finite(r.value),
    unit: r.unit,
    scaling_factor: finite(r.scalingFactor),
    aborted_runs: r.flags.abortedRuns,
    rcp_normalised: r.flags.rcpNormalised ? 1 : 0,
    valid: r.valid ? 1 : 0,
    source: r.source,
    source_kind: r.sourceKind
  }
}

const SQL = upsertSql('training_results', 'training_result_details', INSERT_COLUMNS, KEY_COLUMNS)
const FIND_SYSTEM_SQL =
  'SELECT id, source_kind FROM training_results ' +
  'WHERE system_id = @system_id AND benchmark = @benchmark AND round = @round'
const DELETE_RUNS_SQL = 'DELETE FROM training_runs WHERE result_id = ?'
const INSERT_RUN_SQL =
  'INSERT INTO training_runs (result_id, seq, file, status, minutes, converged, role, reason, ' +
  'run_final_ms, evals_json) VALUES (@result_id, @seq, @file, @status, @minutes, @converged, ' +
  '@role, @reason, @run_final_ms, @evals_json)'

type Existing = { id: number; content_hash: string; source_kind: string }

/**
 * Writes a batch in one synchronous transaction. Same key and same content → unchanged; same
 * key, new content → updated in place (its runs replaced). A summary row never replaces a
 * result read from a tree (the tree carries the run logs): it is counted as `kept`. Summaries
 * and trees may spell a submitter differently, so a summary row is also kept when a tree result
 * of the same round, system and benchmark exists, and a tree result takes over such a summary
 * row instead of sitting next to it.
 */
export function upsertTrainingResults(
  db: WritableDb,
  records: readonly TrainingResultRecord[],
  importId: number | null
): UpsertCounts {
  const counts: UpsertCounts = { imported: 0, updated: 0, unchanged: 0, kept: 0 }
  const find = prepareCached(db, SQL.find)
  const findSystem = prepareCached(db, FIND_SYSTEM_SQL)
  const insert = prepareCached(db, SQL.insert)
  const update = prepareCached(db, SQL.update)
  const detail = prepareCached(db, SQL.detail)
  const deleteRuns = prepareCached(db, DELETE_RUNS_SQL)
  const insertRun = prepareCached(db, INSERT_RUN_SQL)

  const writeRuns = (id: number | bigint, runs: readonly TrainingRunDetail[]): void => {
    deleteRuns.run(id)
    runs.forEach((r, seq) =>
      insertRun.run({
        result_id: id,
        seq,
        file: r.file,
        status: r.status,
        minutes: finite(r.minutes),
        converged: r.converged ? 1 : 0,
        role: r.role,
        reason: r.reason,
        run_final_ms: finite(r.runFinalMs),
        evals_json: JSON.stringify(r.evals)
      })
    )
  }

  writeTransaction(db, () => {
    for (const rec of records) {
      const row = toRow(rec)
      // The runs live in training_runs; the stored detail leaves them out.
      const detailJson = JSON.stringify({ ...rec.detail, runs: [] })
      // The hash covers the runs too: a changed run is a changed result.
      const hash = contentHash(row, JSON.stringify(rec.detail))
      let existing = find.get(row) as Existing | undefined
      if (!existing) {
        const sameSystem = findSystem.all(row) as { id: number; source_kind: string }[]
        if (rec.sourceKind === 'summary' && sameSystem.some((s) => s.source_kind === 'tree')) {
          counts.kept++
          continue
        }
        const summaryRow = sameSystem.length === 1 ? sameSystem[0] : undefined
        if (rec.sourceKind === 'tree' && summaryRow?.source_kind === 'summary') {
          existing = { id: summaryRow.id, content_hash: '', source_kind: 'summary' }
        }
      }
      if (!existing) {
        const id = insert.run({ ...row, content_hash: hash, import_id: importId }).lastInsertRowid
        detail.run(id, detailJson)
        writeRuns(id, rec.detail.runs)
        counts.imported++
      } else if (existing.source_kind === 'tree' && rec.sourceKind === 'summary') {
        counts.kept++
      } else if (existing.content_hash === hash) {
        counts.unchanged++
      } else {
        update.run({ ...row, content_hash: hash, import_id: importId, id: existing.id })
        detail.run(existing.id, detailJson)
        writeRuns(existing.id, rec.detail.runs)
        counts.updated++
      }
    }
  })
  return counts
}

/** Re-indexes full-text search once after a batch of writes. */
export function rebuildTrainingFts(db: WritableDb): void {
  db.prepare(`INSERT INTO training_results_fts(training_results_fts) VALUES ('rebuild')`).run()
}

export function countTrainingResults(db: ReadonlyDb): number {
  return (prepareCached(db, 'SELECT count(*) AS n FROM training_results').get() as { n: number }).n
}

type RunRow = {
  file: string
  status: string
  minutes: number | null
  converged: number
  role: string
  reason: string | null
  run_final_ms: number | null
  evals_json: string
}

/** The runs of a set in run order, with their eval series (no log is read). */
export function getTrainingRuns(db: ReadonlyDb, id: number): TrainingRunDetail[] {
  const rows = prepareCached(
    db,
    'SELECT file, status, minutes, converged, role, reason, run_final_ms, evals_json ' +
      'FROM training_runs WHERE result_id = ? ORDER BY seq'
  ).all(id) as RunRow[]
  return rows.map((r) => ({
    file: r.file,
    status: r.status as TrainingRunStatus,
    minutes: r.minutes,
    converged: r.converged === 1,
    reason: r.reason,
    role: r.role as TrainingRunDetail['role'],
    evals: JSON.parse(r.evals_json) as EvalPoint[],
    runFinalMs: r.run_final_ms
  }))
}

/** One row (table columns) plus its detail with the runs put back, or null. */
export function getTrainingResult(
  db: ReadonlyDb,
  id: number
): { row: Record<string, Cell>; detail: TrainingResultDetail } | null {
  const row = prepareCached(
    db,
    'SELECT r.*, d.detail_json FROM training_results r ' +
      'LEFT JOIN training_result_details d ON d.result_id = r.id WHERE r.id = ?'
  ).get(id) as (Record<string, Cell> & { detail_json: string | null }) | undefined
  if (!row) return null
  const { detail_json, content_hash: _h, import_id: _i, ...cells } = row
  const stored = JSON.parse(detail_json ?? 'null') as TrainingResultDetail | null
  const detail: TrainingResultDetail = {
    system: {},
    notes: [],
    invalidReason: null,
    target: null,
    direction: null,
    runsRequired: null,
    unscaledValue: null,
    detailsUrl: null,
    ...stored,
    runs: getTrainingRuns(db, id)
  }
  return { row: cells, detail }
}
