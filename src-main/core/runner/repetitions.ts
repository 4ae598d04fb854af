/**
 * Run one configuration N times (run_1 … run_N inside the output folder) and report the mean,
 * standard deviation and coefficient of variation of the headline metric, so a user can see
 * how repeatable a local result is.
 */
import { join } from 'node:path'
import type { RepetitionStats, RunResult, RunSettings } from '../../shared/local-run'
import type { LocalRunOptions } from './local-run'
import { runLocal } from './local-run'

/** Mean, sample std (n − 1) and CV of values. */
export function repetitionStats(
  values: number[],
  metricLabel: string,
  unit: RepetitionStats['unit']
): RepetitionStats {
  const n = values.length
  const mean = n > 0 ? values.reduce((a, b) => a + b, 0) / n : 0
  const std = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0
  return { runs: n, metricLabel, unit, values, mean, std, cv: mean !== 0 ? std / mean : 0 }
}

export type RepetitionsResult = { results: RunResult[]; stats: RepetitionStats | null }

/** Run `times` repetitions one after another; stops early when a run is cancelled or fails. */
export async function runRepetitions(
  settings: RunSettings,
  times: number,
  opts: LocalRunOptions & { onRunDone?: (index: number, result: RunResult) => void }
): Promise<RepetitionsResult> {
  const results: RunResult[] = []
  for (let i = 0; i < Math.max(1, times); i++) {
    const r = await runLocal(
      { ...settings, outputDir: join(settings.outputDir, `run_${i + 1}`) },
      opts
    )
    results.push(r)
    opts.onRunDone?.(i, r)
    if (r.status !== 'done' || opts.signal?.aborted) break
  }
  const done = results.filter((r) => r.status === 'done' && r.summary !== null)
  const first = done[0]?.summary
  const stats = first
    ? repetitionStats(
        done.map((r) => r.summary!.result),
        first.resultLabel,
        first.resultUnit
      )
    : null
  return { results, stats }
}
