/**
 * The energy of a training result set that is a power submission (a power/ folder next to the
 * logs), as the result_summarizer computes it: each converged run's energy (energy.ts), then
 * their olympic mean ordered by time to train, times the scaling factor.
 */
import type { TrainingRun } from '../../../shared/training'
import { olympicDropCount } from '../../../mlperf'
import { olympicEnergy, runEnergy } from './energy'
import type { TrainingSetLocation } from './tree-scan'

/** Energy of each converged run; a run without power logs stops the set, as for the summarizer. */
async function convergedRunsEnergy(
  loc: TrainingSetLocation,
  runs: readonly TrainingRun[]
): Promise<{ minutes: number; joules: number }[] | { error: string }> {
  const converged: { minutes: number; joules: number }[] = []
  for (const r of runs) {
    if (!r.converged || r.minutes === null || r.timeToTrainMs === null) continue
    try {
      converged.push({
        minutes: r.minutes,
        joules: await runEnergy(loc.dir, r.file, r.timeToTrainMs)
      })
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) }
    }
  }
  return converged
}

/**
 * The set's energy in joules; null when the set has no power/ folder, or, with the reason in
 * `notes`, when its energy cannot be had.
 */
export async function setEnergy(
  loc: TrainingSetLocation,
  runs: readonly TrainingRun[],
  benchmark: string,
  scalingFactor: number,
  notes: string[]
): Promise<number | null> {
  if (!loc.strayDirs.includes('power')) return null
  const converged = await convergedRunsEnergy(loc, runs)
  if ('error' in converged) {
    notes.push(
      `Power: no energy for the set: ${converged.error} (the summarizer stops on this too).`
    )
    return null
  }
  const failed = runs.length - converged.length
  const k = olympicDropCount(benchmark)
  const mean = failed > k ? null : olympicEnergy(converged, failed, k)
  if (mean === null) {
    notes.push('Power: too few converged runs for an olympic mean of their energy.')
    return null
  }
  notes.push(
    `Power: energy ${mean * scalingFactor} J = olympic mean of ${converged.length} runs' energy (ordered by time to train)` +
      `${scalingFactor !== 1 ? ` × scaling factor ${scalingFactor}` : ''}, from power/result_*/node_*.txt and sw_*.txt as the result_summarizer computes it.`
  )
  return mean * scalingFactor
}
