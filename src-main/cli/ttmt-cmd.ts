/**
 * `mlperf-explorer ttmt <log-file-or-folder>...`: time to multiple thresholds (Verma et al.
 * 2019) of training runs straight from their logs (training.logTtmt), without a database file.
 */
import Papa from 'papaparse'
import type { LogTtmtView } from '../shared/api'
import { dispatch } from '../api/dispatch'
import { openScratchBackend } from './backend'
import type { Handler } from './commands'

function parseThresholds(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim())
  const values = parts.map(Number)
  if (parts.some((s) => s === '') || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`--thresholds must be numbers separated by commas, e.g. 0.70,0.72,0.759`)
  }
  return values
}

const cell = (v: number | null): string => (v === null ? '' : String(v))

export const ttmtCmd: Handler<'ttmt'> = async ({ positionals: paths, values: o }, io) => {
  if (paths.length === 0) {
    io.err('ttmt: give at least one training log (result_*.txt) or a folder of them\n')
    return 2
  }
  const format = o.format ?? 'csv'
  if (format !== 'csv' && format !== 'json') {
    io.err('ttmt: --format must be csv or json\n')
    return 2
  }
  if (o.direction !== undefined && o.direction !== 'higher' && o.direction !== 'lower') {
    io.err('ttmt: --direction must be higher or lower\n')
    return 2
  }
  let given: number[] | null
  try {
    given = o.thresholds === undefined ? null : parseThresholds(o.thresholds)
  } catch (e) {
    io.err(`ttmt: ${(e as Error).message}\n`)
    return 2
  }
  const backend = openScratchBackend()
  try {
    const r = await dispatch(backend.api, 'training.logTtmt', {
      paths,
      ...(given !== null ? { thresholds: given } : {}),
      ...(o.direction === 'higher' || o.direction === 'lower' ? { direction: o.direction } : {})
    })
    if (!r.ok) {
      io.err(`ttmt: ${r.error.message}\n`)
      return 1
    }
    const view = r.value as LogTtmtView
    if (view.defaultThresholds) {
      io.err(
        `ttmt: default thresholds for ${view.benchmark} (${view.targetRound ?? ''} target ${view.target ?? ''}, ${view.metric ?? ''})\n`
      )
    }
    io.out(format === 'json' ? jsonText(view) : csvText(view))
    return 0
  } finally {
    await backend.close()
  }
}

function jsonText(v: LogTtmtView): string {
  const result = v.ttmt
  const out = {
    benchmark: v.benchmark,
    // The round whose target and default ladder were used (the latest when the logs do not say).
    targetRound: v.targetRound,
    metric: v.metric,
    target: v.target,
    direction: result.direction,
    thresholds: result.thresholds,
    runs: result.runs.map((r) => ({ run: r.file, tta: r.tta, attmt: r.attmt })),
    tta: result.tta,
    attmt: result.attmt
  }
  return JSON.stringify(out, null, 2) + '\n'
}

function csvText(v: LogTtmtView): string {
  const rows = v.ttmt.runs.flatMap((r) =>
    r.thresholds.map((t, i) => [
      r.file,
      String(t),
      cell(r.tta[i] ?? null),
      cell(r.attmt[i] ?? null)
    ])
  )
  return (
    Papa.unparse(
      { fields: ['run', 'threshold', 'tta_minutes', 'attmt_minutes'], data: rows },
      { newline: '\n' }
    ) + '\n'
  )
}
