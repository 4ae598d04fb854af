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

type Statement = ReturnType<typeof prepareCached>

/** The statements one batch uses, prepared once per database. */
type Statements = {
  db: WritableDb
  find: Statement
  findSystem: Statement
  stored: Statement
  insert: Statement
  update: Statement
  detail: Statement
  deleteRuns: Statement
  insertRun: Statement
}

function statements(db: WritableDb): Statements {
  return {
    db,
    find: prepareCached(db, SQL.find),
    findSystem: prepareCached(db, FIND_SYSTEM_SQL),
    stored: prepareCached(db, STORED_SQL),
    insert: prepareCached(db, SQL.insert),
    update: prepareCached(db, SQL.update),
    detail: prepareCached(db, SQL.detail),
    deleteRuns: prepareCached(db, DELETE_RUNS_SQL),
    insertRun: prepareCached(db, INSERT_RUN_SQL)
  }
}

/**
 * The stored result a record meets: the one with its key, else (summaries and trees may spell
 * a submitter differently) a tree result of the same round, system and benchmark for a summary
 * row, or the only stored row of that system, when it is a summary row, for a tree result.
 */
function findExisting(s: Statements, rec: TrainingResultRecord, row: StoredRow): Existing | null {
  const byKey = s.find.get(row) as Existing | undefined
  if (byKey) return byKey
  const sameSystem = s.findSystem.all(row) as Existing[]
  const tree = sameSystem.find((x) => x.source_kind === 'tree')
  let existing: Existing | undefined
  if (rec.sourceKind === 'summary' && tree) existing = tree
  const summaryRow = sameSystem.length === 1 ? sameSystem[0] : undefined
  if (rec.sourceKind === 'tree' && summaryRow?.source_kind === 'summary') existing = summaryRow
  return existing ?? null
}

/** Replaces a result's runs (in training_runs, with their eval series). */
function writeRuns(s: Statements, id: number | bigint, runs: readonly TrainingRunDetail[]): void {
  s.deleteRuns.run(id)
  runs.forEach((r, seq) =>
    s.insertRun.run({
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

function storedRow(s: Statements, id: number): { row: StoredRow; detail: TrainingResultDetail } {
  const { detail_json, ...cells } = s.stored.get(id) as Row & { detail_json: string | null }
  return {
    row: ordered(cells),
    detail: JSON.parse(detail_json ?? 'null') as TrainingResultDetail
  }
}

/** Where a write goes and under which import. */
type Target = { importId: number | null; origin: Origin }

/**
 * Writes a result with its runs: inserted (no id) or over a stored one. The runs live in
 * training_runs, so the stored detail leaves them out; the hash covers them too (a changed run
 * is a changed result).
 */
function writeResult(
  s: Statements,
  row: StoredRow,
  detail: TrainingResultDetail,
  hash: string,
  to: Target & { id?: number }
): void {
  const cells = { ...row, content_hash: hash, import_id: to.importId, origin: to.origin }
  const detailJson = JSON.stringify({ ...detail, runs: [] })
  const id = to.id ?? s.insert.run(cells).lastInsertRowid
  if (to.id !== undefined) s.update.run({ ...cells, id: to.id })
  s.detail.run(id, detailJson)
  writeRuns(s, id, detail.runs)
}

function recordHash(row: StoredRow, detail: TrainingResultDetail): string {
  return contentHash(hashedRow(row), JSON.stringify(detail))
}

/**
 * A summary row meeting a stored tree result: the logs' values and runs stay; the table may add
 * what the logs lack, and is compared with them. The row keeps its origin and its runs.
 */
function tableIntoStoredLogs(
  s: Statements,
  rec: TrainingResultRecord,
  existing: Existing,
  importId: number | null,
  counts: UpsertCounts
): void {
  counts.kept++
  const current = storedRow(s, existing.id)
  const table = snapshotOf(toRow(rec), tableNotes(rec.detail))
  const label = resultLabel(current.row)
  const merged = mergeIntoLogs(current.row, current.detail, table, MERGE, counts, label)
  const mergedRow = ordered(merged.row)
  const detailJson = JSON.stringify(merged.detail)
  const same = JSON.stringify(mergedRow) === JSON.stringify(current.row)
  if (same && detailJson === JSON.stringify(current.detail)) {
    counts.unchanged++
    return
  }
  const runs = getTrainingRuns(s.db, existing.id)
  const hash = contentHash(hashedRow(mergedRow), JSON.stringify({ ...merged.detail, runs }))
  const cells = { ...mergedRow, content_hash: hash, import_id: importId }
  s.update.run({ ...cells, origin: existing.origin, id: existing.id })
  s.detail.run(existing.id, detailJson)
  counts.updated++
}

/**
 * A tree result over a stored row: it keeps what only a table knows (the stored summary row's,
 * or the table row the stored result already carries) and is compared with it.
 */
function logsOverStoredTable(
  s: Statements,
  rec: TrainingResultRecord,
  existing: Existing,
  counts: UpsertCounts
): { row: StoredRow; detail: TrainingResultDetail } {
  const row = toRow(rec)
  const current = storedRow(s, existing.id)
  const table =
    existing.source_kind === 'summary'
      ? snapshotOf(current.row, tableNotes(current.detail))
      : current.detail.officialTable
  if (!table) return { row, detail: rec.detail }
  const merged = mergeIntoLogs(row, rec.detail, table, MERGE, counts, resultLabel(row))
  return { row: ordered(merged.row), detail: merged.detail }
}

/** One record of a batch: inserted, updated in place, or unchanged (same content hash). */
function upsertOne(
  s: Statements,
  rec: TrainingResultRecord,
  to: Target,
  counts: UpsertCounts
): void {
  const existing = findExisting(s, rec, toRow(rec))
  if (existing === null) {
    writeResult(s, toRow(rec), rec.detail, recordHash(toRow(rec), rec.detail), to)
    counts.imported++
    return
  }
  if (existing.source_kind === 'tree' && rec.sourceKind === 'summary') {
    tableIntoStoredLogs(s, rec, existing, to.importId, counts)
    return
  }
  const w =
    rec.sourceKind === 'tree'
      ? logsOverStoredTable(s, rec, existing, counts)
      : { row: toRow(rec), detail: rec.detail }
  const hash = recordHash(w.row, w.detail)
  if (existing.content_hash === hash) {
    counts.unchanged++
    return
  }
  writeResult(s, w.row, w.detail, hash, { ...to, id: existing.id })
  counts.updated++
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
  const s = statements(db)
  writeTransaction(db, () => {
    for (const rec of records) upsertOne(s, rec, { importId, origin }, counts)
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
