/**
 * The energy of a training power submission, as mlperf_logging's result_summarizer computes it
 * (`_compute_total_power`, `_compute_power_node`, `_compute_power_sw`, `_index_olympic_average`;
 * rules D.4 step 5). A set with a `power/` folder holds, per run, `power/<result_N>/node_*.txt`
 * (MLLOG power_measurement_start, power_reading in watts, power_measurement_stop,
 * conversion_eff) and `sw_*.txt` (interconnect_power_est, conversion_eff):
 *  - node energy = conversion_eff × Σ(reading × ms since the previous reading) × time to train
 *    ÷ (power_measurement_stop − power_measurement_start) ÷ 1000 (joules; readings are summed in
 *    time order from power_measurement_start until power_measurement_stop, which is the last
 *    reading when it is missing);
 *  - switch energy = conversion_eff × interconnect_power_est × time to train ÷ 1000;
 *  - a run's energy is the sum over its node and switch files; the set's energy is the olympic
 *    average of the converged runs' energies ordered by their time to train, × scaling.json.
 * The arithmetic keeps the summarizer's operation order.
 */
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { LogRecord } from './log-line'
import { parseLogLines } from './log-line'

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** _compute_power_node: joules of one node over a run of `timeToTrainMs`. */
export function nodeEnergy(records: readonly LogRecord[], timeToTrainMs: number): number {
  let prev = 0
  let last = 0
  let start = 0
  let stop = 0
  let agg = 0
  let eff = 1.0
  let startFound = false
  let stopFound = false
  // Python's list.sort is stable; so is Array.prototype.sort.
  const sorted = [...records].sort((a, b) => a.timeMs - b.timeMs)
  for (const r of sorted) {
    if (r.key === 'power_measurement_start') {
      start = r.timeMs
      prev = r.timeMs
      startFound = true
    }
    if (r.key === 'power_reading' && !stopFound && startFound) {
      agg += (num(r.value) ?? Number.NaN) * (r.timeMs - prev)
      prev = r.timeMs
      last = Math.max(last, r.timeMs)
    }
    if (r.key === 'power_measurement_stop') {
      stop = r.timeMs
      stopFound = true
    }
    if (r.key === 'conversion_eff') eff = num(r.value) ?? Number.NaN
  }
  if (!startFound) throw new Error('power_measurement_start not logged')
  if (!stopFound) stop = last
  return (eff * agg * timeToTrainMs) / (stop - start) / 1000
}

/** _compute_power_sw: joules of one switch over a run of `timeToTrainMs`. */
export function switchEnergy(records: readonly LogRecord[], timeToTrainMs: number): number {
  let agg = 0
  let eff = 1.0
  for (const r of records) {
    if (r.key === 'conversion_eff') eff = num(r.value) ?? Number.NaN
    if (r.key === 'interconnect_power_est') {
      agg = num(r.value) ?? Number.NaN
      break
    }
  }
  return (eff * agg * timeToTrainMs) / 1000
}

/**
 * Joules of one run (`resultFile` = result_N.txt): its power/result_N/node_*.txt and sw_*.txt.
 * Throws with the file and the reason when they cannot give an energy.
 */
export async function runEnergy(
  setDir: string,
  resultFile: string,
  timeToTrainMs: number
): Promise<number> {
  const name = resultFile.split('.')[0] ?? resultFile
  const dir = path.join(setDir, 'power', name)
  const files = (await readdir(dir).catch(() => [] as string[])).sort()
  const nodes = files.filter((f) => /^node_.*\.txt$/.test(f))
  const switches = files.filter((f) => /^sw_.*\.txt$/.test(f))
  if (nodes.length === 0) throw new Error(`no power/${name}/node_*.txt file`)
  const records = async (f: string): Promise<LogRecord[]> => {
    const text = await readFile(path.join(dir, f), 'latin1')
    return parseLogLines(text).records
  }
  let total = 0
  for (const f of nodes) {
    try {
      total += nodeEnergy(await records(f), timeToTrainMs)
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      throw new Error(`power/${name}/${f}: ${why}`, { cause: e })
    }
  }
  for (const f of switches) total += switchEnergy(await records(f), timeToTrainMs)
  return total
}

/**
 * _index_olympic_average: the energies (converged runs, in file order) ordered by their times,
 * `k` dropped at each end less the runs already dropped as failed; null when none remain.
 */
export function olympicEnergy(
  runs: readonly { minutes: number; joules: number }[],
  failed: number,
  k: number
): number | null {
  const order = runs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.minutes - b.r.minutes || a.i - b.i)
  const end = runs.length - (k - failed)
  const kept = order.slice(k, end < 0 ? Math.max(0, runs.length + end) : end)
  if (kept.length === 0) return null
  let sum = 0
  for (const { r } of kept) sum += r.joules
  return (sum * 1.0) / kept.length
}
