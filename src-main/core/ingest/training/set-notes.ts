/**
 * Remarks a training result set's record carries about its folder and its logs, in plain words:
 * what was ignored, which quality target judged convergence, and the quirks of single files.
 */
import type { TargetSpec } from '../../../mlperf'
import type { ParsedTrainingLog } from './parse-log'
import type { TrainingSetLocation } from './tree-scan'

/** Sub-folders of the set other than power/ (which set-energy.ts reads) are not scored. */
export function strayFolderNote(loc: TrainingSetLocation): string | null {
  const stray = loc.strayDirs.filter((d) => d !== 'power')
  if (stray.length === 0) return null
  return `Sub-folder(s) ${stray.join(', ')} inside the set ignored: only result files directly in the benchmark folder are scored.`
}

/**
 * Which target judged convergence: none known, a doubtful one (low confidence), or the target's
 * remark when no round was decided (the target then comes from the log syntax alone).
 */
export function targetNotes(
  target: TargetSpec | null,
  benchmark: string,
  round: string | null
): string[] {
  if (target === null)
    return [`No quality target known for ${benchmark}: convergence was not checked.`]
  if (target.confidence === 'low' && target.note) return [`Target: ${target.note}`]
  if (target.note && round === null) return [target.note]
  return []
}

/**
 * Per-file remarks, grouped: the same quirk usually affects every run of a set, so each remark
 * is said once, after the files it concerns ("result_0.txt, result_1.txt: …").
 */
export function perFileNotes(
  parsedLogs: readonly (ParsedTrainingLog | null)[],
  files: readonly string[]
): string[] {
  const perFile = new Map<string, string[]>()
  parsedLogs.forEach((p, i) => {
    for (const n of p?.notes ?? []) perFile.set(n, [...(perFile.get(n) ?? []), files[i] ?? ''])
  })
  return [...perFile].map(([n, names]) => `${names.join(', ')}: ${n}`)
}
