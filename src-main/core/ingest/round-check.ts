/**
 * What an import says about the rounds it met (src-main/mlperf/round-resolution.ts): a folder
 * naming a round no rules fit (inference_results_v1.5) is refused once, by the folder that names
 * it, and its results are not read; a round newer than this version knows is read with the
 * latest rules, which every row says and the import report says once per round.
 */
import path from 'node:path'
import type { Suite } from '../../mlperf'
import {
  canonicalRound,
  knownRounds,
  latestRound,
  resolveRound,
  roundFromSegment,
  rulesRound,
  suiteTitle
} from '../../mlperf'
import type { SkippedItem } from '../../shared/api'

/** The folder of `dir` (or `dir` itself) whose name names the round, or `dir` when none does. */
export function roundFolder(suite: Suite, dir: string): string {
  const segs = dir.split(/[\\/]/)
  for (let i = segs.length - 1; i >= 0; i--) {
    if (roundFromSegment(suite, segs[i] ?? '') !== null) {
      return segs.slice(0, i + 1).join(path.sep) || path.sep
    }
  }
  return dir
}

/**
 * Splits located results into those whose round has rules (or names none) and one skipped item
 * per folder that names a round no rules fit.
 */
export function refuseInvalidRounds<T extends { dir: string; round: string | null }>(
  suite: Suite,
  items: readonly T[]
): { kept: T[]; skipped: SkippedItem[] } {
  const kept: T[] = []
  const refused = new Map<string, { reason: string; count: number }>()
  for (const item of items) {
    const r = item.round === null ? null : resolveRound(suite, item.round)
    if (r === null || r.kind !== 'invalid') {
      kept.push(item)
      continue
    }
    const folder = roundFolder(suite, item.dir)
    const seen = refused.get(folder)
    if (seen) seen.count++
    else refused.set(folder, { reason: r.error, count: 1 })
  }
  const skipped = [...refused].map(([folder, { reason, count }]) => ({
    path: folder,
    reason: `${reason}; ${count} result${count === 1 ? '' : 's'} in this folder not read.`
  }))
  return { kept, skipped }
}

/** Counts the results of rounds newer than this version knows, for one report note each. */
export class NewerRoundTally {
  private readonly counts = new Map<string, { suite: Suite; round: string; n: number }>()

  add(suite: Suite, round: string): void {
    const r = resolveRound(suite, round)
    if (r.kind !== 'newer') return
    const key = `${suite}\u0000${r.round}`
    const entry = this.counts.get(key) ?? { suite, round: r.round, n: 0 }
    entry.n++
    this.counts.set(key, entry)
  }

  notes(): string[] {
    return [...this.counts.values()].map(({ suite, round, n }) => {
      const rules = rulesRound(suite, round) ?? round
      return (
        `Round ${round} is newer than this version knows; read with the ${rules} rules ` +
        `(${n} ${suiteTitle(suite)} result${n === 1 ? '' : 's'}). Values follow the ${rules} ` +
        'submission checker until this version learns the new round.'
      )
    })
  }
}

/** Training sets whose round neither a folder, the import's round nor the logs decided. */
export class UndecidedRounds {
  private readonly sets: string[] = []

  add(source: string, round: string): void {
    if (round === 'unknown') this.sets.push(source)
  }

  notes(): string[] {
    if (this.sets.length === 0) return []
    const n = this.sets.length
    return [
      `Round not decided for ${n} training result set${n === 1 ? '' : 's'} (no folder names it and the logs fit no single round): ${this.sets.join(', ')}. ` +
        'They are filed under round "unknown"; import them again with the round set ' +
        '(import --round vX.Y, or the Round field of the import dialog).'
    ]
  }
}

/**
 * The round given for an import (CLI --round, the import dialog's Round field): a round of
 * either suite, or a newer one (read with the latest rules); blank means none.
 */
export function checkImportRound(
  round: string | null | undefined
): { round: string | null } | { error: string } {
  if (round === undefined || round === null || round.trim() === '') return { round: null }
  const inference = resolveRound('inference', round.trim())
  const training = resolveRound('training', round.trim())
  if (inference.kind !== 'invalid') return { round: inference.round }
  if (training.kind !== 'invalid') return { round: training.round }
  const name = canonicalRound(round.trim())
  if (name === null) return { error: inference.error }
  const list = (suite: Suite): string => knownRounds(suite).join(', ')
  return {
    error:
      `${name} is not an MLPerf Inference or Training round (Inference: ${list('inference')}; ` +
      `Training: ${list('training')}). A round newer than ${latestRound('inference')} is read with the latest rules.`
  }
}
