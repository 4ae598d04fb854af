/**
 * The local_runs table: one row per run (each repetition of a job is a run). A row is written
 * as `running` when the run starts and completed with its RunResult when it ends.
 */
import type { LocalRunMode, LocalScenario, RunResult, RunStatus } from '../../shared/local-run'
import type { LocalRunState, LocalRunSummary } from '../../shared/local-run-views'
import { prepareCached } from '../db/statement-cache'
import { processAlive } from './process-alive'
import type { ReadonlyDb, WritableDb } from '../db/types'

export type NewLocalRun = {
  runKey: string
  jobId: string
  repetition: number
  repetitions: number
  benchmark: string
  scenario: LocalScenario
  mode: LocalRunMode
  modelPath: string
  runDir: string
  startedAt: string
  settingsJson: string
}

export type FinishedLocalRun = {
  status: RunStatus
  reason: string | null
  finishedAt: string
  valid: boolean | null
  value: number | null
  unit: string | null
  metric: string | null
  accuracy: number | null
  resultId: number | null
  result: RunResult
}

type Row = {
  id: number
  run_key: string
  job_id: string
  repetition: number
  repetitions: number
  status: string
  reason: string | null
  benchmark: string
  scenario: string
  mode: string
  model_path: string
  run_dir: string
  started_at: string
  finished_at: string | null
  valid: number | null
  value: number | null
  unit: string | null
  accuracy: number | null
  result_id: number | null
}

const SUMMARY_COLUMNS =
  'id, run_key, job_id, repetition, repetitions, status, reason, benchmark, scenario, mode, ' +
  'model_path, run_dir, started_at, finished_at, valid, value, unit, accuracy, result_id'

function toSummary(r: Row): LocalRunSummary {
  return {
    id: r.id,
    runKey: r.run_key,
    jobId: r.job_id,
    repetition: r.repetition,
    repetitions: r.repetitions,
    status: r.status as LocalRunState,
    reason: r.reason,
    benchmark: r.benchmark,
    scenario: r.scenario as LocalScenario,
    mode: r.mode as LocalRunMode,
    modelPath: r.model_path,
    runDir: r.run_dir,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    valid: r.valid === null ? null : r.valid !== 0,
    value: r.value,
    unit: r.unit,
    accuracy: r.accuracy,
    resultId: r.result_id
  }
}

export function insertLocalRun(db: WritableDb, run: NewLocalRun): number {
  const info = prepareCached(
    db,
    `INSERT INTO local_runs (run_key, job_id, repetition, repetitions, status, benchmark,
       scenario, mode, model_path, run_dir, started_at, owner_pid, settings_json)
     VALUES (@runKey, @jobId, @repetition, @repetitions, 'running', @benchmark, @scenario, @mode,
       @modelPath, @runDir, @startedAt, @ownerPid, @settingsJson)`
  ).run({ ...run, ownerPid: process.pid })
  return Number(info.lastInsertRowid)
}

export function finishLocalRun(db: WritableDb, id: number, f: FinishedLocalRun): void {
  prepareCached(
    db,
    `UPDATE local_runs SET status = @status, reason = @reason, finished_at = @finishedAt,
       valid = @valid, value = @value, unit = @unit, metric = @metric, accuracy = @accuracy,
       result_id = @resultId, result_json = @resultJson, run_dir = @runDir
     WHERE id = @id`
  ).run({
    id,
    status: f.status,
    reason: f.reason,
    finishedAt: f.finishedAt,
    valid: f.valid === null ? null : f.valid ? 1 : 0,
    value: f.value,
    unit: f.unit,
    metric: f.metric,
    accuracy: f.accuracy,
    resultId: f.resultId,
    resultJson: JSON.stringify(f.result),
    runDir: f.result.runDir
  })
}

/**
 * Runs left `running` by a process that stopped mid-run (the app closed or crashed, a CLI run
 * was killed) can never finish: mark them failed so the list does not show them as going
 * forever. A run another live process (the CLI beside the app) is carrying out is left alone.
 */
export function failStaleRuns(db: WritableDb, reason: string, at: string): number {
  const running = prepareCached(
    db,
    `SELECT id, owner_pid FROM local_runs WHERE status = 'running'`
  ).all() as { id: number; owner_pid: number | null }[]
  const fail = prepareCached(
    db,
    `UPDATE local_runs SET status = 'failed', reason = ?, finished_at = ? WHERE id = ?`
  )
  let n = 0
  for (const r of running) {
    if (r.owner_pid !== null && r.owner_pid !== process.pid && processAlive(r.owner_pid)) continue
    n += fail.run(reason, at, r.id).changes
  }
  return n
}

/** Newest first. */
export function listLocalRuns(db: ReadonlyDb, limit = 1000): LocalRunSummary[] {
  const rows = prepareCached(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM local_runs ORDER BY started_at DESC, id DESC LIMIT ?`
  ).all(limit) as Row[]
  return rows.map(toSummary)
}

export type StoredLocalRun = {
  summary: LocalRunSummary
  metric: string | null
  result: RunResult | null
}

export function getLocalRun(db: ReadonlyDb, id: number): StoredLocalRun | null {
  const row = prepareCached(
    db,
    `SELECT ${SUMMARY_COLUMNS}, metric, result_json FROM local_runs WHERE id = ?`
  ).get(id) as (Row & { metric: string | null; result_json: string | null }) | undefined
  if (!row) return null
  return {
    summary: toSummary(row),
    metric: row.metric,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as RunResult)
  }
}

/** The runs of one job, in repetition order. */
export function jobRuns(db: ReadonlyDb, jobId: string): StoredLocalRun[] {
  const rows = prepareCached(
    db,
    `SELECT ${SUMMARY_COLUMNS}, metric, result_json FROM local_runs WHERE job_id = ?
     ORDER BY repetition`
  ).all(jobId) as (Row & { metric: string | null; result_json: string | null })[]
  return rows.map((row) => ({
    summary: toSummary(row),
    metric: row.metric,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as RunResult)
  }))
}

/**
 * The folder of the latest finished accuracy run of a model for a benchmark: its accuracy.txt
 * goes with later performance runs of the same model, as accuracy/ goes with performance/ in
 * a submission.
 */
export function latestAccuracyRunDir(
  db: ReadonlyDb,
  modelPath: string,
  benchmark: string
): { runKey: string; runDir: string } | null {
  const row = prepareCached(
    db,
    `SELECT run_key, run_dir FROM local_runs
     WHERE model_path = ? AND benchmark = ? AND mode = 'AccuracyOnly' AND status = 'done'
     ORDER BY started_at DESC, id DESC LIMIT 1`
  ).get(modelPath, benchmark) as { run_key: string; run_dir: string } | undefined
  return row ? { runKey: row.run_key, runDir: row.run_dir } : null
}
