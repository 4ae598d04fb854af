/**
 * The settings and statistics of the detail panel, from the official run's logs: the detail
 * log's effective_/requested_ settings and result statistics when it is an MLLOG log; else the
 * legacy log's settings and the summary's lines (test parameters, per-query and interval
 * statistics, early-stopping estimates).
 */
import type { MllogValue } from './mllog-detail'
import type { RunLogs } from './result-logs'

export type DetailValue = string | number | boolean | null
type Values = Record<string, DetailValue>

function scalar(v: MllogValue | undefined): DetailValue {
  if (v === undefined) return null
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  return JSON.stringify(v)
}

/** A label as a settings key: "Min duration (ms)" → "min_duration_ms". */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(([^)]*)\)/g, '$1')
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** Whether an MLLOG key is a statistic of the run (results, early stopping, errors, power). */
function isStatisticKey(k: string): boolean {
  return (
    k.startsWith('result_') ||
    k.startsWith('early_stopping_') ||
    k === 'num_errors' ||
    k.startsWith('generated_') ||
    k === 'power_begin' ||
    k === 'power_end'
  )
}

function fromMllog(values: ReadonlyMap<string, MllogValue>, settings: Values, statistics: Values) {
  for (const [k, v] of values) {
    if (k.startsWith('effective_') || k.startsWith('requested_')) settings[k] = scalar(v)
    else if (isStatisticKey(k)) statistics[k] = scalar(v)
  }
}

/** The statistics key of a summary line (per-query and interval lines say so). */
function summaryKey(section: string, label: string): string {
  if (section === 'perQuery') return `per-query ${label}`
  if (section === 'intervals') return `interval ${label}`
  return label
}

/** The summary's lines: test parameters as settings, the rest (not the header) as statistics. */
function fromSummary(run: RunLogs, settings: Values, statistics: Values): void {
  for (const e of run.summary?.entries ?? []) {
    if (e.section === 'testParameters') {
      if (!(e.label in settings)) settings[e.label] = e.value
    } else if (e.section !== 'header' || !['SUT name', 'Scenario', 'Mode'].includes(e.label)) {
      const key = summaryKey(e.section, e.label)
      if (!(key in statistics)) statistics[key] = e.value
    }
  }
  for (const b of run.summary?.earlyStopping ?? []) {
    const prefix = b.name === '' ? 'early stopping' : `${b.name} early stopping`
    for (const [p, v] of Object.entries(b.estimates))
      statistics[`${prefix} ${p}th percentile estimate (ns)`] = v
  }
}

/** Settings and statistics for the detail panel. */
export function settingsAndStatistics(run: RunLogs): { settings: Values; statistics: Values } {
  const settings: Values = {}
  const statistics: Values = {}
  if (run.mllog) {
    fromMllog(run.mllog.values, settings, statistics)
    return { settings, statistics }
  }
  if (run.legacy) {
    for (const [k, v] of Object.entries(run.legacy.effective)) settings[`effective_${slug(k)}`] = v
    for (const [k, v] of Object.entries(run.legacy.requested)) settings[`requested_${slug(k)}`] = v
  }
  fromSummary(run, settings, statistics)
  return { settings, statistics }
}
