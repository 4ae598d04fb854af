/**
 * A result folder's LoadGen logs: each performance/run_N folder's summary and detail log,
 * parsed, and what the rest of the reader asks of a run (is its summary usable, which seeds,
 * scenario and validity it logged). The detail log wins over the summary where both say it:
 * it carries the exact values the checker reads.
 */
import path from 'node:path'
import type { LegacyDetail } from './legacy-detail'
import { isLegacyDetailText, parseLegacyDetail } from './legacy-detail'
import type { MllogDetail } from './mllog-detail'
import { decodeDetailLog, isMllogText, mllogIntegerText } from './mllog-detail'
import { parseMllogDetailSliced } from './mllog-sliced'
import { listDirs, readBytes, readText } from './result-io'
import type { SummaryLog, SummaryScenario } from './summary-log'
import { normaliseScenario, parseSummaryLog, summaryValue } from './summary-log'
import type { ResultLocation } from './tree-scan'

/** A logged run's parsed files. */
export type RunLogs = {
  name: string
  dir: string
  summaryPath: string
  summaryText: string | null
  summary: SummaryLog | null
  detailPath: string
  detailText: string | null
  /** Size on disk (the text leaves out the bulky sample indices). */
  detailBytes: number | null
  mllog: MllogDetail | null
  legacy: LegacyDetail | null
}

async function readRun(perfDir: string, name: string): Promise<RunLogs> {
  const dir = path.join(perfDir, name)
  const summaryPath = path.join(dir, 'mlperf_log_summary.txt')
  const detailPath = path.join(dir, 'mlperf_log_detail.txt')
  const summaryText = await readText(summaryPath)
  const detailBytes = await readBytes(detailPath)
  const detailText = detailBytes === null ? null : decodeDetailLog(detailBytes)
  let mllog: MllogDetail | null = null
  let legacy: LegacyDetail | null = null
  if (detailText !== null) {
    // A large log is parsed in slices that let the event loop turn (mllog-sliced.ts).
    if (isMllogText(detailText)) mllog = await parseMllogDetailSliced(detailText)
    else if (isLegacyDetailText(detailText)) legacy = parseLegacyDetail(detailText)
  }
  return {
    name,
    dir,
    summaryPath,
    summaryText,
    summary: summaryText === null ? null : parseSummaryLog(summaryText),
    detailPath,
    detailText,
    detailBytes: detailBytes?.length ?? null,
    mllog,
    legacy
  }
}

const RUN_ORDER = (a: string, b: string): number =>
  Number(a.replace('run_', '')) - Number(b.replace('run_', ''))

/** The run_N folder names of a result, in run order (run_2 before run_10). */
export async function runNamesOf(loc: ResultLocation): Promise<string[]> {
  const names = loc.runNames ?? (await listDirs(path.join(loc.dir, 'performance')))
  return names.filter((d) => /^run_\d+$/.test(d)).sort(RUN_ORDER)
}

/** Every run of a result, read; `filesRead` counts the logs found. */
export async function readRuns(
  loc: ResultLocation,
  names: readonly string[]
): Promise<{ runs: RunLogs[]; filesRead: number }> {
  const perfDir = path.join(loc.dir, 'performance')
  const runs = await Promise.all(names.map((n) => readRun(perfDir, n)))
  let filesRead = 0
  for (const r of runs) {
    filesRead += (r.summaryText !== null ? 1 : 0) + (r.detailText !== null ? 1 : 0)
  }
  return { runs, filesRead }
}

/** Why a summary cannot be used, or null when it is usable. */
export function summaryProblem(run: RunLogs): string | null {
  if (run.summaryText === null) return `${run.name}/mlperf_log_summary.txt is missing.`
  const s = run.summary
  if (s === null || s.scenario === null) {
    return `${run.name}/mlperf_log_summary.txt has no recognisable "Scenario" line (empty or not a LoadGen summary).`
  }
  if (s.validity === null || s.headline === null) {
    return `${run.name}/mlperf_log_summary.txt is truncated: the result line or "Result is" line is missing.`
  }
  return null
}

export type Seeds = { qsl?: string; sampleIndex?: string; schedule?: string }

/** Exact seed texts from the detail log, or the summary's Test Parameters. */
export function seedsOf(run: RunLogs): Seeds {
  const v = run.mllog?.values
  const out: Seeds = {}
  const pick = (key: string, label: string): string | undefined => {
    const fromDetail = v ? mllogIntegerText(v.get(key)) : null
    if (fromDetail !== null) return fromDetail
    const fromLegacy = run.legacy?.effective[label]
    if (fromLegacy !== undefined && /^\d+$/.test(fromLegacy)) return fromLegacy
    const fromSummary = run.summary ? summaryValue(run.summary, label, 'testParameters') : null
    return fromSummary !== null && /^\d+$/.test(fromSummary) ? fromSummary : undefined
  }
  const q = pick('effective_qsl_rng_seed', 'qsl_rng_seed')
  const s = pick('effective_sample_index_rng_seed', 'sample_index_rng_seed')
  const c = pick('effective_schedule_rng_seed', 'schedule_rng_seed')
  if (q !== undefined) out.qsl = q
  if (s !== undefined) out.sampleIndex = s
  if (c !== undefined) out.schedule = c
  return out
}

/** The LoadGen version the run logged (detail log first), or null. */
export function loadgenVersionOf(run: RunLogs): string | null {
  const v = run.mllog?.values.get('loadgen_version')
  return (typeof v === 'string' ? v : null) ?? run.legacy?.loadgenVersion ?? null
}

/** The scenario LoadGen ran (the detail log's, else the summary's), or null. */
export function logScenarioOf(run: RunLogs): SummaryScenario | null {
  const eff = run.mllog?.values.get('effective_scenario')
  return (typeof eff === 'string' ? normaliseScenario(eff) : null) ?? run.summary?.scenario ?? null
}

/** Whether LoadGen called the run valid (null: it does not say). */
export function runValidity(run: RunLogs): boolean | null {
  const v = run.mllog?.values.get('result_validity')
  if (typeof v === 'string') return v === 'VALID'
  return run.summary?.validity === null || run.summary === null
    ? null
    : run.summary.validity === 'VALID'
}
