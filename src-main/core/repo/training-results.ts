import type { Cell } from '../../shared/api'
import type {
  EvalPoint,
  TrainingResultDetail,
  TrainingResultRecord,
  TrainingRunDetail,
  TrainingRunStatus
} from '../../shared/training'
import type { Origin } from '../../shared/catalogue'
import { prepareCached } from '../db/statement-cache'
import { writeTransaction } from '../db/write-transaction'
import type { ReadonlyDb, WritableDb } from '../db/types'
import type { MergeSpec, Row } from './table-merge'
import { fillGaps, mergeIntoLogs, snapshotOf } from './table-merge'
import type { UpsertCounts } from './upsert-sql'
import { contentHash, emptyCounts, upsertSql } from './upsert-sql'

export const TRAINING_KEY_COLUMNS = ['round', 'division', 'submitter', 'system_id', 'benchmark']

/** Every stored column but the bookkeeping ones (id, content_hash, import_id). */
export const TRAINING_STORED_COLUMNS = [
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
  'source_kind',
  'energy_value',
  'energy_unit'
] as const

type StoredRow = Record<(typeof TRAINING_STORED_COLUMNS)[number], string | number | null>

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
    source_kind: r.sourceKind,
    energy_value: finite(r.energyValue ?? null),
    energy_unit:
      r.energyValue === null || r.energyValue === undefined ? null : (r.energyUnit ?? null)
  }
}

/**
 * The row as hashed: the energy columns (migration 0061) only when set, so that every result
 * stored before they existed keeps its hash and re-imports as unchanged.
 */
function hashedRow(row: StoredRow): Partial<StoredRow> {
  if (row.energy_value !== null || row.energy_unit !== null) return row
  const { energy_value: _v, energy_unit: _u, ...rest } = row
  return rest
}

const SQL = upsertSql(
  'training_results',
  'training_result_details',
  TRAINING_STORED_COLUMNS,
  TRAINING_KEY_COLUMNS
)
const FIND_SYSTEM_SQL =
  'SELECT id, content_hash, source_kind, origin FROM training_results ' +
  'WHERE system_id = @system_id AND benchmark = @benchmark AND round = @round'
const STORED_SQL =
  `SELECT ${TRAINING_STORED_COLUMNS.join(', ')}, d.detail_json FROM training_results r ` +
  'LEFT JOIN training_result_details d ON d.result_id = r.id WHERE r.id = ?'
const DELETE_RUNS_SQL = 'DELETE FROM training_runs WHERE result_id = ?'
const INSERT_RUN_SQL =
  'INSERT INTO training_runs (result_id, seq, file, status, minutes, converged, role, reason, ' +
  'run_final_ms, evals_json) VALUES (@result_id, @seq, @file, @status, @minutes, @converged, ' +
  '@role, @reason, @run_final_ms, @evals_json)'

type Existing = { id: number; content_hash: string; source_kind: string; origin: string }

/** What a summary row gives a result scored from its logs (see table-merge.ts). */
const MERGE: MergeSpec = {
  fill: {
    category: 'availability',
    system_name: 'system name',
    accelerator: 'accelerator',
    accelerators_total: 'accelerators',
    nodes: 'nodes',
    framework: 'software',
    energy_value: 'energy'
  },
  pairs: { energy_value: 'energy_unit' },
  compare: [
    { column: 'value', unit: 'unit', label: 'the score' },
    { column: 'energy_value', unit: 'energy_unit', label: 'the energy' }
  ]
}

/** The row in TRAINING_STORED_COLUMNS order (the content hash depends on key order). */
function ordered(row: Row): StoredRow {
  const out = {} as StoredRow
  for (const c of TRAINING_STORED_COLUMNS) out[c] = row[c] ?? null
  return out
}

function resultLabel(row: Row): string {
  return [row.round, row.division, row.submitter, row.system_id, row.benchmark].join(' ')
}

function tableNotes(detail: TrainingResultDetail): string | null {
  const n = detail.system['notes']
  return typeof n === 'string' && n.trim() !== '' ? n : null
}

/**
 * Writes a batch in one synchronous transaction. Same key and same content → unchanged; same
 * key, new content → updated in place (its runs replaced). Logs win over tables: a summary row
 * never replaces a result read from a tree (the tree carries the run logs; counted as `kept`),
 * and a tree result that replaces or meets a summary row keeps what only the table knows and is
 * compared with it (see table-merge.ts). Summaries and trees may spell a submitter differently,
 * so a summary row also meets a tree result of the same round, system and benchmark, and a tree
 * result takes over such a summary row instead of sitting next to it.
 */
export function upsertTrainingResults(
  db: WritableDb,
  records: readonly TrainingResultRecord[],
  importId: number | null,
  origin: Origin = 'imported'
): UpsertCounts {
  const counts = emptyCounts()
  const find = prepareCached(db, SQL.find)
  const findSystem = prepareCached(db, FIND_SYSTEM_SQL)
  const stored = prepareCached(db, STORED_SQL)
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
  const storedRow = (id: number): { row: StoredRow; detail: TrainingResultDetail } => {
    const { detail_json, ...cells } = stored.get(id) as Row & { detail_json: string | null }
    return {
      row: ordered(cells),
      detail: JSON.parse(detail_json ?? 'null') as TrainingResultDetail
    }
  }
  writeTransaction(db, () => {
    for (const rec of records) {
      let row = toRow(rec)
      let recDetail: TrainingResultDetail = rec.detail
      let existing = find.get(row) as Existing | undefined
      if (!existing) {
        const sameSystem = findSystem.all(row) as Existing[]
        const tree = sameSystem.find((s) => s.source_kind === 'tree')
        if (rec.sourceKind === 'summary' && tree) existing = tree
        const summaryRow = sameSystem.length === 1 ? sameSystem[0] : undefined
        if (rec.sourceKind === 'tree' && summaryRow?.source_kind === 'summary') {
          existing = summaryRow
        }
      }
      if (!existing) {
        // The runs live in training_runs; the stored detail leaves them out.
        const detailJson = JSON.stringify({ ...recDetail, runs: [] })
        // The hash covers the runs too: a changed run is a changed result.
        const hash = contentHash(hashedRow(row), JSON.stringify(recDetail))
        const id = insert.run({
          ...row,
          content_hash: hash,
          import_id: importId,
          origin
        }).lastInsertRowid
        detail.run(id, detailJson)
        writeRuns(id, recDetail.runs)
        counts.imported++
        continue
      }
      if (existing.source_kind === 'tree' && rec.sourceKind === 'summary') {
        // The logs' values and runs stay; the table may add what the logs lack, and is compared.
        counts.kept++
        const current = storedRow(existing.id)
        const merged = mergeIntoLogs(
          current.row,
          current.detail,
          snapshotOf(row, tableNotes(rec.detail)),
          MERGE,
          counts,
          resultLabel(current.row)
        )
        const mergedRow = ordered(merged.row)
        const detailJson = JSON.stringify(merged.detail)
        if (
          JSON.stringify(mergedRow) === JSON.stringify(current.row) &&
          detailJson === JSON.stringify(current.detail)
        ) {
          counts.unchanged++
          continue
        }
        const runs = getTrainingRuns(db, existing.id)
        const hash = contentHash(hashedRow(mergedRow), JSON.stringify({ ...merged.detail, runs }))
        update.run({
          ...mergedRow,
          content_hash: hash,
          import_id: importId,
          origin: existing.origin,
          id: existing.id
        })
        detail.run(existing.id, detailJson)
        counts.updated++
        continue
      }
      if (rec.sourceKind === 'tree') {
        const current = storedRow(existing.id)
        const table =
          existing.source_kind === 'summary'
            ? snapshotOf(current.row, tableNotes(current.detail))
            : current.detail.officialTable
        if (table) {
          const merged = mergeIntoLogs(row, rec.detail, table, MERGE, counts, resultLabel(row))
          row = ordered(merged.row)
          recDetail = merged.detail
        }
      }
      const hash = contentHash(hashedRow(row), JSON.stringify(recDetail))
      if (existing.content_hash === hash) {
        counts.unchanged++
        continue
      }
      update.run({ ...row, content_hash: hash, import_id: importId, origin, id: existing.id })
      detail.run(existing.id, JSON.stringify({ ...recDetail, runs: [] }))
      writeRuns(existing.id, recDetail.runs)
      counts.updated++
    }
  })
  return counts
}

/**
 * Fills what stored summary rows lack from further copies of the same results read in the same
 * import (e.g. the energy of result_summarizer's power table); see fillGaps.
 */
export function fillTrainingSummaryGaps(
  db: WritableDb,
  copies: readonly TrainingResultRecord[]
): number {
  return db.transaction(() =>
    fillGaps(db, 'training_results', TRAINING_KEY_COLUMNS, MERGE, copies.map(toRow))
  )()
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
